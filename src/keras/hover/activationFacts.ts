/**
 * What the hovers say about each activation Keras 3 accepts by name (keras/src/activations/activations.py):
 * the formula with Keras' default constants, the output range, and for the five the lecture teaches
 * (relu, linear, sigmoid, tanh, softmax) its points for and against; the others get a short note. Formulas
 * and ranges are plain maths, the same in every language; sentences go through `t`.
 */
import { type Translate, lookupOwn } from './hoverMarkdown';

export interface ActivationFacts {
  /** One sentence first: what it does and when to use it (the lecture's five only). */
  readonly lead?: string;
  readonly formula: readonly string[];
  readonly range: string;
  readonly pros: readonly string[];
  readonly cons: readonly string[];
  /** Where the lecture says it is used, or a one-line note. */
  readonly notes: readonly string[];
}

type FactsTable = Readonly<Record<string, ActivationFacts>>;

function short(formula: string | readonly string[], range: string, notes: readonly string[] = []): ActivationFacts {
  return { formula: typeof formula === 'string' ? [formula] : formula, range, pros: [], cons: [], notes };
}

/** The lecture's five activations, with its pros and cons. */
function lectureActivations(t: Translate): FactsTable {
  return {
    // ReLU saturates for x < 0 (output and derivative 0), so a unit whose inputs stay negative stops learning
    // ("dying ReLU"); leaky_relu (Maas et al., 2013) keeps a small slope there. He et al. (2015) derive
    // he_normal for it.
    relu: {
      lead: t('The usual first choice for hidden layers: it passes positive inputs unchanged and turns negative ones into 0. If many units die, try leaky_relu or elu; pair it with he_normal or he_uniform.'),
      formula: ['relu(x) = max(x, 0)'], range: '[0, ∞)',
      pros: [
        t('Introduces non-linearity into the network, which lets it approximate complex functions.'),
        t('Simple computation: taking the maximum is cheap.'),
        t('For positive inputs it does not saturate (its derivative is 1), so the gradient does not vanish there.'),
      ],
      cons: [t('For negative inputs its output and its derivative are 0: a neuron whose input stays negative gets no gradient and stops learning (a dead neuron, "dying ReLU").')],
      notes: [],
    },
    linear: {
      lead: t('The identity: use it on the output layer of a regression, or with from_logits=True. In a hidden layer it adds nothing: stacked linear layers are one linear layer.'),
      formula: ['linear(x) = x'], range: '(−∞, ∞)',
      pros: [
        t('No saturation: the output is not limited to a fixed range.'),
        t('Its derivative is constantly 1: it neither amplifies nor attenuates the gradient during backpropagation.'),
      ],
      cons: [
        t('Being linear, it cannot approximate complex non-linear functions.'),
        t('Unbounded range: the output can take any real value, which can make convergence harder.'),
      ],
      notes: [t('In Keras, activation=None means linear.')],
    },
    sigmoid: {
      lead: t('Squashes any input into (0, 1): use it on a single output unit for binary classification, with binary_crossentropy. Avoid it in the hidden layers of deep networks, where it saturates.'),
      formula: ['sigmoid(x) = 1 / (1 + e^(−x))'], range: '(0, 1)',
      pros: [
        t('Introduces non-linearity, so it can approximate complex relationships between input and output.'),
        t('It has a continuous derivative, so it can be used in backpropagation.'),
        t('Values close to 0 and 1 are read as false and true in classification.'),
      ],
      cons: [
        t('Its derivative becomes very small where it saturates, causing vanishing gradients.'),
        t('It needs an exponential, which costs more to compute.'),
      ],
      notes: [],
    },
    tanh: {
      lead: t('Squashes any input into (−1, 1), centred at 0: a good choice for the hidden layers of small networks (Playground\'s default), and the default inside Keras\' recurrent layers (SimpleRNN, LSTM, GRU).'),
      formula: ['tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))'], range: '(−1, 1)',
      pros: [
        t('Introduces non-linearity into the network.'),
        t('It has a continuous derivative, so it can be used in backpropagation.'),
        t('Its output is centred around 0, which helps training.'),
      ],
      cons: [
        t('Its derivative becomes small where it saturates, causing vanishing gradients.'),
        t('Costly to compute: it needs exponentials, more expensive than ReLU.'),
      ],
      notes: [],
    },
    // Not "several sigmoids": one normalisation over all the scores. With two scores [z, 0] it reduces to
    // [sigmoid(z), 1 − sigmoid(z)], since e^z / (e^z + 1) = 1 / (1 + e^(−z)).
    softmax: {
      lead: t('Turns a vector of scores into probabilities that sum to 1: use it on the output layer of a multiclass problem, one unit per class.'),
      formula: ['softmax(x)_i = e^(x_i) / Σ_j e^(x_j)'], range: '(0, 1), Σ = 1',
      pros: [t('Its outputs are probabilities: each between 0 and 1, and together they sum to 1.')],
      cons: [],
      notes: [
        t('It generalizes the sigmoid to several classes: softmax([z, 0]) = [sigmoid(z), 1 − sigmoid(z)]. Unlike separate sigmoids, its outputs compete: raising one lowers the others.'),
        t('Use it with categorical_crossentropy (one-hot labels) or sparse_categorical_crossentropy (class indices). Keras applies it along the last axis.'),
      ],
    },
  };
}

