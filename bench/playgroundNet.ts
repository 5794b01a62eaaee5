/**
 * The object-per-neuron baseline for W2: a network built the way TensorFlow Playground's `src/nn.ts`
 * builds one (read for its design, not copied): every neuron is an object with its input and output
 * links, every weight is a Link object, the forward and backward passes are scalar loops over those
 * objects one sample at a time, derivatives are accumulated per neuron and per link, and every batch the
 * mean accumulated derivative is applied with plain SGD. Like Playground, an activation's derivative is
 * computed from the neuron's total input (recomputing the activation). Unlike Playground, the weights come
 * from a seeded Rng, the error is binary cross-entropy on a sigmoid output (W2's loss, clipped as Keras
 * clips it), and no regularization is applied. It is a benchmark peer, not engine code.
 */
import type { Rng } from '../src/engine/rng';

/** A scalar function and its derivative with respect to its input. */
export interface ScalarActivation {
  readonly output: (x: number) => number;
  readonly der: (x: number) => number;
}

/** An error of one output against its target, and its derivative with respect to the output. */
export interface ErrorFunction {
  readonly error: (output: number, target: number) => number;
  readonly der: (output: number, target: number) => number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export const TANH: ScalarActivation = {
  output: (x) => Math.tanh(x),
  der: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
};

export const SIGMOID: ScalarActivation = {
  output: sigmoid,
  der: (x) => {
    const s = sigmoid(x);
    return s * (1 - s);
  },
};

const EPSILON = 1e-7; // Keras' backend epsilon: predictions are clipped to [ε, 1 − ε]

/** Binary cross-entropy −(t·ln o + (1−t)·ln(1−o)) and its derivative (o − t) / (o (1 − o)). */
export const BINARY_CROSSENTROPY: ErrorFunction = {
  error: (o, t) => {
    const p = Math.min(Math.max(o, EPSILON), 1 - EPSILON);
    return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
  },
  der: (o, t) => {
    const p = Math.min(Math.max(o, EPSILON), 1 - EPSILON);
    return (p - t) / (p * (1 - p));
  },
};

export class Neuron {
  readonly inputLinks: Link[] = [];
  readonly outputLinks: Link[] = [];
  bias = 0.1;
  totalInput = 0;
  output = 0;
  /** dE/d(output). */
  outputDer = 0;
  /** dE/d(totalInput), which is also dE/d(bias). */
  inputDer = 0;
  accInputDer = 0;
  numAccumulatedDers = 0;

  constructor(readonly activation: ScalarActivation) {}

  updateOutput(): number {
    let total = this.bias;
    for (const link of this.inputLinks) total += link.weight * link.source.output;
    this.totalInput = total;
    this.output = this.activation.output(total);
    return this.output;
  }
}

export class Link {
  errorDer = 0;
  accErrorDer = 0;
  numAccumulatedDers = 0;

  constructor(readonly source: Neuron, readonly dest: Neuron, public weight: number) {}
}

/** Layers of neurons, input layer first; `shape` = [inputs, hidden..., outputs]. */
export function buildNetwork(shape: readonly number[], hidden: ScalarActivation, out: ScalarActivation, rng: Rng): Neuron[][] {
  const network: Neuron[][] = [];
  shape.forEach((size, layer) => {
    const activation = layer === shape.length - 1 ? out : hidden;
    const neurons = Array.from({ length: size }, () => new Neuron(activation));
    if (layer > 0) {
      for (const dest of neurons) {
        for (const source of network[layer - 1]!) {
          const link = new Link(source, dest, rng.uniform() - 0.5); // Playground's U(-0.5, 0.5)
          source.outputLinks.push(link);
          dest.inputLinks.push(link);
        }
      }
    }
    network.push(neurons);
  });
  return network;
}

/** Forward pass of one sample; returns the first output neuron's output. */
export function forwardProp(network: readonly Neuron[][], inputs: readonly number[]): number {
  const inputLayer = network[0]!;
  for (let i = 0; i < inputLayer.length; i++) inputLayer[i]!.output = inputs[i]!;
  for (let layer = 1; layer < network.length; layer++) {
    for (const neuron of network[layer]!) neuron.updateOutput();
  }
  return network[network.length - 1]![0]!.output;
}

/** Backward pass of one sample after forwardProp: accumulates dE/db and dE/dw on neurons and links. */
export function backProp(network: readonly Neuron[][], target: number, errorFunction: ErrorFunction): void {
  const outputNeuron = network[network.length - 1]![0]!;
  outputNeuron.outputDer = errorFunction.der(outputNeuron.output, target);
  for (let layer = network.length - 1; layer >= 1; layer--) {
    const current = network[layer]!;
    for (const neuron of current) {
      neuron.inputDer = neuron.outputDer * neuron.activation.der(neuron.totalInput);
      neuron.accInputDer += neuron.inputDer;
      neuron.numAccumulatedDers++;
    }
    for (const neuron of current) {
      for (const link of neuron.inputLinks) {
        link.errorDer = neuron.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (layer === 1) continue;
    for (const neuron of network[layer - 1]!) {
      let der = 0;
      for (const link of neuron.outputLinks) der += link.weight * link.dest.inputDer;
      neuron.outputDer = der;
    }
  }
}

/** Plain SGD with the mean of the accumulated derivatives, then clears the accumulators. */
export function updateWeights(network: readonly Neuron[][], learningRate: number): void {
  for (let layer = 1; layer < network.length; layer++) {
    for (const neuron of network[layer]!) {
      if (neuron.numAccumulatedDers > 0) {
        neuron.bias -= (learningRate * neuron.accInputDer) / neuron.numAccumulatedDers;
        neuron.accInputDer = 0;
        neuron.numAccumulatedDers = 0;
      }
      for (const link of neuron.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate * link.accErrorDer) / link.numAccumulatedDers;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}
