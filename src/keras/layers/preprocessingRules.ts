/**
 * Rules for the weightless image preprocessing layers under keras/src/layers/preprocessing/: Rescaling
 * (rescaling.py, shape unchanged) and Resizing and CenterCrop (image_preprocessing/resizing.py,
 * center_crop.py: the two spatial axes become height × width). Their base class takes further keyword
 * arguments, so unlisted keywords are not flagged. Normalization lives with the normalization rules.
 */
import type { Dim } from '../kerasModel';
import { type LayerRule, NO_WEIGHTS, dataFormat, layoutAxes, requireRank } from './layerRule';

function resizeRule(className: string, source: string, signature: readonly string[]): LayerRule {
  return {
    className, source, signature, inputs: 'one', openKwargs: true,
    check: ({ args }) => {
      args.positiveInt('height');
      args.positiveInt('width');
    },
    outputShape: ({ args, inputs }) => {
      const input = inputs.one();
      const format = dataFormat(args);
      requireRank(className, input, 4, format === 'channels_last' ? '(batch, height, width, channels)' : '(batch, channels, height, width)');
      const [h, w] = layoutAxes(format, 4).spatial as [number, number];
      const out: Dim[] = [...input];
      out[h] = args.positiveInt('height');
      out[w] = args.positiveInt('width');
      return out;
    },
    weights: () => NO_WEIGHTS,
  };
}

export const PREPROCESSING_RULES: readonly LayerRule[] = [
  {
    className: 'Rescaling', source: 'preprocessing/rescaling.py', signature: ['scale', 'offset'], inputs: 'one', openKwargs: true,
    check: ({ args }) => void args.required('scale'),
    outputShape: ({ inputs }) => inputs.one(),
    weights: () => NO_WEIGHTS,
  },
  resizeRule('Resizing', 'preprocessing/image_preprocessing/resizing.py', ['height', 'width', 'interpolation', 'crop_to_aspect_ratio', 'pad_to_aspect_ratio', 'fill_mode', 'fill_value', 'data_format']),
  resizeRule('CenterCrop', 'preprocessing/image_preprocessing/center_crop.py', ['height', 'width', 'data_format']),
];
