/**
 * Where practitioners start tuning: the typical values HyperLab's hovers and the sidebar's tooltips both
 * state, each with its source, so the two say the same numbers (test/unit/teachingFacts.test.ts checks the
 * tooltips against this file). Starting points, not rules; Keras' own defaults live in hyperparams.ts and
 * the engine's registries. Data only.
 */

export interface TypicalRange {
  readonly low: number;
  readonly high: number;
}

export const TYPICAL = {
  /**
   * Dropout rate: Srivastava et al., "Dropout: a simple way to prevent neural networks from overfitting",
   * JMLR 15 (2014), keep units with p = 0.8 at the input and p = 0.5 in hidden layers, i.e. rates 0.2–0.5.
   */
  dropoutRate: { low: 0.2, high: 0.5 },
  /**
   * L1/L2 factor: the usual search range, tried on a log scale; there is no single source. Keras' default
   * of 0.01 (keras/src/regularizers/regularizers.py) is its strong end.
   */
  weightPenalty: { low: 0.00001, high: 0.01 },
  /** Batch size: powers of 2 from 32 to 256 (Goodfellow, Bengio and Courville, Deep Learning, 2016, §8.1.3). */
  batchSize: { low: 32, high: 256 },
  /** SGD momentum: "common values ... include 0.5, 0.9 and 0.99" (Deep Learning §8.3.2); 0.9 is the usual one. */
  momentum: 0.9,
  /**
   * SGD learning rate: 0.01 "typically works" (Bengio, "Practical recommendations for gradient-based
   * training of deep architectures", 2012, §3.1.1), 0.1 with momentum 0.9 trains ResNets (He et al., 2016).
   */
  sgdLearningRate: { low: 0.01, high: 0.1 },
  /**
   * Adam, AdamW, Nadam and RMSprop: Kingma and Ba (2015) and Keras default to 0.001 (keras/src/optimizers/
   * adam.py, rmsprop.py, nadam.py); smaller values, down to 0.0001, are the usual fallback.
   */
  adaptiveLearningRate: { low: 0.0001, high: 0.001 },
} as const;

/** A plain decimal as a user would type it into the sidebar or a Keras call: 0.00001, not 1e-05. */
export function plainNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const digits = Math.max(0, -Math.floor(Math.log10(Math.abs(n)))) + 3;
  return n.toFixed(Math.min(20, digits)).replace(/0+$/, '').replace(/\.$/, '');
}

/** "0.2–0.5": a typical range as the tooltips and hovers write it. */
export function rangeText(range: TypicalRange): string {
  return `${plainNumber(range.low)}–${plainNumber(range.high)}`;
}
