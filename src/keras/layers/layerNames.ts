/**
 * Keras layer names: the aliases Keras exports for the same class (MaxPool2D is MaxPooling2D), the
 * lower-case functional forms (`layers.concatenate([a, b])` builds a Concatenate), and Keras' automatic
 * layer name, the snake_case of the class name (`keras/src/utils/naming.py` `to_snake_case`, ported
 * regex for regex). Numbering (dense, dense_1, ...) is the model builder's job. No rules here.
 */

/** Other exported names of the same Keras class (keras_export lists several names per class). */
const CLASS_ALIASES: Readonly<Record<string, string>> = {
  Input: 'InputLayer',
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Convolution1DTranspose: 'Conv1DTranspose',
  Convolution2DTranspose: 'Conv2DTranspose',
  Convolution3D: 'Conv3D',
  Convolution3DTranspose: 'Conv3DTranspose',
  MaxPool3D: 'MaxPooling3D',
  AvgPool3D: 'AveragePooling3D',
  GlobalMaxPool3D: 'GlobalMaxPooling3D',
  GlobalAvgPool3D: 'GlobalAveragePooling3D',
  SeparableConvolution1D: 'SeparableConv1D',
  SeparableConvolution2D: 'SeparableConv2D',
  MaxPool1D: 'MaxPooling1D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool1D: 'AveragePooling1D',
  AvgPool2D: 'AveragePooling2D',
  GlobalMaxPool1D: 'GlobalMaxPooling1D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
  GlobalAvgPool1D: 'GlobalAveragePooling1D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
};

/** `keras.layers.concatenate(inputs, axis=-1)` and friends: functions that build and call the class. */
const FUNCTIONAL_FORMS: Readonly<Record<string, string>> = {
  concatenate: 'Concatenate',
  add: 'Add',
  subtract: 'Subtract',
  multiply: 'Multiply',
  average: 'Average',
  maximum: 'Maximum',
  minimum: 'Minimum',
  dot: 'Dot',
};

/** Exported names whose Python class is named otherwise (the class name makes the automatic layer name). */
const PYTHON_CLASS: Readonly<Record<string, string>> = { GroupQueryAttention: 'GroupedQueryAttention' };

/** The class a name stands for: an alias or functional form maps to its class, anything else to itself. */
export function canonicalClassName(className: string): string {
  return CLASS_ALIASES[className] ?? FUNCTIONAL_FORMS[className] ?? className;
}

/** True for the lower-case functional forms, whose first positional argument is the list of input tensors. */
export function isFunctionalForm(className: string): boolean {
  return Object.prototype.hasOwnProperty.call(FUNCTIONAL_FORMS, className);
}

export const ALIAS_NAMES: readonly string[] = [...Object.keys(CLASS_ALIASES), ...Object.keys(FUNCTIONAL_FORMS)];

/** keras/src/utils/naming.py to_snake_case: drop non-word characters, then two CamelCase splits, then lower-case. */
export function toSnakeCase(name: string): string {
  const word = name.replace(/\W+/g, '');
  const split = word.replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  return split.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * The automatic names a layer's first call uses up, in order: the layers Keras creates inside it when it
 * builds (multi_head_attention.py and grouped_query_attention.py _build_attention: a Softmax, then a Dropout),
 * which take the next 'softmax' and 'dropout' numbers of the session.
 */
export function buildTimeNames(className: string): readonly string[] {
  const c = canonicalClassName(className);
  return c === 'MultiHeadAttention' || c === 'GroupQueryAttention' ? ['softmax', 'dropout'] : [];
}

/** The base of Keras' automatic layer name: Dense → 'dense', LeakyReLU → 'leaky_re_lu', Input → 'input_layer'. */
export function kerasAutoName(className: string): string {
  const canonical = canonicalClassName(className);
  return toSnakeCase(PYTHON_CLASS[canonical] ?? canonical);
}
