/**
 * Keras' Nadam (keras/src/optimizers/nadam.py at commit 13de96a), Adam with Dozat's Nesterov
 * momentum schedule. With t = iterations + 1 and μ(s) = β₁(1 − 0.5·0.96ˢ):
 *   before the per-variable updates, once per step: Π ← Π·μ(t)   (`_backend_update_step` L94-105; Π starts at 1, L92)
 *   uₜ = μ(t), uₜ₊₁ = μ(t+1), Πₜ = Π, Πₜ₊₁ = Π·uₜ₊₁              (L118-122)
 *   m ← m + (g − m)(1−β₁);  v ← v + (g² − v)(1−β₂)
 *   m̂ = uₜ₊₁·m/(1 − Πₜ₊₁) + (1 − uₜ)·g/(1 − Πₜ)                  (L134-137, with the new m)
 *   v̂ = v/(1 − β₂ᵗ)                                               (L138)
 *   w ← w − lr·m̂/(√v̂ + ε)                                        (L140-145)
 * The product cache Π is one scalar for the whole optimizer, like Keras' `_u_product` variable.
 */
import { BaseOptimizer, BASE_ARG_NAMES, type BaseOptimizerArgs, type ConfigValue } from './baseOptimizer';
import { NON_NEGATIVE, OptimizerArgs, UNIT_OPEN_TOP } from './optimizerArgs';

export type NadamArgs = BaseOptimizerArgs & { beta_1?: number; beta_2?: number; epsilon?: number };

/** nadam.py __init__ defaults. */
export const NADAM_DEFAULTS = { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 } as const;

/** Dozat's momentum schedule decay, hard-coded in nadam.py. */
const MOMENTUM_DECAY = 0.96;

export class Nadam extends BaseOptimizer {
  readonly className: string = 'Nadam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private m = new Float32Array(0); // (size) first moment
  private v = new Float32Array(0); // (size) second moment
  private uProduct = 1; // Π μ(1..t), Keras' `_u_product`

  constructor(args: Readonly<NadamArgs> = {}, key = 'Nadam') {
    const a = new OptimizerArgs(args, key, 'Nadam', [...BASE_ARG_NAMES, 'beta_1', 'beta_2', 'epsilon']);
    super(a, { learning_rate: NADAM_DEFAULTS.learning_rate, name: 'nadam', weight_decay: null });
    this.beta1 = a.number('beta_1', NADAM_DEFAULTS.beta_1, UNIT_OPEN_TOP);
    this.beta2 = a.number('beta_2', NADAM_DEFAULTS.beta_2, UNIT_OPEN_TOP);
    this.epsilon = a.number('epsilon', NADAM_DEFAULTS.epsilon, NON_NEGATIVE);
  }

  protected buildSlots(size: number): void {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
    this.uProduct = 1;
  }

  protected updateStep(w: Float32Array, g: Float32Array, lr: number, t: number): void {
    const b1 = this.beta1, b2 = this.beta2, eps = this.epsilon;
    const uT = b1 * (1 - 0.5 * Math.pow(MOMENTUM_DECAY, t));
    const uT1 = b1 * (1 - 0.5 * Math.pow(MOMENTUM_DECAY, t + 1));
    this.uProduct *= uT;
    const uProductT = this.uProduct, uProductT1 = uProductT * uT1;
    const cm = uT1 / (1 - uProductT1), cg = (1 - uT) / (1 - uProductT), vCorrection = 1 - Math.pow(b2, t);
    const m = this.m, v = this.v, n = w.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      m[i]! += (gi - m[i]!) * (1 - b1);
      v[i]! += (gi * gi - v[i]!) * (1 - b2);
      const mHat = cm * m[i]! + cg * gi;
      const vHat = v[i]! / vCorrection;
      w[i]! -= (mHat * lr) / (Math.sqrt(vHat) + eps);
    }
  }

  protected ownConfig(): Record<string, ConfigValue> {
    return { beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
