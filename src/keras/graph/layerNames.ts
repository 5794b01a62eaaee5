/**
 * Automatic layer and model names as Keras gives them. Keras 3 names an object when it is constructed:
 * `auto_name(cls.__name__)` = `uniquify(to_snake_case(name))`, with one counter per prefix for the
 * whole Python session (keras/src/utils/naming.py): the first Dense is 'dense', the next 'dense_1', across
 * every model of the program, and an explicit name= consumes nothing. Within one file HyperLab follows
 * creation order across all models. TensorFlow.js instead appends a per-class counter from 1 to the snake
 * name ('dense_Dense1', tfjs-layers engine/topology.ts). When a layer of a class is created inside a loop
 * or an if, its later numbers cannot be counted statically: they are written with '?' ('dense_?').
 */

export type NamingStyle = 'keras' | 'tfjs';

export interface NamingContext {
  /** The construction happens inside a loop (it may run any number of times). */
  readonly inLoop: boolean;
  /** The construction happens inside an if (it may not run). */
  readonly inIf: boolean;
}

/** Keras' `to_snake_case` (keras/src/utils/naming.py): 'LeakyReLU' -> 'leaky_re_lu', 'Conv2D' -> 'conv2d'. */
export function kerasSnakeCase(name: string): string {
  const cleaned = name.replace(/\W+/g, '');
  return cleaned
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** TensorFlow.js' toSnakeCase (tfjs-layers utils/generic_utils.ts): digits count as lower case there. */
function tfjsSnakeCase(name: string): string {
  const s = name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return s.startsWith('_') ? `private${s}` : s;
}

export class LayerNames {
  private readonly counts = new Map<string, number>();
  private readonly uncertain = new Set<string>();

  constructor(readonly style: NamingStyle) {}

  /** The automatic name for a new object whose Keras prefix is `prefix` (and class `className`, for TF.js). */
  next(prefix: string, className: string, ctx: NamingContext): string {
    const key = this.style === 'keras' ? prefix : className;
    const n = this.counts.get(key) ?? 0;
    this.counts.set(key, n + 1);
    const unsure = this.uncertain.has(key) || ctx.inLoop;
    if (ctx.inLoop || ctx.inIf) this.uncertain.add(key);
    if (this.style === 'tfjs') return `${tfjsSnakeCase(className)}_${className}${unsure ? '?' : String(n + 1)}`;
    if (unsure) return `${prefix}_?`;
    return n === 0 ? prefix : `${prefix}_${n}`;
  }

  /** TensorFlow.js' getUid(prefix): 'input1', 'sequential_1', 'model1' (tfjs-layers backend/state.ts). */
  tfjsUid(prefix: string): string {
    const key = `uid:${prefix}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return `${prefix}${n}`;
  }
}

/** True when a name contains the '?' HyperLab writes for a number it cannot count. */
export function isUncertainName(name: string): boolean {
  return name.includes('?');
}
