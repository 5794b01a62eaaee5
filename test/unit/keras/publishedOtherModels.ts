/**
 * Published-model fixtures outside keras.io: the course lecture's two models (shared/seed), Géron's
 * Hands-On Machine Learning notebook on batch normalization (ageron/handson-ml2, printed by TF 2 Keras), and
 * a student's tf.keras 2 scripts that paste the printed summary into a comment (TaeYeon-kim-ai/keras,
 * including a GRU whose 390 parameters confirm reset_after=True).
 */
import { layer, runSequential } from './layerCallBuilders';
import { N, type PublishedModel } from './publishedModelCatalog';

const LECTURE = 'course lecture, shared/seed/000_626417d22af578cc.txt';

export const OTHER_MODELS: readonly PublishedModel[] = [
  {
    // Lines 227-228: the MNIST MLP of Chollet's Deep Learning with Python, chapter 2; 784·512 + 512 + 512·10 + 10.
    title: "Lecture's MNIST MLP: Dense(512, input_shape=(28*28,)) + Dense(10) (407,050)", source: `${LECTURE}, lines 227-228`,
    build: () => runSequential([layer('Dense', [512], { activation: 'relu', input_shape: [28 * 28] }), layer('Dense', [10], { activation: 'softmax' })]),
    rows: [[[N, 512], 401_920], [[N, 10], 5_130]],
    total: 407_050, names: ['dense', 'dense_1'],
  },
  {
    title: "Lecture's dropout model: Flatten(input_shape=(28, 28)), Dense(128), Dropout(0.5), Dense(10) (101,770)", source: `${LECTURE}, lines 502-507`,
    build: () => runSequential([
      layer('Flatten', [], { input_shape: [28, 28] }), layer('Dense', [128], { activation: 'relu' }), layer('Dropout', [0.5]), layer('Dense', [10], { activation: 'softmax' }),
    ]),
    rows: [[[N, 784], 0], [[N, 128], 100_480], [[N, 128], 0], [[N, 10], 1_290]],
    total: 101_770, names: ['flatten', 'dense', 'dropout', 'dense_1'],
  },
  {
    title: 'Hands-On ML (2nd ed.) chapter 11: MLP with three BatchNormalization layers (271,346, 2,368 non-trainable)',
    source: 'ageron/handson-ml2 11_training_deep_neural_networks.ipynb @ 262e54bd7f9e6aad2f9543fd1c71e1d24ee5f396, cell 36 ("Batch Normalization")',
    build: () => runSequential([
      layer('Flatten', [], { input_shape: [28, 28] }), layer('BatchNormalization'), layer('Dense', [300], { activation: 'relu' }),
      layer('BatchNormalization'), layer('Dense', [100], { activation: 'relu' }), layer('BatchNormalization'), layer('Dense', [10], { activation: 'softmax' }),
    ]),
    rows: [[[N, 784], 0], [[N, 784], 3_136], [[N, 300], 235_500], [[N, 300], 1_200], [[N, 100], 30_100], [[N, 100], 400], [[N, 10], 1_010]],
    total: 271_346, nonTrainable: 2_368,
  },
  {
    title: 'tf.keras 2 script: Dense(5, input_dim=1) then seven Dense layers (5,901)',
    source: 'TaeYeon-kim-ai/keras keras17_summary.py @ c2418b3ac0ff33013f69094e345dadf41fee1f5a',
    build: () => runSequential([
      layer('Dense', [5], { input_dim: 1, activation: 'linear' }), layer('Dense', [30], { activation: 'linear' }), layer('Dense', [30]),
      layer('Dense', [30]), layer('Dense', [30]), layer('Dense', [40]), layer('Dense', [40]), layer('Dense', [1]),
    ]),
    rows: [[[N, 5], 10], [[N, 30], 180], [[N, 30], 930], [[N, 30], 930], [[N, 30], 930], [[N, 40], 1_240], [[N, 40], 1_640], [[N, 1], 41]],
    total: 5_901, names: ['dense', 'dense_1', 'dense_2', 'dense_3', 'dense_4', 'dense_5', 'dense_6', 'dense_7'],
  },
  {
    title: 'tf.keras 2 script: GRU(10, input_shape=(3, 1)) with the reset_after bias (831)',
    source: 'TaeYeon-kim-ai/keras keras25_GRU1.py @ a7f95a99ffd0df3459f3e8db13520d460fe37312',
    build: () => runSequential([
      layer('GRU', [10], { activation: 'relu', input_shape: [3, 1] }), layer('Dense', [20]), layer('Dense', [10]), layer('Dense', [1]),
    ]),
    rows: [[[N, 10], 390], [[N, 20], 220], [[N, 10], 210], [[N, 1], 11]],
    total: 831, names: ['gru', 'dense', 'dense_1', 'dense_2'],
  },
];
