/**
 * How many samples the `x` given to fit() has, when the source says so without running anything: an
 * array written out (`np.array([[0, 0], [0, 1], ...])`), a shape written out (`x.reshape(60000, 784)`,
 * `np.random.random((1000, 20))`), or a Keras dataset unpacked as Keras returns it
 * (`(x_train, y_train), (x_test, y_test) = mnist.load_data()`, sizes from keras/src/datasets/). Anything
 * else is unknown: the iterations per epoch are then not shown, never guessed.
 */
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import type { DocumentAnalysis, LayerCall, PyValue } from '../kerasModel';
import { lookupOwn } from './hoverMarkdown';
import type { Message } from '../message';
import { unpackedSource } from '../python/pyAssign';

export interface SampleCount {
  readonly count: number;
  /** The code the number comes from: 'mnist.load_data()', 'x_train.reshape(...)'. */
  readonly source: string;
  /** For a Keras dataset, which of its two sets. */
  readonly part: 'train' | 'test' | null;
}

/** Training and test sizes of Keras' datasets with their default arguments. */
const DATASETS: Readonly<Record<string, { train: number; test: number; sizeArgs: readonly string[]; maxPositional: number }>> = {
  mnist: { train: 60000, test: 10000, sizeArgs: [], maxPositional: 1 },
  fashion_mnist: { train: 60000, test: 10000, sizeArgs: [], maxPositional: 0 },
  cifar10: { train: 50000, test: 10000, sizeArgs: [], maxPositional: 0 },
  cifar100: { train: 50000, test: 10000, sizeArgs: [], maxPositional: 1 },
  // maxlen drops long reviews/newswires and test_split moves samples between the sets.
  imdb: { train: 25000, test: 25000, sizeArgs: ['maxlen'], maxPositional: 3 },
  reuters: { train: 8982, test: 2246, sizeArgs: ['maxlen', 'test_split'], maxPositional: 3 },
  boston_housing: { train: 404, test: 102, sizeArgs: ['test_split'], maxPositional: 1 },
};

/**
 * NumPy constructors and where their shape is: the position of the `size`/`shape` argument, or 'dims' when
 * the sizes are the arguments themselves (rand(1000, 20)).
 */
const NUMPY_SHAPE_ARG: Readonly<Record<string, number | 'dims'>> = {
  zeros: 0, ones: 0, empty: 0, full: 0, 'random.random': 0, 'random.random_sample': 0, 'random.standard_normal': 0,
  'random.rand': 'dims', 'random.randn': 'dims', 'random.randint': 2, 'random.normal': 2, 'random.uniform': 2,
};
const NUMPY_LITERAL = /^(np|numpy)\.(array|asarray)$|^(tf\.)?constant$|^tf\.convert_to_tensor$/;

export function sampleCount(value: PyValue | undefined, analysis: DocumentAnalysis, text: string): SampleCount | null {
  if (value === undefined) return null;
  if (value.kind === 'call') return fromCall(value);
  if (value.kind === 'unknown') return fromDataset(value.reason, analysis, text);
  return null;
}

function fromCall(value: Extract<PyValue, { kind: 'call' }>): SampleCount | null {
  const source = `${value.callee}(...)`;
  if (value.callee.endsWith('.reshape')) {
    const first = value.args[0]?.kind === 'tuple' ? value.args[0].items[0] : value.args[0];
    return positiveInt(first, source);
  }
  if (NUMPY_LITERAL.test(value.callee)) {
    const literal = value.args[0];
    return literal?.kind === 'tuple' && literal.items.length > 0 ? { count: literal.items.length, source, part: null } : null;
  }
  const numpy = /^(np|numpy)\.(.+)$/.exec(value.callee)?.[2];
  const where = numpy === undefined ? undefined : lookupOwn(NUMPY_SHAPE_ARG, numpy);
  if (where !== undefined) {
    const shape = where === 'dims' ? value.args[0] : value.args[where] ?? value.kwargs['size'] ?? value.kwargs['shape'];
    return positiveInt(shape?.kind === 'tuple' ? shape.items[0] : shape, source);
  }
  return null;
}

