/**
 * Published-model fixtures from the keras.io code examples (keras-team/keras-io examples/<topic>/md/*.md,
 * which keep the printed `model.summary()`): vision, NLP, time series, generative and audio examples, some
 * printed by tf.keras 2.x and some by Keras 3 (the rich-table format). Each fixture rebuilds the model call
 * by call as the example's code writes it.
 */
import type { Call } from './layerCallBuilders';
import { Graph, inline, layer, runSequential } from './layerCallBuilders';
import { N, type PublishedModel } from './publishedModelCatalog';

const io = (path: string, commit: string): string => `keras-team/keras-io ${path} @ ${commit}`;

function sequentialGraph(input: readonly (number | null)[], calls: readonly Call[]): Graph {
  const g = new Graph();
  calls.reduce((x, call) => g.add(call, x), g.input(input));
  return g;
}

/** wgan_gp.md conv_block: Conv2D, optional BatchNormalization, activation, optional Dropout. */
function convBlock(filters: number, dropout: boolean): Call[] {
  const calls = [layer('Conv2D', [filters, [5, 5]], { strides: [2, 2], padding: 'same', use_bias: true }), layer('LeakyReLU', [0.2])];
  return dropout ? [...calls, layer('Dropout', [0.3])] : calls;
}

/** wgan_gp.md upsample_block: UpSampling2D, Conv2D without bias, BatchNormalization, activation. */
function upsampleBlock(filters: number, activation: Call): Call[] {
  return [
    layer('UpSampling2D', [[2, 2]]),
    layer('Conv2D', [filters, [3, 3]], { strides: [1, 1], padding: 'same', use_bias: false }),
    layer('BatchNormalization'),
    activation,
  ];
}

/** speaker_recognition_using_cnn.md residual_block, rows in the printed order (shortcut after the chain). */
function residualBlock(g: Graph, input: number, filters: number, convNum: number): number {
  let x = input;
  for (let i = 0; i < convNum - 1; i++) {
    x = g.add(layer('Conv1D', [filters, 3], { padding: 'same' }), x);
    x = g.add(layer('Activation', ['relu']), x);
  }
  x = g.add(layer('Conv1D', [filters, 3], { padding: 'same' }), x);
  const shortcut = g.add(layer('Conv1D', [filters, 1], { padding: 'same' }), input);
  x = g.add(layer('Add'), x, shortcut);
  x = g.add(layer('Activation', ['relu']), x);
  return g.add(layer('MaxPool1D', [], { pool_size: 2, strides: 2 }), x);
}

function speakerModel(): Graph {
  const g = new Graph();
  let x = g.input([8000, 1], 'input');
  for (const [filters, convNum] of [[16, 2], [32, 2], [64, 3], [128, 3], [128, 3]] as const) x = residualBlock(g, x, filters, convNum);
  x = g.add(layer('AveragePooling1D', [], { pool_size: 3, strides: 3 }), x);
  x = g.add(layer('Flatten'), x);
  x = g.add(layer('Dense', [256], { activation: 'relu' }), x);
  x = g.add(layer('Dense', [128], { activation: 'relu' }), x);
  g.add(layer('Dense', [5], { activation: 'softmax', name: 'output' }), x);
  return g;
}

function speakerRows(): [readonly (number | null)[], number][] {
  const rows: [readonly (number | null)[], number][] = [[[N, 8000, 1], 0]];
  const blocks = [[8000, 16, 2, 1], [4000, 32, 2, 16], [2000, 64, 3, 32], [1000, 128, 3, 64], [500, 128, 3, 128]] as const;
  for (const [length, f, convNum, c] of blocks) {
    let channels: number = c;
    for (let i = 0; i < convNum - 1; i++) {
      rows.push([[N, length, f], 3 * channels * f + f], [[N, length, f], 0]);
      channels = f;
    }
    rows.push([[N, length, f], 3 * channels * f + f], [[N, length, f], c * f + f], [[N, length, f], 0], [[N, length, f], 0], [[N, length / 2, f], 0]);
  }
  rows.push([[N, 83, 128], 0], [[N, 10_624], 0], [[N, 256], 2_720_000], [[N, 128], 32_896], [[N, 5], 645]);
  return rows;
}

