/**
 * Keras' Adam (keras/src/optimizers/adam.py, update_step L101-136 at commit 13de96a), with t = iterations + 1:
 *   α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ)                 (bias correction folded into the step size, L116)
 *   m ← m + (g − m)(1−β₁);  v ← v + (g² − v)(1−β₂)
 *   amsgrad: v̂ ← max(v̂, v) and v̂ replaces v   (L127-130)
 *   w ← w − α·m/(√v + ε)                        (ε outside the root: "epsilon hat", L134)
 * AdamW (adamw.ts) is this class with a default weight decay.
 */
import { BaseOptimizer, BASE_ARG_NAMES, type BaseDefaults, type BaseOptimizerArgs, type ConfigValue } from './baseOptimizer';
import { NON_NEGATIVE, OptimizerArgs, UNIT_OPEN_TOP } from './optimizerArgs';

export type AdamArgs = BaseOptimizerArgs & { beta_1?: number; beta_2?: number; epsilon?: number; amsgrad?: boolean };

/** adam.py __init__ defaults (epsilon 1e-7, not PyTorch's 1e-8). */
export const ADAM_DEFAULTS = { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } as const;

export const ADAM_ARG_NAMES: readonly string[] = [...BASE_ARG_NAMES, 'beta_1', 'beta_2', 'epsilon', 'amsgrad'];

export class Adam extends BaseOptimizer {
  readonly className: string = 'Adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;
  private m = new Float32Array(0); // (size) first moment
  private v = new Float32Array(0); // (size) second moment
  private vHat = new Float32Array(0); // (size) running max of v, only with amsgrad

  constructor(args: Readonly<AdamArgs> = {}, key = 'Adam', owner = 'Adam', defaults: BaseDefaults = { learning_rate: ADAM_DEFAULTS.learning_rate, name: 'adam', weight_decay: null }) {
    const a = new OptimizerArgs(args, key, owner, ADAM_ARG_NAMES);
    super(a, defaults);
    // Keras does not check the betas; β = 1 would divide by zero in α, so HyperLab asks for [0, 1).
    this.beta1 = a.number('beta_1', ADAM_DEFAULTS.beta_1, UNIT_OPEN_TOP);
    this.beta2 = a.number('beta_2', ADAM_DEFAULTS.beta_2, UNIT_OPEN_TOP);
    this.epsilon = a.number('epsilon', ADAM_DEFAULTS.epsilon, NON_NEGATIVE);
    this.amsgrad = a.boolean('amsgrad', ADAM_DEFAULTS.amsgrad);
  }

  protected buildSlots(size: number): void {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
    this.vHat = new Float32Array(this.amsgrad ? size : 0);
  }

  protected updateStep(w: Float32Array, g: Float32Array, lr: number, t: number): void {
    const b1 = this.beta1, b2 = this.beta2, eps = this.epsilon, amsgrad = this.amsgrad;
    const alpha = (lr * Math.sqrt(1 - Math.pow(b2, t))) / (1 - Math.pow(b1, t));
    const m = this.m, v = this.v, vHat = this.vHat, n = w.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      m[i]! += (gi - m[i]!) * (1 - b1);
      v[i]! += (gi * gi - v[i]!) * (1 - b2);
      let vi = v[i]!;
      if (amsgrad) {
        if (vi > vHat[i]!) vHat[i] = vi;
        vi = vHat[i]!;
      }
      w[i]! -= (m[i]! * alpha) / (Math.sqrt(vi) + eps);
    }
  }

  protected ownConfig(): Record<string, ConfigValue> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }
}
