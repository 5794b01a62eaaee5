/**
 * The hover over an initializer (`kernel_initializer='glorot_uniform'`, `initializers.HeUniform()`): the
 * lecture's idea of the technique and the concrete distribution for the weight it initializes, computed by
 * the engine's describeInitializer with that weight's fans, e.g. "glorot_uniform for Dense(512) on 784
 * inputs: U(−0.06804, 0.06804), limit = √(6 / (fan_in + fan_out)) = √(6 / 1296)". Without a layer (or with
 * fans that are not known statically) it gives the rule in terms of fan_in and fan_out instead.
 */
import { computeFans } from '../../engine/initializers/computeFans';
import { type InitializerDescription, formatNumber } from '../../engine/initializers/initializerDescription';
import { describeInitializer } from '../../engine/initializers/initializerRegistry';
import type { LayerSummary, ModelSummary, PyValue } from '../kerasModel';
import { type Translate, escapeMarkdown, formulaBlock, inlineCode, lookupOwn, sections, tupleText } from './hoverMarkdown';
import { type WeightShape, layerLabel, weightRole, weightShape } from './weightShapes';

export interface InitializerHoverInput {
  readonly value: PyValue;
  /** The argument it is passed to ('kernel_initializer'), when known. */
  readonly argName: string | null;
  readonly layer: LayerSummary | null;
  readonly model: ModelSummary | null;
}

/** Positional parameters of the initializer classes (keras/src/initializers/). */
const SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  RandomUniform: ['minval', 'maxval', 'seed'], RandomNormal: ['mean', 'stddev', 'seed'], TruncatedNormal: ['mean', 'stddev', 'seed'],
  VarianceScaling: ['scale', 'mode', 'distribution', 'seed'], Constant: ['value'],
};

type JsonValue = number | string | boolean | null;

/** The identifier describeInitializer takes, or null when an argument is not a plain value. */
function identifier(value: PyValue): string | { class_name: string; config: Record<string, JsonValue> } | null {
  if (value.kind === 'string') return value.value;
  if (value.kind !== 'call') return null;
  const className = value.callee.split('.').pop() ?? value.callee;
  const signature = lookupOwn(SIGNATURES, className) ?? ['seed'];
  const config: Record<string, JsonValue> = {};
  const entries: [string, PyValue][] = [...value.args.map((v, i): [string, PyValue] => [signature[i] ?? `#${i}`, v]), ...Object.entries(value.kwargs)];
  for (const [name, v] of entries) {
    if (v.kind === 'number' || v.kind === 'string' || v.kind === 'bool') config[name] = v.value;
    else if (v.kind === 'none') config[name] = null;
    else return null;
  }
  return { class_name: className, config };
}

function describe(value: PyValue, fanIn: number, fanOut: number): InitializerDescription | null {
  const id = identifier(value);
  if (id === null) return null;
  try {
    return describeInitializer(id, fanIn, fanOut);
  } catch {
    return null; // not an initializer HyperLab knows, or an argument it rejects
  }
}

export function initializerHover(input: InitializerHoverInput, t: Translate): string {
  const probe = describe(input.value, 1, 1);
  const shownName = input.value.kind === 'string' ? input.value.value : input.value.kind === 'call' ? input.value.callee : '?';
  const title = `**${escapeMarkdown(shownName)}** · ${t('initializer')}${input.argName ? ` (${escapeMarkdown(input.argName)})` : ''}`;
  if (probe === null) return sections([title, t('HyperLab cannot describe this initializer: it is not one of the Keras initializers HyperLab implements, or one of its arguments is not a plain value.')]);
  const weight = input.layer && input.model && input.argName ? weightFor(input.model, input.layer, input.argName) : null;
  const body = weight && input.layer ? concrete(input, weight, input.layer, t) : symbolic(probe, t);
  return sections([[title, lectureIdea(probe.initializer, t)].join('\n\n'), body, `_${t('kernel_initializer initializes the weights of dense and convolutional layers; bias_initializer initializes the biases, usually at 0. Initialization is a hyperparameter: the weights it draws are only the starting point of training.')}_`]);
}

function weightFor(model: ModelSummary, layer: LayerSummary, argName: string): WeightShape | null {
  const role = weightRole(argName);
  return role === null ? null : weightShape(model, layer, role);
}