/** The other activations Keras 3 accepts by name, with Keras' default constants. */
function otherActivations(t: Translate): FactsTable {
  const silu = short('silu(x) = x · sigmoid(x)', '[≈ −0.2785, ∞)', [t('Smooth and non-monotonic: unbounded above, bounded below.')]);
  const hardSilu = short(['hard_silu(x) = x · hard_sigmoid(x)', '= 0 if x < −3;  x if x > 3;  x · (x + 3) / 6 otherwise'], '[−0.375, ∞)');
  return {
    leaky_relu: short('leaky_relu(x) = x if x > 0, else 0.2 · x', '(−∞, ∞)', [t('A small slope for negative inputs keeps units from dying as they can with ReLU. The activation function uses negative_slope=0.2; the LeakyReLU layer defaults to 0.3.')]),
    relu6: short('relu6(x) = min(max(x, 0), 6)', '[0, 6]'),
    elu: short('elu(x) = x if x > 0, else α · (e^x − 1),  α = 1.0', '(−1, ∞)', [t('Negative outputs push the mean activation towards zero.')]),
    selu: short(['selu(x) = scale · x if x > 0, else scale · α · (e^x − 1)', 'α ≈ 1.67326,  scale ≈ 1.05070'], '(≈ −1.7581, ∞)', [t('Self-normalizing: meant to be used with the lecun_normal initializer.')]),
    celu: short('celu(x) = max(0, x) + min(0, α · (e^(x/α) − 1)),  α = 1.0', '(−1, ∞)'),
    softplus: short('softplus(x) = log(e^x + 1)', '(0, ∞)', [t('A smooth version of ReLU.')]),
    softsign: short('softsign(x) = x / (|x| + 1)', '(−1, 1)'),
    silu, swish: silu,
    gelu: short('gelu(x) = x · Φ(x) = 0.5 · x · (1 + erf(x / √2))', '[≈ −0.17, ∞)', [t('Weights each input by its value instead of gating it by its sign as ReLU does.')]),
    exponential: short('exponential(x) = e^x', '(0, ∞)'),
    hard_sigmoid: short('hard_sigmoid(x) = 0 if x ≤ −3;  1 if x ≥ 3;  x / 6 + 0.5 otherwise', '[0, 1]', [t('A cheap, piecewise linear approximation of the sigmoid.')]),
    hard_silu: hardSilu, hard_swish: hardSilu,
    hard_tanh: short('hard_tanh(x) = max(−1, min(1, x))', '[−1, 1]'),
    mish: short('mish(x) = x · tanh(softplus(x))', '[≈ −0.3088, ∞)'),
    log_softmax: short('log_softmax(x)_i = x_i − log(Σ_j e^(x_j))', '(−∞, 0]'),
    log_sigmoid: short('log_sigmoid(x) = log(sigmoid(x)) = −softplus(−x)', '(−∞, 0)'),
    squareplus: short('squareplus(x) = (x + √(x² + b)) / 2,  b = 4', '(0, ∞)'),
    sparse_plus: short('sparse_plus(x) = 0 if x ≤ −1;  (x + 1)² / 4 if −1 < x < 1;  x if x ≥ 1', '[0, ∞)'),
    sparse_sigmoid: short('sparse_sigmoid(x) = 0 if x ≤ −1;  (x + 1) / 2 if −1 < x < 1;  1 if x ≥ 1', '[0, 1]'),
    soft_shrink: short('soft_shrink(x) = x − 0.5 if x > 0.5;  x + 0.5 if x < −0.5;  0 otherwise', '(−∞, ∞)'),
    hard_shrink: short('hard_shrink(x) = x if |x| > 0.5, else 0', '(−∞, ∞)'),
    tanh_shrink: short('tanh_shrink(x) = x − tanh(x)', '(−∞, ∞)'),
    glu: short('glu(x) = a · sigmoid(b),  [a, b] = the two halves of the last axis', '(−∞, ∞)', [t('Halves the size of the last axis.')]),
    sparsemax: short('sparsemax(x) = the point of the probability simplex nearest to x', '[0, 1], Σ = 1', [t('Like softmax, but some outputs can be exactly 0.')]),
  };
}

/** Facts for an activation name as Keras reads it ('swish' is silu), or undefined when HyperLab has none. */
export function activationFacts(name: string, t: Translate): ActivationFacts | undefined {
  return lookupOwn(lectureActivations(t), name) ?? lookupOwn(otherActivations(t), name);
}
