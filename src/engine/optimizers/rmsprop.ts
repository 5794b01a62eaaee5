/**
 * Keras' RMSprop (keras/src/optimizers/rmsprop.py, update_step L109-154 at commit 13de96a):
 *   s ← ρ·s + (1−ρ)·g²
 *   centered: ḡ ← ρ·ḡ + (1−ρ)·g,  denom = s − ḡ² + ε;  else denom = s + ε   (ε INSIDE the sqrt, L141/L143)
 *   Δ = lr·g / √denom
 *   momentum > 0: μ ← momentum·μ + Δ, w ← w − μ;  else w ← w − Δ   (plain momentum, not Nesterov)
 * Argument checks follow the newer rmsprop.py (commit 3324ca6): rho and momentum in [0, 1], epsilon > 0.
 */
import { BaseOptimizer, BASE_ARG_NAMES, type BaseOptimizerArgs, type ConfigValue } from './baseOptimizer';
import { OptimizerArgs, POSITIVE, UNIT } from './optimizerArgs';

export type RMSpropArgs = BaseOptimizerArgs & { rho?: number; momentum?: number; epsilon?: number; centered?: boolean };

/** rmsprop.py __init__ defaults. */
export const RMSPROP_DEFAULTS = { learning_rate: 0.001, rho: 0.9, momentum: 0.0, epsilon: 1e-7, centered: false } as const;

export class RMSprop extends BaseOptimizer {
  readonly className: string = 'RMSprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  private velocity = new Float32Array(0); // (size) s, the mean square
  private moment = new Float32Array(0); // (size) μ, only when momentum > 0
  private averageGradient = new Float32Array(0); // (size) ḡ, only when centered

  constructor(args: Readonly<RMSpropArgs> = {}, key = 'RMSprop') {
    const a = new OptimizerArgs(args, key, 'RMSprop', [...BASE_ARG_NAMES, 'rho', 'momentum', 'epsilon', 'centered']);
    super(a, { learning_rate: RMSPROP_DEFAULTS.learning_rate, name: 'rmsprop', weight_decay: null });
    this.rho = a.number('rho', RMSPROP_DEFAULTS.rho, UNIT);
    this.momentum = a.number('momentum', RMSPROP_DEFAULTS.momentum, UNIT);
    this.epsilon = a.number('epsilon', RMSPROP_DEFAULTS.epsilon, POSITIVE);
    this.centered = a.boolean('centered', RMSPROP_DEFAULTS.centered);
  }

  protected buildSlots(size: number): void {
    this.velocity = new Float32Array(size);
    this.moment = new Float32Array(this.momentum > 0 ? size : 0);
    this.averageGradient = new Float32Array(this.centered ? size : 0);
  }

  protected updateStep(w: Float32Array, g: Float32Array, lr: number): void {
    const n = w.length, rho = this.rho, eps = this.epsilon, mom = this.momentum, centered = this.centered;
    const s = this.velocity, mu = this.moment, avg = this.averageGradient;
    if (!centered && mom === 0) {
      // The default (and the lecture's) RMSprop: one tight loop, no branches. Math.fround keeps the
      // mean square exactly as the float32 slot stores it, as the general loop below reads it back.
      const decay = 1 - rho;
      for (let i = 0; i < n; i++) {
        const gi = g[i]!;
        const si = Math.fround(rho * s[i]! + decay * gi * gi);
        s[i] = si;
        w[i]! -= (lr * gi) / Math.sqrt(si + eps);
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      s[i] = rho * s[i]! + (1 - rho) * gi * gi;
      let denom: number;
      if (centered) {
        avg[i] = rho * avg[i]! + (1 - rho) * gi;
        denom = s[i]! - avg[i]! * avg[i]! + eps;
      } else {
        denom = s[i]! + eps;
      }
      const increment = (lr * gi) / Math.sqrt(denom);
      if (mom > 0) {
        mu[i] = mom * mu[i]! + increment;
        w[i]! -= mu[i]!;
      } else {
        w[i]! -= increment;
      }
    }
  }

  protected ownConfig(): Record<string, ConfigValue> {
    return { rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}
