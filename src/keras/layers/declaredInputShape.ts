/**
 * The input shape a layer call declares, with the batch axis: `Input(shape=(784,))` and `InputLayer` through
 * shape=/batch_shape= (+ batch_size=), any other layer through input_shape=, input_dim=, batch_input_shape=
 * (+ batch_size=, tf.keras 2), and Embedding through input_length=. Precedence follows tf.keras 2 (the only
 * version with batch_input_shape): batch_input_shape, then input_shape, then input_dim. Keras 3 refs:
 * keras/src/layers/core/input_layer.py and keras/src/layers/layer.py (`__init__` pops input_dim/input_shape).
 * Returns undefined when nothing is declared and null when a declaration cannot be read statically.
 */
import type { Dim, LayerCall, PyValue, Shape, UnknownDim } from '../kerasModel';
import { msg } from '../message';
import { canonicalClassName } from './layerNames';

type CallLike = Pick<LayerCall, 'className' | 'args' | 'kwargs'>;

const INPUT_SIGNATURE = ['shape', 'batch_size', 'dtype', 'sparse', 'ragged', 'batch_shape', 'name', 'tensor', 'optional'];
const INPUT_LAYER_SIGNATURE = ['shape', 'batch_size', 'dtype', 'sparse', 'ragged', 'batch_shape', 'input_tensor', 'optional', 'name'];

export function declaredInputShape(call: CallLike): Shape | null | undefined {
  if (call.className === 'Input') return inputDeclaration(bindPositional(call, INPUT_SIGNATURE), 'tensor');
  const canonical = canonicalClassName(call.className);
  if (canonical === 'InputLayer') return inputDeclaration(bindPositional(call, INPUT_LAYER_SIGNATURE), 'input_tensor');
  return layerDeclaration(call.kwargs, canonical === 'Embedding');
}

/**
 * The sizes of a shape tuple: non-negative integers or None, and sizes known only when the code runs
 * (`x_train.shape[1]`) as unknown sizes; null when it is not a readable tuple.
 */
export function readShapeTuple(value: PyValue): Dim[] | null {
  if (value.kind !== 'tuple') return null;
  const dims: Dim[] = [];
  for (const item of value.items) {
    const unknown = unknownSize(item);
    if (unknown) dims.push(unknown);
    else if (item.kind === 'none') dims.push(null);
    else if (item.kind === 'number' && Number.isInteger(item.value) && item.value >= 0) dims.push(item.value);
    else return null;
  }
  return dims;
}

/** A size written as a value HyperLab cannot read statically (a run-time value, a call's result), or null. */
export function unknownSize(item: PyValue): UnknownDim | null {
  if (item.kind === 'unknown') return { unknown: item.reason };
  if (item.kind === 'call') return { unknown: msg('is computed by `{0}(...)` when the code runs', item.callee) };
  return null;
}

function bindPositional(call: CallLike, signature: readonly string[]): Map<string, PyValue> {
  const bound = new Map<string, PyValue>();
  call.args.forEach((value, i) => {
    const name = signature[i];
    if (name !== undefined) bound.set(name, value);
  });
  for (const [name, value] of Object.entries(call.kwargs)) bound.set(name, value);
  return bound;
}

function inputDeclaration(bound: Map<string, PyValue>, tensorArg: string): Shape | null | undefined {
  const tensor = bound.get(tensorArg);
  if (tensor !== undefined && tensor.kind !== 'none') return null;
  const shape = present(bound.get('shape')) ?? present(bound.get('input_shape'));
  if (shape !== undefined) return withBatch(shape, bound.get('batch_size'));
  const batchShape = present(bound.get('batch_shape')) ?? present(bound.get('batch_input_shape'));
  if (batchShape !== undefined) return readShapeTuple(batchShape);
  return undefined;
}

function layerDeclaration(kwargs: Readonly<Record<string, PyValue>>, isEmbedding: boolean): Shape | null | undefined {
  const batchShape = present(kwargs['batch_input_shape']);
  if (batchShape !== undefined) return readShapeTuple(batchShape);
  const shape = present(kwargs['input_shape']);
  if (shape !== undefined) return withBatch(shape, kwargs['batch_size']);
  if (isEmbedding) {
    // Embedding's own input_dim is the vocabulary size; its sequence length is input_length.
    const length = present(kwargs['input_length']);
    if (length !== undefined) return withBatch({ kind: 'tuple', items: [length] }, kwargs['batch_size']);
    return undefined;
  }
  const dim = present(kwargs['input_dim']);
  if (dim !== undefined) return withBatch({ kind: 'tuple', items: [dim] }, kwargs['batch_size']);
  return undefined;
}

/** A value that is given and not None. */
function present(value: PyValue | undefined): PyValue | undefined {
  return value === undefined || value.kind === 'none' ? undefined : value;
}

function withBatch(shape: PyValue, batchSize: PyValue | undefined): Shape | null {
  const dims = readShapeTuple(shape);
  if (dims === null) return null;
  if (batchSize === undefined || batchSize.kind === 'none') return [null, ...dims];
  const unknown = unknownSize(batchSize);
  if (unknown) return [unknown, ...dims];
  if (batchSize.kind === 'number' && Number.isInteger(batchSize.value) && batchSize.value > 0) return [batchSize.value, ...dims];
  return null;
}
