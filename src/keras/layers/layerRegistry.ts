/**
 * The registry of layer rules: one Map from Keras class name to rule, filled from the rule families, plus
 * the lookups applyLayer needs (aliases such as MaxPool2D, the functional forms such as `concatenate`, whose
 * first positional argument is the input list) and which Keras 3 layer classes HyperLab does not model
 * (callSignatures.ts lists them all), so that their hover says so instead of calling them custom layers.
 */
import { CONVOLUTION_RULES } from './convolutionRules';
import { ATTENTION_RULES } from './attentionRules';
import { AUGMENTATION_RULES } from './augmentationRules';
import { CONV_LSTM_RULES } from './convLstmRules';
import { CORE_RULES } from './coreRules';
import { DEPTHWISE_RULES } from './depthwiseRules';
import type { LayerRule } from './layerRule';
import { ALIAS_NAMES, canonicalClassName, isFunctionalForm } from './layerNames';
import { KERAS_LAYER_CLASSES, callSignature } from './callSignatures';
import { MERGING_RULES } from './mergingRules';
import { NORMALIZATION_RULES } from './normalizationRules';
import { POOLING_RULES } from './poolingRules';
import { PREPROCESSING_RULES } from './preprocessingRules';
import { RECURRENT_RULES } from './recurrentRules';
import { PADDING_RULES } from './paddingRules';
import { REGULARIZATION_RULES } from './regularizationRules';
import { RESHAPING_RULES } from './reshapingRules';
import { WRAPPER_RULES } from './wrapperRules';

const RULES: ReadonlyMap<string, LayerRule> = new Map(
  [...CORE_RULES, ...CONVOLUTION_RULES, ...DEPTHWISE_RULES, ...POOLING_RULES, ...RECURRENT_RULES, ...WRAPPER_RULES, ...ATTENTION_RULES,
    ...NORMALIZATION_RULES, ...REGULARIZATION_RULES, ...RESHAPING_RULES, ...PADDING_RULES, ...MERGING_RULES, ...PREPROCESSING_RULES,
    ...AUGMENTATION_RULES, ...CONV_LSTM_RULES]
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

/** A layer class Keras 3 exports (keras.layers, callSignatures.ts) that has no rule here: its hover says so. */
export function isUnmodelledKerasLayer(className: string): boolean {
  return callSignature(className) !== undefined && !isKnownLayer(className);
}

/** Every layer class Keras 3.15 exports that HyperLab does not model (for the README's list and its test). */
export function unmodelledKerasLayers(): string[] {
  return KERAS_LAYER_CLASSES.filter((c) => !isKnownLayer(c));
}
