/**
 * Published-model fixtures from the keras.io developer guides (keras-team/keras-io guides/md/*.md, which
 * keep the printed output of every cell): Working with RNNs, the Functional API, the Sequential model and
 * Introduction to Keras for engineers. Each fixture rebuilds the model call by call and lists the summary
 * rows as printed (tf.keras 2.x output for these commits).
 */
import { Graph, inline, layer, runSequential, unknownValue } from './layerCallBuilders';
import { N, type PublishedModel } from './publishedModelCatalog';

const RNNS = 'keras-team/keras-io guides/md/working_with_rnns.md @ 14dd69a57c7a330ca51e025fe2a9e159b7ef265e';
const FUNCTIONAL = 'keras-team/keras-io guides/md/functional_api.md @ 14dd69a57c7a330ca51e025fe2a9e159b7ef265e';
const SEQUENTIAL = 'keras-team/keras-io guides/md/sequential_model.md @ 277e1cd05db404ee0622563fce13668e1e39e815';
const ENGINEERS = 'keras-team/keras-io guides/md/intro_to_keras_for_engineers.md @ 3a8622d94d7685d84435388a20316a1544d0af5c';

/** A stand-in for the list of tensors `layers.add([x, y])` receives; the graph wires the real inputs. */
const TENSORS = [unknownValue('a tensor'), unknownValue('a tensor')];

function encoderLayers(g: Graph, input: number): number {
  let x = g.add(layer('Conv2D', [16, 3], { activation: 'relu' }), input);
  x = g.add(layer('Conv2D', [32, 3], { activation: 'relu' }), x);
  x = g.add(layer('MaxPooling2D', [3]), x);
  x = g.add(layer('Conv2D', [32, 3], { activation: 'relu' }), x);
  x = g.add(layer('Conv2D', [16, 3], { activation: 'relu' }), x);
  return g.add(layer('GlobalMaxPooling2D'), x);
}

function decoderLayers(g: Graph, input: number): void {
  let x = g.add(layer('Reshape', [[4, 4, 1]]), input);
  x = g.add(layer('Conv2DTranspose', [16, 3], { activation: 'relu' }), x);
  x = g.add(layer('Conv2DTranspose', [32, 3], { activation: 'relu' }), x);
  x = g.add(layer('UpSampling2D', [3]), x);
  x = g.add(layer('Conv2DTranspose', [16, 3], { activation: 'relu' }), x);
  g.add(layer('Conv2DTranspose', [1, 3], { activation: 'relu' }), x);
}

const ENCODER_ROWS = [
  [[N, 28, 28, 1], 0], [[N, 26, 26, 16], 160], [[N, 24, 24, 32], 4_640], [[N, 8, 8, 32], 0],
  [[N, 6, 6, 32], 9_248], [[N, 4, 4, 16], 4_624], [[N, 16], 0],
] as const;
const DECODER_ROWS = [
  [[N, 4, 4, 1], 0], [[N, 6, 6, 16], 160], [[N, 8, 8, 32], 4_640], [[N, 24, 24, 32], 0],
  [[N, 26, 26, 16], 4_624], [[N, 28, 28, 1], 145],
] as const;

function toyResNet(): Graph {
  const g = new Graph();
  const inputs = g.input([32, 32, 3], 'img');
  let x = g.add(layer('Conv2D', [32, 3], { activation: 'relu' }), inputs);
  x = g.add(layer('Conv2D', [64, 3], { activation: 'relu' }), x);
  const block1 = g.add(layer('MaxPooling2D', [3]), x);
  x = g.add(layer('Conv2D', [64, 3], { activation: 'relu', padding: 'same' }), block1);
  x = g.add(layer('Conv2D', [64, 3], { activation: 'relu', padding: 'same' }), x);
  const block2 = g.add(layer('add', [TENSORS]), x, block1);
  x = g.add(layer('Conv2D', [64, 3], { activation: 'relu', padding: 'same' }), block2);
  x = g.add(layer('Conv2D', [64, 3], { activation: 'relu', padding: 'same' }), x);
  const block3 = g.add(layer('add', [TENSORS]), x, block2);
  x = g.add(layer('Conv2D', [64, 3], { activation: 'relu' }), block3);
  x = g.add(layer('GlobalAveragePooling2D'), x);
  x = g.add(layer('Dense', [256], { activation: 'relu' }), x);
  x = g.add(layer('Dropout', [0.5]), x);
  g.add(layer('Dense', [10]), x);
  return g;
}

