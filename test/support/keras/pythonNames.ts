/**
 * The ways a Python file reaches Keras, for the spelling generator: import styles (keras, `from keras import
 * layers`, from-imports of each class, aliases, `import keras as K`, and the tf.keras spellings, which real
 * Keras 3 without TensorFlow cannot run) and the other exported names of the same class (MaxPool2D is
 * MaxPooling2D). Each style says how to write a layer class, Input, Sequential and Model. Test-only.
 */
import type { Rng } from '../../../src/engine/rng';

export interface ImportStyle {
  readonly name: string;
  /** Needs TensorFlow (tf.keras): not runnable by the Keras-only differential tier. */
  readonly tf: boolean;
  readonly imports: (classes: readonly string[]) => string[];
  readonly layer: (cls: string) => string;
  readonly input: string;
  readonly sequential: string;
  readonly model: string;
}

const STYLES: readonly ImportStyle[] = [
  { name: 'import keras', tf: false, imports: () => ['import keras'], layer: (c) => `keras.layers.${c}`, input: 'keras.Input', sequential: 'keras.Sequential', model: 'keras.Model' },
  {
    name: 'from keras import layers', tf: false, imports: () => ['import keras', 'from keras import layers'],
    layer: (c) => `layers.${c}`, input: 'keras.Input', sequential: 'keras.Sequential', model: 'keras.Model',
  },
  {
    name: 'from keras.layers import ...', tf: false,
    imports: (cs) => [`from keras.layers import ${cs.join(', ')}`, 'from keras import Input, Model, Sequential'],
    layer: (c) => c, input: 'Input', sequential: 'Sequential', model: 'Model',
  },
  {
    name: 'aliases', tf: false,
    imports: (cs) => [`from keras.layers import (${cs.map((c) => `${c} as K_${c}`).join(', ')})`, 'from keras.models import Sequential as Seq, Model as Net', 'from keras import Input as In'],
    layer: (c) => `K_${c}`, input: 'In', sequential: 'Seq', model: 'Net',
  },
  { name: 'import keras as K', tf: false, imports: () => ['import keras as K'], layer: (c) => `K.layers.${c}`, input: 'K.layers.Input', sequential: 'K.models.Sequential', model: 'K.models.Model' },
  {
    name: 'from keras import layers as kl, models', tf: false, imports: () => ['from keras import layers as kl, models'],
    layer: (c) => `kl.${c}`, input: 'kl.Input', sequential: 'models.Sequential', model: 'models.Model',
  },
  { name: 'tf.keras', tf: true, imports: () => ['import tensorflow as tf'], layer: (c) => `tf.keras.layers.${c}`, input: 'tf.keras.Input', sequential: 'tf.keras.Sequential', model: 'tf.keras.Model' },
  {
    name: 'from tensorflow import keras', tf: true, imports: () => ['from tensorflow import keras'],
    layer: (c) => `keras.layers.${c}`, input: 'keras.Input', sequential: 'keras.models.Sequential', model: 'keras.models.Model',
  },
  {
    name: 'from tensorflow.keras import layers as L', tf: true, imports: () => ['from tensorflow.keras import layers as L', 'from tensorflow.keras import models'],
    layer: (c) => `L.${c}`, input: 'L.Input', sequential: 'models.Sequential', model: 'models.Model',
  },
];

export function pickImportStyle(rng: Rng, kerasOnly: boolean): ImportStyle {
  const styles = kerasOnly ? STYLES.filter((s) => !s.tf) : STYLES;
  return styles[rng.int(styles.length)]!;
}

/** Other names Keras 3 exports for the same class (keras_export lists several). */
const SAME_CLASS: readonly (readonly string[])[] = [
  ['MaxPooling1D', 'MaxPool1D'], ['MaxPooling2D', 'MaxPool2D'], ['AveragePooling1D', 'AvgPool1D'], ['AveragePooling2D', 'AvgPool2D'],
  ['GlobalMaxPooling1D', 'GlobalMaxPool1D'], ['GlobalMaxPooling2D', 'GlobalMaxPool2D'],
  ['GlobalAveragePooling1D', 'GlobalAvgPool1D'], ['GlobalAveragePooling2D', 'GlobalAvgPool2D'],
  ['Conv1D', 'Convolution1D'], ['Conv2D', 'Convolution2D'], ['Conv2DTranspose', 'Convolution2DTranspose'], ['Conv1DTranspose', 'Convolution1DTranspose'],
];

/** The class name as written, or another exported name of the same class. */
export function pickClassName(rng: Rng, cls: string): string {
  const group = SAME_CLASS.find((g) => g.includes(cls));
  return group && rng.int(2) === 0 ? group[rng.int(group.length)]! : cls;
}
