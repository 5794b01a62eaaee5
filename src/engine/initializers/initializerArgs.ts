/**
 * Reads and checks the `config` dict of a Keras initializer identifier ({"class_name": "RandomUniform",
 * "config": {"minval": -1, "maxval": 1}}) the way the Keras constructors would receive it as keyword
 * arguments: unknown names are refused (Python would raise TypeError), missing ones take the Keras
 * default. Every refusal is a ConfigError naming the argument and what it accepts.
 */
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { FLOAT32_TEXT, readSeed } from '../experiment/specReader';

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export class InitializerArgs {
  private constructor(
    private readonly raw: Readonly<Record<string, unknown>>,
    private readonly key: string,
    private readonly className: string,
  ) {}

  /** `config` may be absent or null (no arguments); `allowed` lists the constructor's keyword arguments. */
  static read(config: unknown, key: string, className: string, allowed: readonly string[]): InitializerArgs {
    if (config === undefined || config === null) return new InitializerArgs({}, key, className);
    if (!isPlainObject(config)) throw new ConfigError(`${key}.config`, config, msg('a dict of {0} arguments', className));
    for (const name of Object.keys(config)) {
      if (!allowed.includes(name)) {
        const accepted = allowed.length === 0 ? msg('no arguments') : msg('only {0}', allowed.join(', '));
        throw new ConfigError(`${key}.config`, name, msg('an argument of {0}, which takes {1}', className, accepted));
      }
    }
    return new InitializerArgs(config, key, className);
  }

  private has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.raw, name);
  }

  /** A finite number (Keras: "a Python scalar"), or `fallback` when not given. */
  number(name: string, fallback: number): number {
    if (!this.has(name)) return fallback;
    const v = this.raw[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(`${this.key}.${name}`, v, msg('a finite number for {0}', `${this.className}(${name}=...)`));
    // The weights are float32: Constant(value=1e39) would start the run from Infinity.
    if (!Number.isFinite(Math.fround(v))) throw new ConfigError(`${this.key}.${name}`, v, FLOAT32_TEXT);
    return v;
  }

  /** A number > 0 (VarianceScaling: "Argument `scale` must be positive float"). */
  positive(name: string, fallback: number): number {
    const v = this.number(name, fallback);
    if (!(v > 0)) throw new ConfigError(`${this.key}.${name}`, v, msg('a positive number for {0}', `${this.className}(${name}=...)`));
    return v;
  }

  /** An integer seed 0..2^32 - 1 or null (Keras also takes a SeedGenerator, which has no meaning here). */
  seed(): number | null {
    if (!this.has('seed')) return null;
    const v = this.raw.seed;
    if (v === null) return null;
    return readSeed(v, `${this.key}.seed`);
  }

  /** One of `options`, after `normalize` (VarianceScaling lower-cases `distribution`). */
  choice<T extends string>(name: string, fallback: T, options: readonly T[], normalize: (s: string) => string = (s) => s): T {
    if (!this.has(name)) return fallback;
    const v = this.raw[name];
    const found = typeof v === 'string' ? options.find((o) => o === normalize(v)) : undefined;
    if (found === undefined) throw new ConfigError(`${this.key}.${name}`, v, msg('one of {0}', options.join(', ')));
    return found;
  }
}
