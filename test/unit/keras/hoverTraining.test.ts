/**
 * Unit tests for the teaching hovers over training code (src/keras/hover): optimizers against Keras 3's
 * defaults (the lecture's SGD, RMSprop and Adam snippets), the lecture's loss/activation table, the
 * EarlyStopping arguments, and fit()'s epochs and batch size with the iterations per epoch when the data
 * size is known statically. Also checks that every English text the builders use has its Spanish entry.
 */
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { kerasHover } from '../../../src/keras/hover/kerasHover';
import { lensData } from '../../../src/host/language/kerasCodeLenses';
import { spanishTranslate } from '../../support/spanishTranslate';

const fill = (text: string, args: readonly (string | number)[]): string => text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const t = (english: string, ...args: (string | number)[]): string => fill(english, args);

function mustHover(source: string, needle: string, nth = 0, translate = t): { markdown: string; hovered: string } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = source.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in the snippet`);
  const hover = kerasHover({ analysis: analyzeDocument(source, 'python'), text: source, language: 'python', offset: at + 1 }, translate);
  assert.ok(hover, `no hover on ${needle}`);
  return { markdown: hover.markdown, hovered: source.slice(hover.span.from, hover.span.to) };
}

// The lecture's MNIST MLP, compiled with its Adam snippet and trained with EarlyStopping.
const TRAINING = `from tensorflow.keras import layers, models
from tensorflow.keras.datasets import mnist
from tensorflow.keras.optimizers import Adam, SGD, RMSprop
from tensorflow.keras.callbacks import EarlyStopping
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train / 255.0
model=models.Sequential()
model.add(layers.Dense(512, activation = "relu", input_shape = (28*28, )))
model.add(layers.Dense(10,activation="softmax"))
optimizer = Adam(learning_rate=0.01, beta_1=0.8)
sgd = SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
rms = RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-07)
es = EarlyStopping(monitor='val_loss', patience=3, restore_best_weights=True)
model.compile(optimizer=optimizer, loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(x_train, y_train, epochs=5, batch_size=128, callbacks=[es])
model.fit(x_train, y_train, epochs=5, batch_size=128, validation_split=0.2)
model.fit(x_test, y_test, batch_size=100)
`;

const BINARY = `from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(64, input_dim=100, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
`;

describe('optimizer hover', () => {
  it('shows Adam with the user’s overrides against Keras 3’s defaults', () => {
    const { markdown, hovered } = mustHover(TRAINING, 'Adam(');
    assert.equal(hovered, 'Adam');
    assert.match(markdown, /\| learning\\_rate \| \*\*`0\.01`\*\* \| `0\.001` \|/);
    assert.match(markdown, /\| beta\\_1 \| \*\*`0\.8`\*\* \| `0\.9` \|/);
    assert.match(markdown, /\| beta\\_2 \| — \| `0\.999` \|/);
    assert.match(markdown, /\| epsilon \| — \| `1e-07` \|/);
    assert.match(markdown, /η = 0\.01, β₁ = 0\.8, β₂ = 0\.999 \(default\), ε = 1e-07 \(default\)/);
  });

  it('gives Adam’s Keras update rule and says where its epsilon sits', () => {
    const { markdown } = mustHover(TRAINING, 'Adam(');
    assert.match(markdown, /w ← w − α·m \/ \(√v \+ ε\)/);
    assert.match(markdown, /ε outside the square root/);
  });

  it('follows compile(optimizer=optimizer) to the Adam(...) assigned before', () => {
    const { markdown, hovered } = mustHover(TRAINING, 'optimizer=optimizer');
    assert.equal(hovered, 'optimizer');
    assert.match(markdown, /\*\*Adam\*\* · optimizer/);
    assert.match(markdown, /\| beta\\_1 \| \*\*`0\.8`\*\* \| `0\.9` \|/);
  });

  it('reads compile(optimizer=\'adam\') as Adam() with every default', () => {
    const { markdown, hovered } = mustHover(BINARY, "'adam'");
    assert.equal(hovered, "optimizer='adam'");
    assert.match(markdown, /The string `'adam'` builds `Adam\(\)` with every Keras default/);
    assert.match(markdown, /\| learning\\_rate \| — \| `0\.001` \|/);
  });

  it('explains SGD momentum and Nesterov as the lecture does', () => {
    const { markdown } = mustHover(TRAINING, 'momentum=0.9');
    assert.match(markdown, /nesterov=True: v ← momentum·v − η·g; {2}w ← w \+ momentum·v − η·g/);
    assert.match(markdown, /\| \*\*momentum\*\* \| \*\*`0\.9`\*\* \| `0\.0` \|/);
    assert.match(markdown, /"velocity"/);
    assert.match(markdown, /Yurii Nesterov in 1983/);
  });

  it('keeps RMSprop’s epsilon inside the square root, as in the lecture', () => {
    const { markdown } = mustHover(TRAINING, 'RMSprop(');
    assert.match(markdown, /w ← w − η·g \/ √\(s \+ ε\)/);
    assert.match(markdown, /\| epsilon \| `1e-07` \(the default\) \| `1e-07` \|/);
  });
});

describe('loss hover', () => {
  it('highlights the sigmoid row for binary_crossentropy and checks the output layer', () => {
    const { markdown, hovered } = mustHover(BINARY, 'binary_crossentropy');
    assert.equal(hovered, "loss='binary_crossentropy'");
    assert.match(markdown, /\| ▶ \| \*\*Binary classification\*\* \| \*\*sigmoid \(1 unit\)\*\* \| \*\*binary_crossentropy\*\* \|/);
    assert.match(markdown, /uses `sigmoid` on 1 unit\. ✓/);
    assert.match(markdown, /−\[y·log\(p\) \+ \(1 − y\)·log\(1 − p\)\]/);
  });

  it('highlights the softmax one-hot row for categorical_crossentropy', () => {
    const { markdown } = mustHover(TRAINING, 'categorical_crossentropy');
    assert.match(markdown, /\| ▶ \| \*\*Multiclass classification, one-hot labels\*\* \| \*\*softmax\*\* \|/);
    assert.match(markdown, /uses `softmax` on 10 units\. ✓/);
  });

  it('warns when the output activation is not the table’s', () => {
    const source = BINARY.replace("loss='binary_crossentropy'", "loss='categorical_crossentropy'");
    const { markdown } = mustHover(source, 'categorical_crossentropy');
    assert.match(markdown, /⚠ The table pairs this loss with `softmax`/);
  });
});

describe('EarlyStopping hover', () => {
  it('explains the hovered argument first and summarises the user’s values', () => {
    const { markdown, hovered } = mustHover(TRAINING, 'patience');
    assert.equal(hovered, 'patience=3');
    assert.match(markdown, /training stops once `val_loss` has not improved for 3 epochs in a row/);
    const list = markdown.split('\n').filter((l) => l.startsWith('- ') && l.includes(' = '));
    assert.match(list[0]!, /^- \*\*patience\*\* = `3` \(default `0`\)/);
    assert.match(markdown, /restore\\_best\\_weights = `True` \(default `False`\): .*whether or not training stopped early/);
    assert.match(markdown, /start\\_from\\_epoch = `0` \(default\)/);
  });
});

describe('fit hover', () => {
  it('counts 60000 / 128 → 469 iterations for mnist.load_data()', () => {
    const { markdown, hovered } = mustHover(TRAINING, 'batch_size');
    assert.equal(hovered, 'batch_size=128');
    assert.match(markdown, /60,000 samples \(the training part of `mnist\.load_data\(\)`\)/);
    assert.match(markdown, /`60,000 \/ 128 = 468\.75 → 469` \(the last batch has 96 samples\)/);
    assert.match(markdown, /`469 × 5 = 2,345`/);
    assert.match(markdown, /Powers of 2 from 32 to 256/);
    assert.match(markdown, /A larger batch gives a more accurate gradient estimate/);
    assert.match(markdown, /§8\.1\.3/);
  });

  it('takes validation_split out first: floor(60000 · 0.8) / 128 = 375', () => {
    const { markdown } = mustHover(TRAINING, 'validation_split');
    assert.match(markdown, /keeps the last 12,000 samples for validation, so 48,000 remain/);
    assert.match(markdown, /`48,000 \/ 128 = 375`/);
  });

  it('knows the test set (10,000) and Keras’ default epochs', () => {
    const { markdown } = mustHover(TRAINING, 'batch_size=100');
    assert.match(markdown, /`10,000 \/ 100 = 100`/);
    assert.match(markdown, /`100 × 1 = 100`/);
  });

  it('explains epochs with underfitting and overfitting', () => {
    const { markdown } = mustHover(TRAINING, 'epochs');
    assert.match(markdown, /underfitting/);
    assert.match(markdown, /overfitting/);
  });

  it('reads the size of an array written in the file, with the default batch of 32', () => {
    const source = 'import numpy as np\nfrom tensorflow import keras\nX = np.random.random((1000, 20))\nm = keras.Sequential([keras.Input((20,)), keras.layers.Dense(1)])\nm.fit(X, np.zeros(1000), epochs=2)\n';
    const { markdown } = mustHover(source, 'epochs');
    assert.match(markdown, /`1,000 \/ 32 = 31\.25 → 32`/);
  });

  it('shows no count when x is unpacked from something it cannot read', () => {
    const source = 'from tensorflow import keras\n(x, y), _ = load_my_data()\nm = keras.Sequential([keras.Input((20,)), keras.layers.Dense(1)])\nm.fit(x, y, batch_size=64)\n';
    const { markdown } = mustHover(source, 'batch_size');
    assert.doesNotMatch(markdown, /Iterations per epoch:/);
    assert.match(markdown, /cannot tell the size of x/);
  });
});

describe('hover translations', () => {
  const bundle = JSON.parse(fs.readFileSync('l10n/bundle.l10n.es.json', 'utf8')) as Record<string, string>;

  it('has a Spanish entry for every text the hovers use, with the same placeholders', () => {
    const used = new Set<string>();
    const spanish = (english: string, ...args: (string | number)[]): string => {
      used.add(english);
      return fill(bundle[english] ?? english, args);
    };
    const renders = [
      mustHover(TRAINING, 'Adam(', 0, spanish), mustHover(TRAINING, 'momentum=0.9', 0, spanish), mustHover(TRAINING, 'patience', 0, spanish),
      mustHover(TRAINING, 'batch_size', 0, spanish), mustHover(TRAINING, 'validation_split', 0, spanish), mustHover(TRAINING, 'layers.Dense', 0, spanish),
      mustHover(TRAINING, '"relu"', 0, spanish), mustHover(BINARY, 'binary_crossentropy', 0, spanish), mustHover(BINARY, "'adam'", 0, spanish),
    ];
    assert.deepEqual([...used].filter((k) => bundle[k] === undefined), []);
    for (const key of used) {
      const placeholders = (s: string): string[] => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
      assert.deepEqual(placeholders(bundle[key]!), placeholders(key), key);
    }
    for (const { markdown } of renders) assert.doesNotMatch(markdown, /\{\d+\}/);
    assert.match(renders[5]!.markdown, /Parámetros: valores aprendidos por el modelo durante el entrenamiento/);
    assert.match(renders[5]!.markdown, /Hiperparámetros: valores que se ajustan antes del proceso de entrenamiento/);
  });

  it('writes our numbers the Spanish way (60.000 muestras, 468,75) and the user’s values as Python does (0.2)', () => {
    const es = spanishTranslate();
    const batch = mustHover(TRAINING, 'batch_size', 0, es).markdown;
    assert.match(batch, /60\.000 muestras \(la parte de entrenamiento de `mnist\.load_data\(\)`\)/);
    assert.match(batch, /`60\.000 \/ 128 = 468,75 → 469` \(el último lote tiene 96 muestras\)/);
    assert.match(batch, /`469 × 5 = 2345`/); // Spanish does not group four digits
    const split = mustHover(TRAINING, 'validation_split', 0, es).markdown;
    assert.match(split, /validation_split=0\.2 reserva las últimas 12\.000 muestras para validación, así que quedan 48\.000 para entrenar/);
    const dense = mustHover(TRAINING, 'layers.Dense', 0, es).markdown;
    assert.match(dense, /`784 × 512 \+ 512 = 401\.920` · 401\.920 entrenables/);
    assert.doesNotMatch(batch + split + dense, /\d,\d{3}\b/);
    assert.deepEqual(es.untranslated, []);
  });

  it('gives the CodeLens counts and sizes in the display language (407.050 parámetros (1,55 MB))', () => {
    const analysis = analyzeDocument(TRAINING, 'python');
    const es = lensData(analysis, spanishTranslate()).find((l) => l.kind === 'model')!;
    assert.equal(es.title, '407.050 parámetros (1,55 MB)');
    const en = lensData(analysis, t).find((l) => l.kind === 'model')!;
    assert.equal(en.title, '407,050 params (1.55 MB)');
  });
});
