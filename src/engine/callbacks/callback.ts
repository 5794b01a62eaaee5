/**
 * The callback contract of the training loop, after keras.callbacks.Callback: hooks at the start and end
 * of training and at the end of each epoch (0-based `epoch`, as Keras passes it). `logs` holds the
 * epoch's history values by Keras key (loss, val_loss, accuracy, ...); a callback may add keys
 * (ReduceLROnPlateau adds learning_rate) and may ask the loop to stop.
 */

export type EpochLogs = Record<string, number>;

/** What callbacks may read and change on the running fit. */
export interface TrainingControl {
  /** Set to true to stop after the current epoch (Keras `model.stop_training`). */
  stopTraining: boolean;
  learningRate: number;
  /** A copy of every trainable value. */
  getWeights(): Float32Array;
  setWeights(values: Float32Array): void;
}

export interface Callback {
  readonly className: string;
  onTrainBegin?(control: TrainingControl): void;
  onEpochEnd?(epoch: number, logs: EpochLogs, control: TrainingControl): void;
  onTrainEnd?(control: TrainingControl): void;
}

