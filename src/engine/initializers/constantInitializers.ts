/**
 * The deterministic initializers of keras/src/initializers/constant_initializers.py: Constant(value=0.0)
 * (value · ones(shape)), Zeros (the Dense bias default) and Ones. They ignore the Rng and draw nothing,
 * so they never shift the random stream of the layers after them. Identity and STFTInitializer are
 * not supported by HyperLab.
 */
import type { Rng } from '../rng';
import { formatNumber } from './initializerDescription';
import type { ConstantDescription, DescribableInitializer } from './initializerDescription';
import { checkFillSize } from './sampling';

export class Constant implements DescribableInitializer {
  readonly name: string = 'constant';

  constructor(readonly value = 0.0) {}

  fill(out: Float32Array, shape: readonly number[], _rng: Rng): void {
    checkFillSize(this.name, out, shape);
    out.fill(this.value);
  }

  describe(): ConstantDescription {
    return {
      kind: 'constant', initializer: this.name, value: this.value,
      formula: `value = ${formatNumber(this.value)}`,
      summary: `constant ${formatNumber(this.value)}`,
    };
  }

  getConfig(): Record<string, number | string | null> {
    return { value: this.value };
  }
}

/** Keras' Zeros and Ones take no arguments, and their config is the base Initializer's: {}. */
export class Zeros extends Constant {
  override readonly name = 'zeros';
  constructor() { super(0.0); }
  override getConfig(): Record<string, number | string | null> { return {}; }
}

export class Ones extends Constant {
  override readonly name = 'ones';
  constructor() { super(1.0); }
  override getConfig(): Record<string, number | string | null> { return {}; }
}
