/**
 * Every command HyperLab contributes, by id. package.json's `contributes.commands` lists the same ids;
 * a unit test checks the two agree, and an integration test checks that each one is registered.
 */
export const CommandIds = {
  openTrainingPanel: 'hyperlab.openTrainingPanel',
  trainExperiment: 'hyperlab.trainExperiment',
  trainModel: 'hyperlab.trainModel',
  trainExercise: 'hyperlab.trainExercise',
  loadExercise: 'hyperlab.loadExercise',
  exportKerasScript: 'hyperlab.exportKerasScript',
  loadFromCode: 'hyperlab.loadFromCode',
  applyToCode: 'hyperlab.applyToCode',
  showModelSummary: 'hyperlab.showModelSummary',
  stopTraining: 'hyperlab.stopTraining',
  pauseTraining: 'hyperlab.pauseTraining',
  resumeTraining: 'hyperlab.resumeTraining',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** The sidebar's webview view, contributed under the `hyperlab` activity-bar container. */
export const TUNING_VIEW_ID = 'hyperlab.tuning';
