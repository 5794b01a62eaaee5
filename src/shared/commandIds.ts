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
  runsRefresh: 'hyperlab.runs.refresh',
  runsCompare: 'hyperlab.runs.compare',
  runsRename: 'hyperlab.runs.rename',
  runsStar: 'hyperlab.runs.star',
  runsUnstar: 'hyperlab.runs.unstar',
  runsNote: 'hyperlab.runs.note',
  runsDelete: 'hyperlab.runs.delete',
  runsRerun: 'hyperlab.runs.rerun',
  runsOpenExperiment: 'hyperlab.runs.openExperiment',
  runsExport: 'hyperlab.runs.export',
  runsFilter: 'hyperlab.runs.filter',
  runsClearFilter: 'hyperlab.runs.clearFilter',
  runsSort: 'hyperlab.runs.sort',
  runsGroupBy: 'hyperlab.runs.groupBy',
  runsUndoDelete: 'hyperlab.runs.undoDelete',
  downloadMnist: 'hyperlab.downloadMnist',
  runSweep: 'hyperlab.runSweep',
  sweepFromSidebar: 'hyperlab.sweepFromSidebar',
  pauseSweep: 'hyperlab.pauseSweep',
  resumeSweep: 'hyperlab.resumeSweep',
  cancelSweep: 'hyperlab.cancelSweep',
  showSweep: 'hyperlab.showSweep',
  exportSweepOptuna: 'hyperlab.exportSweepOptuna',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** The Runs view (a tree), contributed under the `hyperlab` activity-bar container. */
export const RUNS_VIEW_ID = 'hyperlab.runs';

/** The sidebar's webview view, contributed under the `hyperlab` activity-bar container. */
export const TUNING_VIEW_ID = 'hyperlab.tuning';
