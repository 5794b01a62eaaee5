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
};

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

/** The base of Keras' automatic layer name: Dense → 'dense', LeakyReLU → 'leaky_re_lu', Input → 'input_layer'. */
export function kerasAutoName(className: string): string {
  return toSnakeCase(canonicalClassName(className));
}
