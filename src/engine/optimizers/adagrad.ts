/**
 * Keras' Adagrad (keras/src/optimizers/adagrad.py at commit 40c7497): accumulators start at
 * initial_accumulator_value (build, L73), then update_step (L78-92)
 *   a ← a + g²;  w ← w − lr·g/√(a + ε)   (ε inside the root).
 */
import { BaseOptimizer, BASE_ARG_NAMES, type BaseOptimizerArgs, type ConfigValue } from './baseOptimizer';
import { NON_NEGATIVE, OptimizerArgs } from './optimizerArgs';

export type AdagradArgs = BaseOptimizerArgs & { initial_accumulator_value?: number; epsilon?: number };

/** adagrad.py __init__ defaults. */
export const ADAGRAD_DEFAULTS = { learning_rate: 0.001, initial_accumulator_value: 0.1, epsilon: 1e-7 } as const;

export class Adagrad extends BaseOptimizer {
  readonly className: string = 'Adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;
  private accumulator = new Float32Array(0); // (size) running sum of g²

  constructor(args: Readonly<AdagradArgs> = {}, key = 'Adagrad') {
    const a = new OptimizerArgs(args, key, 'Adagrad', [...BASE_ARG_NAMES, 'initial_accumulator_value', 'epsilon']);
    super(a, { learning_rate: ADAGRAD_DEFAULTS.learning_rate, name: 'adagrad', weight_decay: null });
    // Keras doc: "Must be non-negative."
    this.initialAccumulatorValue = a.number('initial_accumulator_value', ADAGRAD_DEFAULTS.initial_accumulator_value, NON_NEGATIVE);
    this.epsilon = a.number('epsilon', ADAGRAD_DEFAULTS.epsilon, NON_NEGATIVE);
  }

  protected buildSlots(size: number): void {
    this.accumulator = new Float32Array(size).fill(this.initialAccumulatorValue);
  }

  protected updateStep(w: Float32Array, g: Float32Array, lr: number): void {
    const acc = this.accumulator, eps = this.epsilon, n = w.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      acc[i]! += gi * gi;
      w[i]! -= (lr * gi) / Math.sqrt(acc[i]! + eps);
    }
  }

  protected ownConfig(): Record<string, ConfigValue> {
    return { initial_accumulator_value: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}
