/**
 * Unit tests for the teaching hovers over model layers and their arguments (src/keras/hover): layer calls
 * with the lecture's parameter formula, activation names, initializers with the fans of *that* layer,
 * L1/L2 regularizers and the Dropout rate, on the lecture's MNIST MLP and L1/L2 snippets; plus escaping of
 * what comes from the user's file. Plain Node: `t` fills the placeholders of the English text.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { kerasHover } from '../../../src/keras/hover/kerasHover';

const t = (english: string, ...args: (string | number)[]): string => english.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

/** The hover with the cursor on the `nth` occurrence of `needle` (one character in). */
function hoverAt(source: string, needle: string, nth = 0, language: 'python' | 'javascript' = 'python'): { markdown: string; hovered: string } | null {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = source.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in the snippet`);
  const hover = kerasHover({ analysis: analyzeDocument(source, language), text: source, language, offset: at + 1 }, t);
  return hover && { markdown: hover.markdown, hovered: source.slice(hover.span.from, hover.span.to) };
}

function mustHover(source: string, needle: string, nth = 0): { markdown: string; hovered: string } {
  const hover = hoverAt(source, needle, nth);
  assert.ok(hover, `no hover on ${needle}`);
  return hover;
}

// The lecture's MNIST MLP ("Modificación de la arquitectura del modelo").
const MNIST = `from tensorflow.keras import models, layers
model=models.Sequential()
model.add(layers.Dense(512, activation = "relu", input_shape = (28*28, ), kernel_initializer='glorot_uniform'))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(10,activation="softmax"))
`;

// The lecture's L1/L2 snippet ("Regularización L1 y L2 en redes neuronales"), with its l1/l2 imports spelled right.
const L1L2 = `from keras.models import Sequential
from keras.layers import Dense
from keras.regularizers import l1, l2
from keras import regularizers, initializers
model = Sequential()
#Agregar una capa con L1
model.add(Dense(64, input_dim=100, activation='relu',
kernel_regularizer=l1(0.01)))
# Agregar una capa con L2
model.add(Dense(32, activation='relu', kernel_regularizer=l2(0.01), bias_regularizer=regularizers.L1L2(), kernel_initializer=initializers.HeUniform()))
# Agregar una capa de salida con una neurona
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
`;

describe('layer hover', () => {
  it('shows the lecture formula 784 × 512 + 512 = 401,920 and (None, 512) on layers.Dense', () => {
    const { markdown, hovered } = mustHover(MNIST, 'layers.Dense');
    assert.equal(hovered, 'layers.Dense');
    assert.match(markdown, /`784 × 512 \+ 512 = 401,920`/);
    assert.match(markdown, /401,920 trainable/);
    assert.match(markdown, /\*\*Output shape\*\*: `\(None, 512\)`/);
    assert.match(markdown, /hidden layer/);
  });

  it('tabulates the arguments against the Keras defaults with the lecture groups', () => {
    const { markdown } = mustHover(MNIST, 'layers.Dense');
    assert.match(markdown, /\| units \| `512` \| required \| architecture \|/);
    assert.match(markdown, /\| activation \| `'relu'` \| `None` \| architecture \|/);
    assert.match(markdown, /\| kernel\\_initializer \| `'glorot_uniform'` \(the default\) \| `'glorot_uniform'` \| initialization \|/);
    assert.match(markdown, /\| use\\_bias \| — \| `True` \| architecture \|/);
  });

  it('names learned parameters and hyperparameters as the lecture does', () => {
    const { markdown } = mustHover(MNIST, 'layers.Dense');
    assert.match(markdown, /Parameters: values the model learns during training \(weights and biases\)\. Hyperparameters: values set before training/);
  });

  it('calls the last layer the output layer: 512 × 10 + 10 = 5,130', () => {
    const { markdown } = mustHover(MNIST, 'layers.Dense', 1);
    assert.match(markdown, /output layer/);
    assert.match(markdown, /`512 × 10 \+ 10 = 5,130`/);
  });

  it('focuses the argument under the cursor', () => {
    const { markdown, hovered } = mustHover(MNIST, '512');
    assert.equal(hovered, '512');
    assert.match(markdown, /\| \*\*units\*\* \| `512` \|/);
  });

  it('says why the numbers are unknown instead of guessing', () => {
    const source = 'from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(8, input_shape=(4,)), MyLayer(3)])\n';
    const { markdown } = mustHover(source, 'MyLayer');
    assert.match(markdown, /\*\*Parameters\*\*: \? — unknown: /);
    assert.doesNotMatch(markdown, /trainable/);
  });
});

describe('activation hover', () => {
  it('gives relu its formula, its range [0, ∞) and the lecture’s dead neuron, saturating for negative inputs', () => {
    const { markdown, hovered } = mustHover(MNIST, '"relu"');
    assert.equal(hovered, '"relu"');
    assert.match(markdown, /relu\(x\) = max\(x, 0\)/);
    assert.match(markdown, /\*\*Range\*\*: `\[0, ∞\)`/);
    assert.match(markdown, /dead neuron/);
    assert.match(markdown, /For positive inputs it does not saturate/);
    assert.match(markdown, /For negative inputs its output and its derivative are 0/);
    assert.doesNotMatch(markdown, /It does not saturate/);
    assert.match(markdown, /activation of `dense` \(Dense\)/);
  });

  it('explains softmax as probabilities that sum to 1 for multiclass outputs, one normalisation rather than several sigmoids', () => {
    const { markdown } = mustHover(MNIST, '"softmax"');
    assert.match(markdown, /`\(0, 1\), Σ = 1`/);
    assert.match(markdown, /multiclass/);
    assert.match(markdown, /softmax\(\[z, 0\]\) = \[sigmoid\(z\), 1 − sigmoid\(z\)\]/);
    assert.doesNotMatch(markdown, /combination of several sigmoids/);
    // The identity it states: softmax([z, 0])₀ = e^z / (e^z + 1) = sigmoid(z).
    for (const z of [-3, -0.5, 0, 2]) assert.ok(Math.abs(Math.exp(z) / (Math.exp(z) + 1) - 1 / (1 + Math.exp(-z))) < 1e-12);
  });

  it('explains sigmoid with its range (0, 1) and its vanishing gradient', () => {
    const { markdown } = mustHover(L1L2, "'sigmoid'");
    assert.match(markdown, /`\(0, 1\)`/);
    assert.match(markdown, /vanishing gradients/);
  });
});

describe('initializer hover', () => {
  it('gives glorot_uniform the limit for Dense(512) on 784 inputs: √(6 / 1296) = 0.06804', () => {
    const { markdown, hovered } = mustHover(MNIST, 'glorot_uniform');
    assert.equal(hovered, "kernel_initializer='glorot_uniform'");
    assert.equal(Math.sqrt(6 / (784 + 512)).toPrecision(4), '0.06804');
    assert.match(markdown, /`glorot_uniform` for `Dense\(512\)` on 784 inputs: \*\*U\(−0\.06804, 0\.06804\)\*\*/);
    assert.match(markdown, /fan_in = 784, fan_out = 512/);
    assert.match(markdown, /limit = √\(6 \/ \(fan_in \+ fan_out\)\) = √\(6 \/ 1296\) = 0\.06804/);
    assert.match(markdown, /Xavier/);
  });

  it('gives HeUniform() the limit √(6 / fan_in) of its own layer (Dense(32) on 64 inputs)', () => {
    const { markdown } = mustHover(L1L2, 'HeUniform');
    assert.match(markdown, /`he_uniform` for `Dense\(32\)` on 64 inputs: \*\*U\(−0\.3062, 0\.3062\)\*\*/);
    assert.equal(Math.sqrt(6 / 64).toPrecision(4), '0.3062');
  });

  it('uses the receptive field for a Conv2D kernel (3, 3, 1, 32): fan_in = 9', () => {
    const source = "from tensorflow.keras import layers, models\nm = models.Sequential([layers.Conv2D(32, (3, 3), input_shape=(28, 28, 1), kernel_initializer='he_normal')])\n";
    const { markdown } = mustHover(source, 'he_normal');
    assert.match(markdown, /fan_in = 9, fan_out = 288/);
    assert.match(markdown, /stddev = √\(2 \/ fan_in\) = √\(2 \/ 9\) = 0\.4714/);
  });

  it('gives the rule in terms of the fans when no layer uses the initializer', () => {
    const source = 'from tensorflow import keras\ninit = keras.initializers.GlorotNormal()\n';
    const { markdown } = mustHover(source, 'GlorotNormal');
    assert.match(markdown, /stddev = √\(2 \/ \(fan_in \+ fan_out\)\)/);
  });
});

describe('regularization hovers', () => {
  it('writes the lecture’s l1(0.01) as 0.01 · Σ|w| over the 6,400 kernel values', () => {
    const { markdown, hovered } = mustHover(L1L2, 'l1(0.01)');
    assert.equal(hovered, 'kernel_regularizer=l1(0.01)');
    assert.match(markdown, /L1: penalty = l1 · Σ\|w\| = 0\.01 · Σ\|w\|/);
    assert.match(markdown, /6,400 values of the weight `\(100, 64\)`/);
    assert.match(markdown, /sparsity/);
  });

  it('writes l2(0.01) as 0.01 · Σw², without ½', () => {
    const { markdown } = mustHover(L1L2, 'l2(0.01)');
    assert.match(markdown, /L2: penalty = l2 · Σw² = 0\.01 · Σw²/);
    assert.match(markdown, /no ½ factor/);
    assert.match(markdown, /2,048 values of the weight `\(64, 32\)`/);
  });

  it('gives L1L2() Keras 3’s zero factors', () => {
    const { markdown } = mustHover(L1L2, 'L1L2');
    assert.match(markdown, /= 0\.0 · Σ\|w\|/);
    assert.match(markdown, /no penalty/);
    assert.match(markdown, /32 values of the weight `\(32,\)`/);
  });

  it('explains Dropout(0.5) as inverted dropout scaling kept values by 2', () => {
    const { markdown, hovered } = mustHover(MNIST, '0.5');
    assert.equal(hovered, '0.5');
    assert.match(markdown, /1 \/ \(1 − rate\) = 2/);
    assert.match(markdown, /0 parameters/);
  });
});

describe('hover safety', () => {
  it('escapes names and strings from the file: no HTML, no links', () => {
    const source = "from tensorflow.keras import layers, models\nm = models.Sequential([layers.Dense(4, input_shape=(2,), activation='<img src=x>', name='[a](http://x)')])\n";
    const activation = mustHover(source, '<img').markdown;
    assert.doesNotMatch(activation, /<img/);
    const layer = mustHover(source, 'layers.Dense').markdown;
    assert.match(layer, /`\[a\]\(http:\/\/x\)`/);
    const outsideCode = layer.replace(/`[^`]*`/g, '');
    assert.doesNotMatch(outsideCode, /\[a\]\(/);
  });

  it('shows nothing on imports, comments and plain code', () => {
    assert.equal(hoverAt(L1L2, 'regularizers import'), null);
    assert.equal(hoverAt(L1L2, 'Agregar'), null);
    assert.equal(hoverAt(L1L2, 'model = Sequential'), null);
  });

  it('never throws at any offset of the lecture snippets, whole or cut short', () => {
    for (const full of [MNIST, L1L2]) {
      for (const cut of [full.length, Math.floor(full.length * 0.75), Math.floor(full.length / 2)]) {
        const text = full.slice(0, cut);
        const analysis = analyzeDocument(text, 'python');
        for (let offset = 0; offset <= text.length; offset++) kerasHover({ analysis, text, language: 'python', offset }, t);
      }
    }
  });

  it('works on TensorFlow.js code', () => {
    const source = "import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential({layers: [tf.layers.dense({units: 512, activation: 'relu', inputShape: [784]})]});\n";
    const hover = hoverAt(source, 'dense', 0, 'javascript');
    assert.ok(hover);
    assert.match(hover.markdown, /`784 × 512 \+ 512 = 401,920`/);
  });
});
