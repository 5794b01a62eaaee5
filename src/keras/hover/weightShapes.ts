/**
 * The shape of one weight of a layer (its kernel, recurrent kernel, bias or embeddings), as the Keras 3
 * layer's build() creates it, so the initializer hover can give the concrete limit for *that* weight's
 * fans and the regularizer hover can say how many values are penalized. Dense: kernel (d, units); ConvND:
 * kernel (*kernel_size, in_channels, filters), Transpose (*kernel_size, filters, in_channels); SimpleRNN /
 * LSTM / GRU: kernel (d, gates·units), recurrent kernel (units, gates·units); Embedding (input_dim,
 * output_dim). Null whenever something is not known statically: never a guessed fan.
 */
import type { LayerSummary, ModelSummary, Shape } from '../kerasModel';
import { BoundArgs } from '../layers/boundArgs';
import { findRule } from '../layers/layerRegistry';
import { inputShapeOf } from './layerHover';

export type WeightRole = 'kernel' | 'recurrent_kernel' | 'bias' | 'embeddings';

export interface WeightShape {
  readonly role: WeightRole;
  readonly shape: readonly number[];
}

/** Which weight an argument such as kernel_initializer or bias_regularizer is about. */
export function weightRole(argName: string): WeightRole | null {
  if (argName.startsWith('kernel_')) return 'kernel';
  if (argName.startsWith('recurrent_')) return 'recurrent_kernel';
  if (argName.startsWith('bias_')) return 'bias';
  if (argName.startsWith('embeddings_')) return 'embeddings';
  return null;
}

const GATES: Readonly<Record<string, number>> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

export function weightShape(model: ModelSummary, layer: LayerSummary, role: WeightRole): WeightShape | null {
  const { call } = layer.node;
  const lookup = findRule(call.className);
  if (!lookup) return null;
  try {
    const args = BoundArgs.bind(call.className, lookup.signature, call.args, call.kwargs);
    const shape = shapeFor(lookup.rule.className, args, inputShapeOf(model, layer), role);
    return shape && shape.every((d) => Number.isInteger(d) && d > 0) ? { role, shape } : null;
  } catch {
    return null; // an argument HyperLab cannot read, or one Keras would reject: no fans
  }
}

function shapeFor(className: string, args: BoundArgs, input: Shape | null, role: WeightRole): number[] | null {
  const lastDim = input?.at(-1);
  const last = typeof lastDim === 'number' ? lastDim : null;
  if (className === 'Dense') {
    const units = args.positiveInt('units');
    if (role === 'bias') return [units];
    return role === 'kernel' && last !== null ? [last, units] : null;
  }
  if (className === 'Embedding') return role === 'embeddings' ? [args.positiveInt('input_dim'), args.positiveInt('output_dim')] : null;
  const gates = GATES[className];
  if (gates !== undefined) return recurrentShape(className, args, last, role, gates);
  const conv = /^Conv([123])D(Transpose)?$/.exec(className);
  if (conv) return convShape(args, input, role, Number(conv[1]), conv[2] !== undefined);
  return null;
}

function recurrentShape(className: string, args: BoundArgs, last: number | null, role: WeightRole, gates: number): number[] | null {
  const units = args.positiveInt('units');
  if (role === 'kernel') return last === null ? null : [last, gates * units];
  if (role === 'recurrent_kernel') return [units, gates * units];
  if (role !== 'bias') return null;
  // GRU with reset_after=True (the default) keeps separate input and recurrent biases: shape (2, 3·units).
  if (className === 'GRU' && args.bool('reset_after', true)) return [2, gates * units];
  return [gates * units];
}

function convShape(args: BoundArgs, input: Shape | null, role: WeightRole, rank: number, transpose: boolean): number[] | null {
  const filters = args.positiveInt('filters');
  if (role === 'bias') return [filters];
  if (role !== 'kernel' || input === null) return null;
  args.required('kernel_size');
  const kernel = args.intTuple('kernel_size', rank, 1);
  const channelsFirst = args.optionalString('data_format') === 'channels_first';
  const channels = channelsFirst ? input[1] : input.at(-1);
  if (typeof channels !== 'number') return null;
  const groups = transpose ? 1 : args.int('groups', 1);
  const inPerGroup = channels / groups;
  if (!Number.isInteger(inPerGroup)) return null;
  return transpose ? [...kernel, filters, channels] : [...kernel, inPerGroup, filters];
}

/** 'Dense(512)', 'Conv2D(32, (3, 3))': how the hover names the layer. */
export function layerLabel(layer: LayerSummary): string {
  const { call } = layer.node;
  const first = call.args[0] ?? call.kwargs['units'] ?? call.kwargs['filters'];
  return first?.kind === 'number' ? `${call.className}(${first.value})` : call.className;
}
