/**
 * Keras activation names → the engine's Activation objects, mirroring
 * keras/src/activations/__init__.py `get`: None means linear, a string is looked up by its function
 * name ('swish' is an alias of silu), anything else is an error that lists the names HyperLab supports.
 * Activations are stateless, so each call returns a fresh object only for tidiness.
 */
import { lookup } from '../configError';
import type { Activation } from './activation';
import { Elu, Selu } from './exponentialLinear';
import { Gelu } from './gelu';
import { Linear } from './linear';
import { LeakyRelu, Relu } from './relu';
import { Sigmoid, Tanh } from './sigmoid';
import { Softmax } from './softmax';
import { Silu, Softplus } from './softplusSilu';

const REGISTRY: ReadonlyMap<string, () => Activation> = new Map<string, () => Activation>([
  ['relu', () => new Relu()],
  ['linear', () => new Linear()],
  ['sigmoid', () => new Sigmoid()],
  ['tanh', () => new Tanh()],
  ['softmax', () => new Softmax()],
  ['leaky_relu', () => new LeakyRelu()],
  ['elu', () => new Elu()],
  ['selu', () => new Selu()],
  ['gelu', () => new Gelu()],
  ['silu', () => new Silu()],
  ['swish', () => new Silu()],
  ['softplus', () => new Softplus()],
]);

/** Every activation name `getActivation` accepts, in registry order. */
export const ACTIVATION_NAMES: readonly string[] = [...REGISTRY.keys()];

/**
 * The activation Keras would use for `name`. null/undefined → linear (Keras `activation=None`).
 * Throws a ConfigError naming `key` (e.g. "layers[2].activation") and the allowed names otherwise.
 */
export function getActivation(name: string | null | undefined, key: string): Activation {
  if (name === null || name === undefined) return new Linear();
  return lookup(REGISTRY, key, name)();
}
