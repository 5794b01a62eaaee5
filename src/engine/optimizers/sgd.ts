/**
 * Keras' SGD with momentum in its velocity form (keras/src/optimizers/sgd.py, update_step L96-124 at
 * commit 1937d48): momentum = 0 is plain w ← w − lr·g; otherwise
 *   v ← m·v − lr·g,  then  w ← w + v            (nesterov=False)
 *                    or    w ← w + m·v − lr·g   (nesterov=True, with the new v).
 * This is not PyTorch's form (v ← m·v + g; w ← w − lr·v): the two differ once lr changes.
 */
import { BaseOptimizer, BASE_ARG_NAMES, type BaseOptimizerArgs, type ConfigValue } from './baseOptimizer';
import { OptimizerArgs, UNIT } from './optimizerArgs';

export type SGDArgs = BaseOptimizerArgs & { momentum?: number; nesterov?: boolean };

/** sgd.py __init__: learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD". */
export const SGD_DEFAULTS = { learning_rate: 0.01, momentum: 0.0, nesterov: false } as const;

export class SGD extends BaseOptimizer {
  readonly className: string = 'SGD';
  readonly momentum: number;
  readonly nesterov: boolean;
  private velocity = new Float32Array(0); // (size) momentum slot, only when momentum != 0

  constructor(args: Readonly<SGDArgs> = {}, key = 'SGD') {
    const a = new OptimizerArgs(args, key, 'SGD', [...BASE_ARG_NAMES, 'momentum', 'nesterov']);
    super(a, { learning_rate: SGD_DEFAULTS.learning_rate, name: 'SGD', weight_decay: null });
    // sgd.py L70: "`momentum` must be a float between [0, 1]."
    this.momentum = a.number('momentum', SGD_DEFAULTS.momentum, UNIT);
    this.nesterov = a.boolean('nesterov', SGD_DEFAULTS.nesterov);
  }

  protected buildSlots(size: number): void {
    this.velocity = new Float32Array(this.momentum !== 0 ? size : 0);
  }

  protected updateStep(w: Float32Array, g: Float32Array, lr: number): void {
    const n = w.length, m = this.momentum, v = this.velocity;
    if (m === 0) {
      for (let i = 0; i < n; i++) w[i]! -= g[i]! * lr;
    } else if (this.nesterov) {
      for (let i = 0; i < n; i++) {
        v[i] = v[i]! * m - g[i]! * lr;
        w[i]! += v[i]! * m - g[i]! * lr;
      }
    } else {
      for (let i = 0; i < n; i++) {
        v[i] = v[i]! * m - g[i]! * lr;
        w[i]! += v[i]!;
      }
    }
  }

  protected ownConfig(): Record<string, ConfigValue> {
    return { momentum: this.momentum, nesterov: this.nesterov };
  }
}