export const KERAS_EXAMPLE_MODELS: readonly PublishedModel[] = [
  {
    title: 'Simple MNIST convnet (34,826)', source: io('examples/vision/md/mnist_convnet.md', '38324b71e65c48731fb8ff4342cd8fcaac276953'),
    build: () => runSequential([
      layer('Input', [], { shape: [28, 28, 1] }),
      layer('Conv2D', [32], { kernel_size: [3, 3], activation: 'relu' }), layer('MaxPooling2D', [], { pool_size: [2, 2] }),
      layer('Conv2D', [64], { kernel_size: [3, 3], activation: 'relu' }), layer('MaxPooling2D', [], { pool_size: [2, 2] }),
      layer('Flatten'), layer('Dropout', [0.5]), layer('Dense', [10], { activation: 'softmax' }),
    ]),
    rows: [[[N, 26, 26, 32], 320], [[N, 13, 13, 32], 0], [[N, 11, 11, 64], 18_496], [[N, 5, 5, 64], 0], [[N, 1600], 0], [[N, 1600], 0], [[N, 10], 16_010]],
    total: 34_826, names: ['conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'flatten', 'dropout', 'dense'],
  },
  {
    title: 'Bidirectional LSTM on IMDB, Keras 3 output (2,757,761)', source: io('examples/nlp/md/bidirectional_lstm_imdb.md', '1909c6710cd3f5af6401f1176dcee9e26781b4f3'),
    build: () => {
      const g = new Graph();
      let x = g.add(layer('Input', [], { shape: [N], dtype: 'int32' }));
      x = g.add(layer('Embedding', [20_000, 128]), x);
      x = g.add(layer('Bidirectional', [inline('LSTM', [64], { return_sequences: true })]), x);
      x = g.add(layer('Bidirectional', [inline('LSTM', [64])]), x);
      g.add(layer('Dense', [1], { activation: 'sigmoid' }), x);
      return g.rows;
    },
    rows: [[[N, N], 0], [[N, N, 128], 2_560_000], [[N, N, 128], 98_816], [[N, 128], 98_816], [[N, 1], 129]],
    total: 2_757_761, names: ['input_layer', 'embedding', 'bidirectional', 'bidirectional_1', 'dense'],
  },
  {
    title: 'Time-series anomaly detection: Conv1D/Conv1DTranspose autoencoder, Keras 3 output (9,505)',
    source: io('examples/timeseries/md/timeseries_anomaly_detection.md', '35480756038c16ea129e392380d638e1181f4c28'),
    build: () => runSequential([
      layer('Input', [], { shape: [288, 1] }),
      layer('Conv1D', [], { filters: 32, kernel_size: 7, padding: 'same', strides: 2, activation: 'relu' }), layer('Dropout', [], { rate: 0.2 }),
      layer('Conv1D', [], { filters: 16, kernel_size: 7, padding: 'same', strides: 2, activation: 'relu' }),
      layer('Conv1DTranspose', [], { filters: 16, kernel_size: 7, padding: 'same', strides: 2, activation: 'relu' }), layer('Dropout', [], { rate: 0.2 }),
      layer('Conv1DTranspose', [], { filters: 32, kernel_size: 7, padding: 'same', strides: 2, activation: 'relu' }),
      layer('Conv1DTranspose', [], { filters: 1, kernel_size: 7, padding: 'same' }),
    ]),
    rows: [[[N, 144, 32], 256], [[N, 144, 32], 0], [[N, 72, 16], 3_600], [[N, 144, 16], 1_808], [[N, 144, 16], 0], [[N, 288, 32], 3_616], [[N, 288, 1], 225]],
    total: 9_505, names: ['conv1d', 'dropout', 'conv1d_1', 'conv1d_transpose', 'dropout_1', 'conv1d_transpose_1', 'conv1d_transpose_2'],
  },
  {
    title: 'Weather forecasting LSTM, Keras 3 output (5,153)', source: io('examples/timeseries/md/timeseries_weather_forecasting.md', '1f897f0570ddd0c1390ca4b49b30d70df463fd09'),
    build: () => sequentialGraph([120, 7], [layer('LSTM', [32]), layer('Dense', [1])]).rows,
    rows: [[[N, 120, 7], 0], [[N, 32], 5_120], [[N, 1], 33]],
    total: 5_153, names: ['input_layer', 'lstm', 'dense'],
  },
  {
    // Printed by Keras 3.0, whose _track_variable did not yet mark a trainable=False layer's variables
    // non-trainable (it showed 0 non-trainable); current keras/src/layers/layer.py does, as asserted here.
    title: 'Pretrained word embeddings: frozen Embedding + Conv1D text classifier (2,247,516)',
    source: io('examples/nlp/md/pretrained_word_embeddings.md', '1909c6710cd3f5af6401f1176dcee9e26781b4f3'),
    build: () => sequentialGraph([N], [
      layer('Embedding', [20_002, 100], { trainable: false }),
      layer('Conv1D', [128, 5], { activation: 'relu' }), layer('MaxPooling1D', [5]),
      layer('Conv1D', [128, 5], { activation: 'relu' }), layer('MaxPooling1D', [5]),
      layer('Conv1D', [128, 5], { activation: 'relu' }), layer('GlobalMaxPooling1D'),
      layer('Dense', [128], { activation: 'relu' }), layer('Dropout', [0.5]), layer('Dense', [20], { activation: 'softmax' }),
    ]).rows,
    rows: [
      [[N, N], 0], [[N, N, 100], 2_000_200], [[N, N, 128], 64_128], [[N, N, 128], 0], [[N, N, 128], 82_048], [[N, N, 128], 0],
      [[N, N, 128], 82_048], [[N, 128], 0], [[N, 128], 16_512], [[N, 128], 0], [[N, 20], 2_580],
    ],
    total: 2_247_516, nonTrainable: 2_000_200,
  },
  {
    title: 'Convolutional denoising autoencoder, Keras 3 output (28,353)', source: io('examples/vision/md/autoencoder.md', '1152d883930e8ab91a8c16366d5a21c67d771e82'),
    build: () => sequentialGraph([28, 28, 1], [
      layer('Conv2D', [32, [3, 3]], { activation: 'relu', padding: 'same' }), layer('MaxPooling2D', [[2, 2]], { padding: 'same' }),
      layer('Conv2D', [32, [3, 3]], { activation: 'relu', padding: 'same' }), layer('MaxPooling2D', [[2, 2]], { padding: 'same' }),
      layer('Conv2DTranspose', [32, [3, 3]], { strides: 2, activation: 'relu', padding: 'same' }),
      layer('Conv2DTranspose', [32, [3, 3]], { strides: 2, activation: 'relu', padding: 'same' }),
      layer('Conv2D', [1, [3, 3]], { activation: 'sigmoid', padding: 'same' }),
    ]).rows,
    rows: [
      [[N, 28, 28, 1], 0], [[N, 28, 28, 32], 320], [[N, 14, 14, 32], 0], [[N, 14, 14, 32], 9_248], [[N, 7, 7, 32], 0],
      [[N, 14, 14, 32], 9_248], [[N, 28, 28, 32], 9_248], [[N, 28, 28, 1], 289],
    ],
    total: 28_353,
    names: ['input_layer', 'conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'conv2d_transpose', 'conv2d_transpose_1', 'conv2d_2'],
  },
  {
    title: 'DCGAN discriminator with LeakyReLU(alpha=...) (74,625)', source: io('examples/generative/md/dcgan_overriding_train_step.md', '0e2325b31f291531990c55fec009feee850b6ca9'),
    build: () => runSequential([
      layer('Input', [], { shape: [28, 28, 1] }),
      layer('Conv2D', [64, [3, 3]], { strides: [2, 2], padding: 'same' }), layer('LeakyReLU', [], { alpha: 0.2 }),
      layer('Conv2D', [128, [3, 3]], { strides: [2, 2], padding: 'same' }), layer('LeakyReLU', [], { alpha: 0.2 }),
      layer('GlobalMaxPooling2D'), layer('Dense', [1]),
    ]),
    rows: [[[N, 14, 14, 64], 640], [[N, 14, 14, 64], 0], [[N, 7, 7, 128], 73_856], [[N, 7, 7, 128], 0], [[N, 128], 0], [[N, 1], 129]],
    total: 74_625, names: ['conv2d', 'leaky_re_lu', 'conv2d_1', 'leaky_re_lu_1', 'global_max_pooling2d', 'dense'],
  },
  {
    title: 'DCGAN generator: Dense, Reshape, strided Conv2DTranspose (1,339,905)', source: io('examples/generative/md/dcgan_overriding_train_step.md', '0e2325b31f291531990c55fec009feee850b6ca9'),
    build: () => runSequential([
      layer('Input', [], { shape: [128] }), layer('Dense', [7 * 7 * 128]), layer('LeakyReLU', [], { alpha: 0.2 }), layer('Reshape', [[7, 7, 128]]),
      layer('Conv2DTranspose', [128, [4, 4]], { strides: [2, 2], padding: 'same' }), layer('LeakyReLU', [], { alpha: 0.2 }),
      layer('Conv2DTranspose', [128, [4, 4]], { strides: [2, 2], padding: 'same' }), layer('LeakyReLU', [], { alpha: 0.2 }),
      layer('Conv2D', [1, [7, 7]], { padding: 'same', activation: 'sigmoid' }),
    ]),
    rows: [
      [[N, 6272], 809_088], [[N, 6272], 0], [[N, 7, 7, 128], 0], [[N, 14, 14, 128], 262_272], [[N, 14, 14, 128], 0],
      [[N, 28, 28, 128], 262_272], [[N, 28, 28, 128], 0], [[N, 28, 28, 1], 6_273],
    ],
    total: 1_339_905,
  },
  {
    title: 'Addition RNN: LSTM, RepeatVector, Dense on every timestep, Keras 3 output (205,324)', source: io('examples/nlp/md/addition_rnn.md', '018f6fb360934bbb1b0474c2147792e07a38e58d'),
    build: () => runSequential([
      layer('Input', [[7, 12]]), layer('LSTM', [128]), layer('RepeatVector', [4]), layer('LSTM', [128], { return_sequences: true }),
      layer('Dense', [12], { activation: 'softmax' }),
    ]),
    rows: [[[N, 128], 72_192], [[N, 4, 128], 0], [[N, 4, 128], 131_584], [[N, 4, 12], 1_548]],
    total: 205_324, names: ['lstm', 'repeat_vector', 'lstm_1', 'dense'],
  },
  {
    title: 'WGAN-GP critic: ZeroPadding2D and strided convolutions (4,305,409)', source: io('examples/generative/md/wgan_gp.md', '1afb5a3cd825ecbdcf85a5cc11d1046058c4f675'),
    build: () => sequentialGraph([28, 28, 1], [
      layer('ZeroPadding2D', [[2, 2]]), ...convBlock(64, false), ...convBlock(128, true), ...convBlock(256, true), ...convBlock(512, false),
      layer('Flatten'), layer('Dropout', [0.2]), layer('Dense', [1]),
    ]).rows,
    rows: [
      [[N, 28, 28, 1], 0], [[N, 32, 32, 1], 0], [[N, 16, 16, 64], 1_664], [[N, 16, 16, 64], 0], [[N, 8, 8, 128], 204_928], [[N, 8, 8, 128], 0],
      [[N, 8, 8, 128], 0], [[N, 4, 4, 256], 819_456], [[N, 4, 4, 256], 0], [[N, 4, 4, 256], 0], [[N, 2, 2, 512], 3_277_312], [[N, 2, 2, 512], 0],
      [[N, 2048], 0], [[N, 2048], 0], [[N, 1], 2_049],
    ],
    total: 4_305_409,
  },
  {
    title: 'WGAN-GP generator: BatchNormalization and Cropping2D (910,660, 8,578 non-trainable)', source: io('examples/generative/md/wgan_gp.md', '1afb5a3cd825ecbdcf85a5cc11d1046058c4f675'),
    build: () => sequentialGraph([128], [
      layer('Dense', [4 * 4 * 256], { use_bias: false }), layer('BatchNormalization'), layer('LeakyReLU', [0.2]), layer('Reshape', [[4, 4, 256]]),
      ...upsampleBlock(128, layer('LeakyReLU', [0.2])), ...upsampleBlock(64, layer('LeakyReLU', [0.2])), ...upsampleBlock(1, layer('Activation', ['tanh'])),
      layer('Cropping2D', [[2, 2]]),
    ]).rows,
    rows: [
      [[N, 128], 0], [[N, 4096], 524_288], [[N, 4096], 16_384], [[N, 4096], 0], [[N, 4, 4, 256], 0],
      [[N, 8, 8, 256], 0], [[N, 8, 8, 128], 294_912], [[N, 8, 8, 128], 512], [[N, 8, 8, 128], 0],
      [[N, 16, 16, 128], 0], [[N, 16, 16, 64], 73_728], [[N, 16, 16, 64], 256], [[N, 16, 16, 64], 0],
      [[N, 32, 32, 64], 0], [[N, 32, 32, 1], 576], [[N, 32, 32, 1], 4], [[N, 32, 32, 1], 0], [[N, 28, 28, 1], 0],
    ],
    total: 910_660, nonTrainable: 8_578,
  },
  {
    title: 'Speaker recognition: Conv1D residual blocks with Add (3,088,597)', source: io('examples/audio/md/speaker_recognition_using_cnn.md', 'a6f1ebf8e7798fd1eed807b1c778e26960e7278f'),
    build: () => speakerModel().rows,
    rows: speakerRows(),
    total: 3_088_597,
  },
  {
    title: 'VAE decoder: Dense, Reshape, Conv2DTranspose (65,089)', source: io('examples/generative/md/vae.md', '216c5a2b6c4ef626f7acd8c69b29919ee7c5e758'),
    build: () => sequentialGraph([2], [
      layer('Dense', [7 * 7 * 64], { activation: 'relu' }), layer('Reshape', [[7, 7, 64]]),
      layer('Conv2DTranspose', [64, 3], { activation: 'relu', strides: 2, padding: 'same' }),
      layer('Conv2DTranspose', [32, 3], { activation: 'relu', strides: 2, padding: 'same' }),
      layer('Conv2DTranspose', [1, 3], { activation: 'sigmoid', padding: 'same' }),
    ]).rows,
    rows: [[[N, 2], 0], [[N, 3136], 9_408], [[N, 7, 7, 64], 0], [[N, 14, 14, 64], 36_928], [[N, 28, 28, 32], 18_464], [[N, 28, 28, 1], 289]],
    total: 65_089,
  },
];