export const KERAS_GUIDE_MODELS: readonly PublishedModel[] = [
  {
    // tf.keras 2 gave an Embedding without input_length the input shape (None, None); Keras 3 leaves this Sequential unbuilt.
    title: 'Working with RNNs: Embedding + LSTM + Dense (164,106)', source: RNNS,
    build: () => runSequential([layer('Embedding', [], { input_dim: 1000, output_dim: 64 }), layer('LSTM', [128]), layer('Dense', [10])], [N, N]),
    rows: [[[N, N, 64], 64_000], [[N, 128], 98_816], [[N, 10], 1_290]],
    total: 164_106, names: ['embedding', 'lstm', 'dense'],
  },
  {
    title: 'Working with RNNs: GRU (reset_after) + SimpleRNN (361,866)', source: RNNS,
    build: () => runSequential([
      layer('Embedding', [], { input_dim: 1000, output_dim: 64 }), layer('GRU', [256], { return_sequences: true }),
      layer('SimpleRNN', [128]), layer('Dense', [10]),
    ], [N, N]),
    rows: [[[N, N, 64], 64_000], [[N, N, 256], 247_296], [[N, 128], 49_280], [[N, 10], 1_290]],
    total: 361_866,
  },
  {
    // The encoder's return_state=True output is a list of three tensors, printed as a list of shapes.
    title: 'Working with RNNs: encoder-decoder with return_state (258,698)', source: RNNS,
    build: () => {
      const g = new Graph();
      const encoderInput = g.input([N]);
      const decoderInput = g.input([N]);
      const encoderEmbedded = g.add(layer('Embedding', [], { input_dim: 1000, output_dim: 64 }), encoderInput);
      const decoderEmbedded = g.add(layer('Embedding', [], { input_dim: 2000, output_dim: 64 }), decoderInput);
      g.add(layer('LSTM', [64], { return_state: true, name: 'encoder' }), encoderEmbedded);
      const decoder = g.add(layer('LSTM', [64], { name: 'decoder' }), decoderEmbedded);
      g.add(layer('Dense', [10]), decoder);
      return g.rows;
    },
    rows: [[[N, N], 0], [[N, N], 0], [[N, N, 64], 64_000], [[N, N, 64], 128_000], [[[N, 64], [N, 64], [N, 64]], 33_024], [[N, 64], 33_024], [[N, 10], 650]],
    total: 258_698,
  },
  {
    title: 'Working with RNNs: two Bidirectional LSTMs (80,266)', source: RNNS,
    build: () => runSequential([
      layer('Bidirectional', [inline('LSTM', [64], { return_sequences: true })], { input_shape: [5, 10] }),
      layer('Bidirectional', [inline('LSTM', [32])]), layer('Dense', [10]),
    ]),
    rows: [[[N, 5, 128], 38_400], [[N, 64], 41_216], [[N, 10], 650]],
    total: 80_266, names: ['bidirectional', 'bidirectional_1', 'dense'],
  },
  {
    title: 'Functional API: mnist_model (55,050)', source: FUNCTIONAL,
    build: () => {
      const g = new Graph();
      let x = g.input([784]);
      x = g.add(layer('Dense', [64], { activation: 'relu' }), x);
      x = g.add(layer('Dense', [64], { activation: 'relu' }), x);
      g.add(layer('Dense', [10]), x);
      return g.rows;
    },
    rows: [[[N, 784], 0], [[N, 64], 50_240], [[N, 64], 4_160], [[N, 10], 650]],
    total: 55_050,
  },
  {
    title: 'Functional API: convolutional encoder (18,672)', source: FUNCTIONAL,
    build: () => {
      const g = new Graph();
      encoderLayers(g, g.input([28, 28, 1], 'img'));
      return g.rows;
    },
    rows: ENCODER_ROWS, total: 18_672,
  },
  {
    title: 'Functional API: autoencoder with Conv2DTranspose and UpSampling2D (28,241)', source: FUNCTIONAL,
    build: () => {
      const g = new Graph();
      decoderLayers(g, encoderLayers(g, g.input([28, 28, 1], 'img')));
      return g.rows;
    },
    rows: [...ENCODER_ROWS, ...DECODER_ROWS], total: 28_241,
  },
  {
    title: 'Functional API: decoder from a 16-vector (9,569)', source: FUNCTIONAL,
    build: () => {
      const g = new Graph();
      decoderLayers(g, g.input([16], 'encoded_img'));
      return g.rows;
    },
    rows: [[[N, 16], 0], ...DECODER_ROWS], total: 9_569,
  },
  {
    title: 'Functional API: toy ResNet with add() (223,242)', source: FUNCTIONAL,
    build: () => toyResNet().rows,
    rows: [
      [[N, 32, 32, 3], 0], [[N, 30, 30, 32], 896], [[N, 28, 28, 64], 18_496], [[N, 9, 9, 64], 0],
      [[N, 9, 9, 64], 36_928], [[N, 9, 9, 64], 36_928], [[N, 9, 9, 64], 0], [[N, 9, 9, 64], 36_928],
      [[N, 9, 9, 64], 36_928], [[N, 9, 9, 64], 0], [[N, 7, 7, 64], 36_928], [[N, 64], 0],
      [[N, 256], 16_640], [[N, 256], 0], [[N, 10], 2_570],
    ],
    total: 223_242,
  },
  {
    // Built by calling it on tf.ones((1, 4)): the batch axis is 1, not None.
    title: 'Sequential model: Dense stack built on a batch of one (35)', source: SEQUENTIAL,
    build: () => runSequential([layer('Dense', [2], { activation: 'relu' }), layer('Dense', [3], { activation: 'relu' }), layer('Dense', [4])], [1, 4]),
    rows: [[[1, 2], 10], [[1, 3], 9], [[1, 4], 16]],
    total: 35,
  },
  {
    title: 'Sequential model: keras.Input(shape=(4,)) then Dense(2) (10)', source: SEQUENTIAL,
    build: () => runSequential([layer('Input', [], { shape: [4] }), layer('Dense', [2], { activation: 'relu' })]),
    rows: [[[N, 2], 10]], total: 10,
  },
  {
    title: 'Sequential model: Dense(2, input_shape=(4,)) (10)', source: SEQUENTIAL,
    build: () => runSequential([layer('Dense', [2], { activation: 'relu', input_shape: [4] })]),
    rows: [[[N, 2], 10]], total: 10,
  },
  {
    title: 'Sequential model: strided Conv2D and MaxPooling2D stack (48,672)', source: SEQUENTIAL,
    build: () => runSequential([
      layer('Input', [], { shape: [250, 250, 3] }),
      layer('Conv2D', [32, 5], { strides: 2, activation: 'relu' }), layer('Conv2D', [32, 3], { activation: 'relu' }), layer('MaxPooling2D', [3]),
      layer('Conv2D', [32, 3], { activation: 'relu' }), layer('Conv2D', [32, 3], { activation: 'relu' }), layer('MaxPooling2D', [3]),
      layer('Conv2D', [32, 3], { activation: 'relu' }), layer('Conv2D', [32, 3], { activation: 'relu' }), layer('MaxPooling2D', [2]),
    ]),
    rows: [
      [[N, 123, 123, 32], 2_432], [[N, 121, 121, 32], 9_248], [[N, 40, 40, 32], 0], [[N, 38, 38, 32], 9_248], [[N, 36, 36, 32], 9_248],
      [[N, 12, 12, 32], 0], [[N, 10, 10, 32], 9_248], [[N, 8, 8, 32], 9_248], [[N, 4, 4, 32], 0],
    ],
    total: 48_672,
    names: ['conv2d', 'conv2d_1', 'max_pooling2d', 'conv2d_2', 'conv2d_3', 'max_pooling2d_1', 'conv2d_4', 'conv2d_5', 'max_pooling2d_2'],
  },
  {
    title: 'Intro for engineers: CenterCrop + Rescaling + convnet on images of any size (19,722)', source: ENGINEERS,
    build: () => {
      const g = new Graph();
      let x = g.input([N, N, 3]);
      x = g.add(layer('CenterCrop', [], { height: 150, width: 150 }), x);
      x = g.add(layer('Rescaling', [], { scale: 1 / 255 }), x);
      x = g.add(layer('Conv2D', [], { filters: 32, kernel_size: [3, 3], activation: 'relu' }), x);
      x = g.add(layer('MaxPooling2D', [], { pool_size: [3, 3] }), x);
      x = g.add(layer('Conv2D', [], { filters: 32, kernel_size: [3, 3], activation: 'relu' }), x);
      x = g.add(layer('MaxPooling2D', [], { pool_size: [3, 3] }), x);
      x = g.add(layer('Conv2D', [], { filters: 32, kernel_size: [3, 3], activation: 'relu' }), x);
      x = g.add(layer('GlobalAveragePooling2D'), x);
      g.add(layer('Dense', [10], { activation: 'softmax' }), x);
      return g.rows;
    },
    rows: [
      [[N, N, N, 3], 0], [[N, 150, 150, 3], 0], [[N, 150, 150, 3], 0], [[N, 148, 148, 32], 896], [[N, 49, 49, 32], 0],
      [[N, 47, 47, 32], 9_248], [[N, 15, 15, 32], 0], [[N, 13, 13, 32], 9_248], [[N, 32], 0], [[N, 10], 330],
    ],
    total: 19_722,
  },
  {
    title: 'Intro for engineers: Rescaling + Flatten + Dense MNIST classifier (118,282)', source: ENGINEERS,
    build: () => {
      const g = new Graph();
      let x = g.input([28, 28]);
      x = g.add(layer('Rescaling', [1 / 255]), x);
      x = g.add(layer('Flatten'), x);
      x = g.add(layer('Dense', [128], { activation: 'relu' }), x);
      x = g.add(layer('Dense', [128], { activation: 'relu' }), x);
      g.add(layer('Dense', [10], { activation: 'softmax' }), x);
      return g.rows;
    },
    rows: [[[N, 28, 28], 0], [[N, 28, 28], 0], [[N, 784], 0], [[N, 128], 100_480], [[N, 128], 16_512], [[N, 10], 1_290]],
    total: 118_282,
  },
];
