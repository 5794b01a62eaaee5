/**
 * The hovers stay short enough to read in the editor: none longer than 40 lines, and those about a
 * hyperparameter lead with what it does and how to tune it, before any formula or table. Checked at
 * every offset of a file that uses most of what the hovers explain.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { kerasHover } from '../../../src/keras/hover/kerasHover';
import { type Translate, fillPlaceholders } from '../../../src/shared/message';
import { spanishTranslate } from '../../support/spanishTranslate';

const english: Translate = (text, ...args) => fillPlaceholders(text, args);

const SOURCE = `from tensorflow import keras
from tensorflow.keras import layers, models, regularizers
from tensorflow.keras.datasets import mnist
from tensorflow.keras.optimizers import Adam, SGD, RMSprop, Nadam, Lion, Adafactor, Adagrad, Adamax, Adadelta, AdamW
from tensorflow.keras.callbacks import EarlyStopping
(x_train, y_train), (x_test, y_test) = mnist.load_data()
model = models.Sequential()
model.add(layers.Dense(512, activation="relu", input_shape=(28*28,), kernel_regularizer=regularizers.l2(0.01), kernel_initializer='he_uniform'))
model.add(layers.BatchNormalization())
model.add(layers.Dropout(0.5))
model.add(layers.Dense(64, activation="tanh", kernel_regularizer=regularizers.L1L2(l1=0.001, l2=0.001)))
model.add(layers.Dropout(1.0))
model.add(layers.Dense(10, activation="softmax"))
opts = [Adam(learning_rate=0.01, beta_1=0.8), SGD(learning_rate=0.01, momentum=0.9, nesterov=True), RMSprop(), Nadam(), Lion(), Adafactor(), Adagrad(), Adamax(), Adadelta()]
aw = AdamW(weight_decay=0.01, clipnorm=1.0, clipvalue=0.5, global_clipnorm=1.0)
es = EarlyStopping(monitor='val_loss', patience=3, restore_best_weights=True)
model.compile(optimizer=aw, loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
model.fit(x_train, y_train, epochs=5, batch_size=128, callbacks=[es], validation_split=0.2)
`;

function everyHover(t: Translate): Map<string, string> {
  const analysis = analyzeDocument(SOURCE, 'python');
  const seen = new Map<string, string>();
  for (let offset = 0; offset < SOURCE.length; offset++) {
    const found = kerasHover({ analysis, text: SOURCE, language: 'python', offset }, t);
    if (found) seen.set(`${SOURCE.slice(found.span.from, found.span.to)} @${found.span.from}`, found.markdown);
  }
  return seen;
}

describe('hover length', () => {
  for (const [language, t] of [['English', english], ['Spanish', spanishTranslate()]] as const) {
    it(`keeps every hover to 40 lines at most (${language})`, () => {
      const hovers = everyHover(t);
      assert.ok(hovers.size > 40, `only ${hovers.size} hovers`);
      const long = [...hovers].map(([where, md]) => [where, md.split('\n').length] as const).filter(([, lines]) => lines > 40);
      assert.deepEqual(long, []);
    });
  }

  it('leads the hyperparameter hovers with one short paragraph before any formula or table', () => {
    const hovers = everyHover(english);
    const leads = ['SGD @', 'Adam @', 'AdamW @', 'RMSprop @', 'Nadam @', 'Lion @', 'Adagrad @', 'Adamax @', 'Adadelta @', 'Adafactor @', 'EarlyStopping @', '"relu" @', '"tanh" @', '"softmax" @', 'kernel_regularizer=regularizers.l2', 'kernel_regularizer=regularizers.L1L2', '0.5 @5', 'batch_size=128 @', 'epochs=5 @'];
    for (const prefix of leads) {
      const entry = [...hovers].find(([where]) => where.startsWith(prefix));
      assert.ok(entry, `no hover on ${prefix}`);
      const paragraphs = entry[1].split('\n\n').filter((p) => p !== '---');
      const lead = paragraphs[1]!;
      assert.ok(!lead.startsWith('```') && !lead.startsWith('|'), `${prefix} starts with a formula or a table: ${lead}`);
      assert.ok(lead.length <= 330, `${prefix}: the lead is ${lead.length} characters: ${lead}`);
    }
  });
});
