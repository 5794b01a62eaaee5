/**
 * The registry of layer rules: one Map from Keras class name to rule, filled from the rule families, plus
 * the lookups applyLayer needs (aliases such as MaxPool2D, the functional forms such as `concatenate`, whose
 * first positional argument is the input list) and the names of Keras layers HyperLab does not model yet,
 * so that their hover says so instead of calling them custom layers.
 */
import { CONVOLUTION_RULES } from './convolutionRules';
import { CORE_RULES } from './coreRules';
import type { LayerRule } from './layerRule';
import { ALIAS_NAMES, canonicalClassName, isFunctionalForm } from './layerNames';
import { MERGING_RULES } from './mergingRules';
import { NORMALIZATION_RULES } from './normalizationRules';
import { POOLING_RULES } from './poolingRules';
import { PREPROCESSING_RULES } from './preprocessingRules';
import { RECURRENT_RULES } from './recurrentRules';
import { RESHAPING_RULES } from './reshapingRules';

const RULES: ReadonlyMap<string, LayerRule> = new Map(
  [...CORE_RULES, ...CONVOLUTION_RULES, ...POOLING_RULES, ...RECURRENT_RULES, ...NORMALIZATION_RULES, ...RESHAPING_RULES, ...MERGING_RULES, ...PREPROCESSING_RULES]
    .map((rule) => [rule.className, rule]),
);

/** A rule and the signature to bind a call with (functional forms take the input list first). */
export interface RuleLookup {
  readonly rule: LayerRule;
  readonly signature: readonly string[];
}

export function findRule(className: string): RuleLookup | undefined {
  const rule = RULES.get(className) ?? RULES.get(canonicalClassName(className));
  if (rule === undefined) return undefined;
  return { rule, signature: isFunctionalForm(className) ? ['inputs', ...rule.signature] : rule.signature };
}

/** Every class name (and alias) the rules understand. */
export const KNOWN_LAYERS: readonly string[] = [...RULES.keys(), ...ALIAS_NAMES.filter((name) => !RULES.has(name))].sort();

export function isKnownLayer(className: string): boolean {
  return findRule(className) !== undefined;
}

/** Keras 3 layers without a rule yet (keras/src/layers/__init__.py), for a truthful unknown reason. */
const UNMODELLED_KERAS_LAYERS = new Set([
  'Conv3D', 'Conv3DTranspose', 'SeparableConv1D', 'SeparableConv2D', 'DepthwiseConv1D', 'DepthwiseConv2D',
  'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D', 'MaxPooling3D', 'AveragePooling3D', 'GlobalMaxPooling3D', 'GlobalAveragePooling3D',
  'LayerNormalization', 'GroupNormalization', 'UnitNormalization', 'SpectralNormalization', 'RMSNormalization',
  'TimeDistributed', 'RNN', 'SimpleRNNCell', 'LSTMCell', 'GRUCell', 'StackedRNNCells',
  'MultiHeadAttention', 'Attention', 'AdditiveAttention', 'GroupedQueryAttention', 'EinsumDense', 'Identity',
  'Permute', 'UpSampling3D', 'ZeroPadding1D', 'ZeroPadding3D', 'Cropping1D', 'Cropping3D',
  'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'ActivityRegularization',
  'PReLU', 'Dot', 'Lambda', 'Masking', 'TextVectorization', 'StringLookup', 'IntegerLookup', 'CategoryEncoding', 'Hashing',
  'Discretization', 'RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomContrast', 'RandomTranslation', 'RandomCrop', 'RandomBrightness',
]);

export function isUnmodelledKerasLayer(className: string): boolean {
  return UNMODELLED_KERAS_LAYERS.has(className);
}
