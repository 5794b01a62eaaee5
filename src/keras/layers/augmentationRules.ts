/**
 * Rules for the image augmentation layers under keras/src/layers/preprocessing/image_preprocessing/
 * (random_flip.py, random_rotation.py, random_zoom.py, ... , rand_augment.py, mix_up.py): none has weights,
 * and each returns an image of its input's shape (batched, (batch, height, width, channels), or one image,
 * rank 3) — RandomCrop excepted, whose two spatial axes become height × width (random_crop.py). Their
 * arguments only shape the randomness. Signatures from Keras 3.15; their base class takes further keywords.
 */
import type { Dim } from '../kerasModel';
import { type LayerRule, NO_WEIGHTS, dataFormat, layoutAxes, problem } from './layerRule';
import { msg } from '../message';

const SAME_SHAPE: Readonly<Record<string, readonly string[]>> = {
  RandomFlip: ['mode', 'seed', 'data_format'],
  RandomRotation: ['factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format'],
  RandomZoom: ['height_factor', 'width_factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format'],
  RandomContrast: ['factor', 'value_range', 'seed'],
  RandomTranslation: ['height_factor', 'width_factor', 'fill_mode', 'interpolation', 'seed', 'fill_value', 'data_format'],
  RandomBrightness: ['factor', 'value_range', 'seed'],
  RandomGrayscale: ['factor', 'data_format', 'seed'],
  RandomHue: ['factor', 'value_range', 'data_format', 'seed'],
  RandomSaturation: ['factor', 'value_range', 'data_format', 'seed'],
  RandomSharpness: ['factor', 'value_range', 'data_format', 'seed'],
  RandomShear: ['x_factor', 'y_factor', 'interpolation', 'fill_mode', 'fill_value', 'data_format', 'seed'],
  RandomColorDegeneration: ['factor', 'value_range', 'data_format', 'seed'],
  RandomColorJitter: ['value_range', 'brightness_factor', 'contrast_factor', 'saturation_factor', 'hue_factor', 'seed', 'data_format'],
  RandomPosterization: ['factor', 'value_range', 'data_format', 'seed'],
  RandomInvert: ['factor', 'value_range', 'seed', 'data_format'],
  RandomErasing: ['factor', 'scale', 'fill_value', 'value_range', 'seed', 'data_format'],
  RandomGaussianBlur: ['factor', 'kernel_size', 'sigma', 'value_range', 'data_format', 'seed'],
  RandomPerspective: ['factor', 'scale', 'interpolation', 'fill_value', 'seed', 'data_format'],
  RandomElasticTransform: ['factor', 'scale', 'interpolation', 'fill_mode', 'fill_value', 'value_range', 'seed', 'data_format'],
  Solarization: ['addition_factor', 'threshold_factor', 'value_range', 'seed'],
  AutoContrast: ['value_range'],
  Equalization: ['value_range', 'bins', 'data_format'],
  AugMix: ['value_range', 'num_chains', 'chain_depth', 'factor', 'alpha', 'all_ops', 'interpolation', 'seed', 'data_format'],
  RandAugment: ['value_range', 'num_ops', 'factor', 'interpolation', 'seed', 'data_format'],
  CutMix: ['factor', 'seed', 'data_format'],
  MixUp: ['alpha', 'data_format', 'seed'],
};

function image(className: string, rank: number): void {
  if (rank !== 3 && rank !== 4) {
    throw problem('impossible-shape', msg('{0} takes images: (batch, height, width, channels), or one image (height, width, channels); it gets an input of rank {1}', className, rank));
  }
}

const sameShape = ([className, signature]: [string, readonly string[]]): LayerRule => ({
  className, source: 'preprocessing/image_preprocessing', signature, inputs: 'one', openKwargs: true,
  outputShape: ({ inputs }) => {
    const input = inputs.one();
    image(className, input.length);
    return input;
  },
  weights: () => NO_WEIGHTS,
});

const RANDOM_CROP: LayerRule = {
  className: 'RandomCrop', source: 'preprocessing/image_preprocessing/random_crop.py', signature: ['height', 'width', 'seed', 'data_format', 'name'], inputs: 'one', openKwargs: true,
  check: ({ args }) => {
    args.positiveInt('height');
    args.positiveInt('width');
  },
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    image('RandomCrop', input.length);
    const out: Dim[] = [...input];
    const axes = layoutAxes(dataFormat(args), 4).spatial;
    // One image has no batch axis: its spatial axes sit one place earlier.
    const [h, w] = input.length === 4 ? axes : axes.map((a) => a - 1);
    out[h!] = args.positiveInt('height');
    out[w!] = args.positiveInt('width');
    return out;
  },
  weights: () => NO_WEIGHTS,
};

export const AUGMENTATION_RULES: readonly LayerRule[] = [...Object.entries(SAME_SHAPE).map(sameShape), RANDOM_CROP];