/** The distribution for this weight's fans, with the fans written out. */
function concrete(input: InitializerHoverInput, weight: WeightShape, layer: LayerSummary, t: Translate): string {
  const { fanIn, fanOut } = computeFans(weight.shape);
  const d = describe(input.value, fanIn, fanOut);
  if (d === null) return '';
  const shape = tupleText(weight.shape);
  const name = input.value.kind === 'string' ? input.value.value : d.initializer;
  const dense = layer.node.call.className === 'Dense' && weight.role === 'kernel';
  const headline = dense
    ? t('{0} for {1} on {2} inputs: {3}', inlineCode(name), inlineCode(layerLabel(layer)), String(weight.shape[0]), `**${distribution(d)}**`)
    : t('{0} for the {1} {2} of {3}: {4}', inlineCode(name), roleName(weight.role, t), inlineCode(shape), inlineCode(layer.node.name), `**${distribution(d)}**`);
  // Only the variance-scaling family depends on the fans; for the others they would be noise.
  const usesFans = lookupOwn(RULES, d.initializer) !== undefined || d.initializer === 'variance_scaling';
  const fans = usesFans ? `fan_in = ${fanIn}, fan_out = ${fanOut} (${t('weight shape {0}', inlineCode(shape))})` : null;
  const lines = [headline, fans, formulaBlock([d.formula.split(' (sampled')[0]!])].filter((l): l is string => l !== null);
  if (d.kind === 'normal' && d.truncated) lines.push(t('Values beyond two standard deviations are drawn again, so Keras samples with stddev {0} to end with {1}.', formatNumber(d.samplingStddev), formatNumber(d.stddev)));
  return lines.join('\n\n');
}

function roleName(role: WeightShape['role'], t: Translate): string {
  switch (role) {
    case 'kernel': return t('kernel');
    case 'recurrent_kernel': return t('recurrent kernel');
    case 'bias': return t('bias');
    case 'embeddings': return t('embeddings');
  }
}

function distribution(d: InitializerDescription): string {
  switch (d.kind) {
    case 'uniform': return `U(${formatNumber(d.minval).replace('-', '−')}, ${formatNumber(d.maxval)})`;
    case 'normal': return `${d.truncated ? 'TN' : 'N'}(${formatNumber(d.mean)}, ${formatNumber(d.stddev)}²)`;
    case 'constant': return `= ${formatNumber(d.value)}`;
  }
}

/** The rule in terms of the fans, for an initializer whose layer is not known. */
const RULES: Readonly<Record<string, string>> = {
  glorot_uniform: 'U(−L, L),  L = √(6 / (fan_in + fan_out))',
  glorot_normal: 'truncated normal,  stddev = √(2 / (fan_in + fan_out))',
  he_uniform: 'U(−L, L),  L = √(6 / fan_in)',
  he_normal: 'truncated normal,  stddev = √(2 / fan_in)',
  lecun_uniform: 'U(−L, L),  L = √(3 / fan_in)',
  lecun_normal: 'truncated normal,  stddev = √(1 / fan_in)',
};

function symbolic(probe: InitializerDescription, t: Translate): string {
  const rule = lookupOwn(RULES, probe.initializer);
  if (rule !== undefined) return [formulaBlock([rule]), t('The concrete limit depends on the fans of the weight it initializes: hover the initializer where a layer uses it.')].join('\n\n');
  return `**${distribution(probe)}** · ${inlineCode(probe.formula)}`;
}

function lectureIdea(name: string, t: Translate): string {
  // Glorot and Bengio (2010) derive it for tanh/sigmoid layers, He et al. (2015) the fan_in-only variant for ReLU.
  if (name.startsWith('glorot')) return t('Xavier (Glorot) initialization: the weights are scaled by the number of inputs and outputs of each layer to keep the variance. Keras\' default, suited to tanh and sigmoid layers; for relu layers use he_normal or he_uniform.');
  if (name.startsWith('he')) return t('He initialization: like Xavier, but using only the number of inputs (fan_in); suited to ReLU layers.');
  if (name.startsWith('lecun')) return t('LeCun initialization: scaled by the number of inputs (fan_in); the usual pairing of selu.');
  if (name === 'variance_scaling') return t('Variance scaling: the family Xavier, He and LeCun belong to; scale, mode and distribution choose the variant.');
  if (name === 'zeros') return t('Zero initialization: every value starts at 0. Fast, but for weights it causes unwanted symmetry; biases are usually initialized at 0.');
  if (name === 'ones' || name === 'constant') return t('Constant initialization: every value starts at the same small constant.');
  return t('Random initialization: the values are drawn from a distribution (normal, uniform, ...).');
}
