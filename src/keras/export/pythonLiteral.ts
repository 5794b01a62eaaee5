/** JSON values written as Python literals (True/False/None, strings with double quotes, lists), for generated Keras code. */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export function pyLiteral(v: Json): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(', ')}]`;
  const entries = Object.entries(v as { readonly [key: string]: Json });
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${pyLiteral(x)}`).join(', ')}}`;
}

/** A shape as a Python tuple: [784] → (784,). */
export function pyTuple(dims: readonly Json[]): string {
  return dims.length === 1 ? `(${pyLiteral(dims[0]!)},)` : `(${dims.map(pyLiteral).join(', ')})`;
}

/** keyword=value pairs, skipping `skip` keys. */
export function pyKwargs(args: { readonly [key: string]: Json }, skip: readonly string[] = ['class_name']): string[] {
  return Object.entries(args).filter(([k]) => !skip.includes(k)).map(([k, v]) => `${k}=${pyObject(v)}`);
}

/** A value that may be a Keras object config ({"class_name": "L2", "l2": 0.01} → regularizers.L2(l2=0.01)). */
export function pyObject(v: Json): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { class_name?: unknown }).class_name === 'string') {
    const obj = v as { readonly [key: string]: Json };
    const name = obj.class_name as string;
    return `${moduleOf(name)}.${name}(${pyKwargs(obj).join(', ')})`;
  }
  return pyLiteral(v);
}

const REGULARIZERS = ['L1', 'L2', 'L1L2', 'l1', 'l2', 'l1_l2'];
const CALLBACKS = ['EarlyStopping', 'ReduceLROnPlateau'];
const SCHEDULES = ['ExponentialDecay', 'PiecewiseConstantDecay'];

function moduleOf(className: string): string {
  if (REGULARIZERS.includes(className)) return 'keras.regularizers';
  if (CALLBACKS.includes(className)) return 'keras.callbacks';
  if (SCHEDULES.includes(className)) return 'keras.optimizers.schedules';
  if (/^(SGD|RMSprop|Adam|AdamW|Adagrad|Nadam)$/.test(className)) return 'keras.optimizers';
  return 'keras.initializers';
}