function positiveInt(value: PyValue | undefined, source: string): SampleCount | null {
  return value?.kind === 'number' && Number.isInteger(value.value) && value.value > 0 ? { count: value.value, source, part: null } : null;
}

/** A name unpacked from `dataset.load_data()`: the unknown's reason names the variable. */
function fromDataset(reason: Message, analysis: DocumentAnalysis, text: string): SampleCount | null {
  const name = unpackedSource(reason);
  if (name === null || !/^[A-Za-z_]\w*$/.test(name)) return null;
  const loads = analysis.kerasCalls.filter((c) => c.className === 'load_data');
  if (loads.length === 0) return null;
  const found = new Set<string>();
  let result: SampleCount | null = null;
  const cursor = parser.parse(text).cursor();
  do {
    if (cursor.name !== 'AssignStatement') continue;
    const node = cursor.node;
    const path = targetPath(node, name, text);
    if (path === null) continue;
    const value = valueNode(node);
    const load = loads.find((c) => value !== null && c.span.from === value.from && c.span.to === value.to);
    const size = load ? datasetSize(load, path, text) : null;
    if (size === null) return null; // the name is also unpacked from something else
    found.add(`${size.source} ${size.part ?? ''}`);
    result = size;
  } while (cursor.next());
  return found.size === 1 ? result : null;
}

function parts(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

function valueNode(assign: SyntaxNode): SyntaxNode | null {
  const all = parts(assign);
  const op = all.map((p) => p.name).lastIndexOf('AssignOp');
  const values = all.slice(op + 1).filter((p) => p.name !== ',');
  return op >= 0 && values.length === 1 ? values[0]! : null;
}

/**
 * Where `name` sits among the unpacking targets of an assignment: [0, 0] for x_train in
 * `(x_train, y_train), (x_test, y_test) = ...`; null when the statement does not unpack into it.
 */
function targetPath(assign: SyntaxNode, name: string, text: string): number[] | null {
  const all = parts(assign);
  const op = all.findIndex((p) => p.name === 'AssignOp');
  if (op < 0) return null;
  const targets = all.slice(0, op).filter((p) => p.name !== ',');
  if (targets.length === 1 && !isTuple(targets[0]!)) return null;
  return search(targets.length === 1 ? items(targets[0]!) : targets, name, text);
}

function isTuple(node: SyntaxNode): boolean {
  return node.name === 'TupleExpression' || node.name === 'ParenthesizedExpression' || node.name === 'ArrayExpression';
}

function items(node: SyntaxNode): SyntaxNode[] {
  return parts(node).filter((c) => !['(', ')', '[', ']', ','].includes(c.name));
}

function search(nodes: readonly SyntaxNode[], name: string, text: string): number[] | null {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.name === 'VariableName' && text.slice(n.from, n.to) === name) return [i];
    if (isTuple(n)) {
      const inner = search(items(n), name, text);
      if (inner) return [i, ...inner];
    }
  }
  return null;
}

/** `(x_train, y_train), (x_test, y_test) = <dataset>.load_data()`: x_train is path [0, 0]. */
function datasetSize(load: LayerCall, path: readonly number[], text: string): SampleCount | null {
  const callee = text.slice(load.calleeSpan.from, load.calleeSpan.to).replace(/\s+/g, '');
  const dataset = callee.split('.').at(-2);
  const facts = dataset === undefined ? undefined : lookupOwn(DATASETS, dataset);
  if (!facts || path.length !== 2 || path[0]! > 1 || path[1]! > 1) return null;
  if (load.args.length > facts.maxPositional || facts.sizeArgs.some((a) => a in load.kwargs)) return null;
  const train = path[0] === 0;
  return { count: train ? facts.train : facts.test, source: `${dataset}.load_data()`, part: train ? 'train' : 'test' };
}
