/**
 * Writes a model program (modelProgram.ts) as a Python file, one of many equivalent spellings chosen by a
 * seeded Rng: a Sequential in list or `.add` form (when the program is a chain) or a functional chain; the
 * input as `keras.Input`, `InputLayer`, `input_shape=` on the first layer or `model.build(...)`; layers
 * constructed inline or into variables first (in the same order, so Keras' automatic names do not change);
 * `layer(x)` or `layer(inputs=x)`; then the whole file through pythonLayout.ts (`;`-joined statements,
 * comments, continuations, tabs, CRLF). Every spelling builds the same model in Keras 3, so the analysis
 * must give the same numbers for each. Test-only.
 */
import type { Rng } from '../../../src/engine/rng';
import type { PyValue } from '../../../src/keras/kerasModel';
import { type Call, type ModelProgram, inputNodes, isChain, isInputCall, outputNodes, withInputNode } from './modelProgram';
import { type ImportStyle, pickClassName, pickImportStyle } from './pythonNames';
import { layoutPython } from './pythonLayout';
import { ValueWriter } from './pythonValues';

export interface Spelt {
  readonly text: string;
  /** The choices made, for failure messages. */
  readonly choices: readonly string[];
}

export interface SpellingOptions {
  /** Only spellings that Keras 3 without TensorFlow runs. */
  readonly kerasOnly?: boolean;
  /** Keep every default: literal values, keyword arguments, no layout changes (the reference spelling). */
  readonly plain?: boolean;
}

/** Layers whose call() takes its main input as `inputs` (Keras 3.15 signatures), so `layer(inputs=x)` works. */
const TAKES_INPUTS = /^(Dense|Conv\w*|Convolution\w*|\w*Pool\w*|Flatten|Dropout|Activation|BatchNormalization|Reshape|Embedding|ReLU|LeakyReLU|ELU|Softmax|RepeatVector|UpSampling\w+|ZeroPadding\w+|Cropping\w+)$/;

/** Layers whose main input is a list even when it holds the same tensor twice (`Attention()([x, x])`). */
const LIST_INPUT = /^(Attention|AdditiveAttention|Add|Subtract|Multiply|Average|Maximum|Minimum|Concatenate|Dot)$/;

interface Writer {
  readonly rng: Rng;
  readonly style: ImportStyle;
  readonly values: ValueWriter;
  readonly classes: Set<string>;
  readonly choices: string[];
  readonly plain: boolean;
}

function cls(w: Writer, name: string): string {
  const spelt = w.plain ? name : pickClassName(w.rng, name);
  w.classes.add(spelt);
  return w.style.layer(spelt);
}

function callText(w: Writer, call: Call): string {
  return `${cls(w, call.className)}(${w.values.args(call).join(', ')})`;
}

export function spellPython(written: ModelProgram, rng: Rng, options: SpellingOptions = {}): Spelt {
  const plain = options.plain ?? false;
  const style = pickImportStyle(rng, options.kerasOnly ?? false);
  const classes = new Set<string>();
  const choices = [`imports: ${style.name}`];
  const w: Writer = { rng, style, classes, choices, plain, values: new ValueWriter(plain ? fixedRng() : rng, (c) => cls(w, c)) };
  const chain = isChain(written);
  // A model without an Input (an unbuilt Sequential) can only be a Sequential.
  const inputless = inputNodes(withInputNode(written)).length === 0;
  const form = chain && (inputless || rng.int(3) > 0) ? (rng.int(2) === 0 ? 'list' : 'add') : 'functional';
  choices.push(`form: ${form}`);
  // A functional model needs an Input; a Sequential may keep the program's own input_shape= (or move it).
  const program = form === 'functional' || rng.int(2) === 0 ? withInputNode(written) : written;
  const body = form === 'functional' ? functionalStatements(w, program) : sequentialStatements(w, program, form);
  const imports = style.imports([...classes].sort());
  return { text: layoutPython(imports, w.values.constants, body, plain ? fixedRng() : rng, choices), choices };
}

/** An Rng that always answers 0: the reference spelling takes the first choice everywhere. */
function fixedRng(): Rng {
  return { int: () => 0 } as unknown as Rng;
}

/** The input's shape (without the batch axis) and the other arguments of an Input node, or null. */
function inputOf(call: Call): { shape: PyValue; rest: Call['kwargs'] } | null {
  if (!isInputCall(call)) return null;
  const { shape, ...rest } = call.kwargs;
  const s = shape ?? call.args[0];
  return s ? { shape: s, rest } : null;
}

function sequentialStatements(w: Writer, program: ModelProgram, form: 'list' | 'add'): string[][] {
  const nodes = [...program.nodes];
  let items: string[] = [];
  let build: string | null = null;
  const input = nodes[0] ? inputOf(nodes[0].call) : null;
  const first = nodes[input ? 1 : 0]?.call;
  const canMove = input !== null && first !== undefined && !Object.keys(first.kwargs).some((k) => k.startsWith('input') || k.startsWith('batch'))
    && Object.keys(input.rest).every((k) => k === 'name' || k === 'dtype');
  const how = input === null ? 'as written' : ['Input', 'InputLayer', 'input_shape', 'build'][w.rng.int(canMove ? 4 : 2)]!;
  w.choices.push(`input: ${how}`);
  if (input) {
    nodes.shift();
    const extra = Object.entries(input.rest).filter(([k]) => k !== 'name');
    const extraText = extra.map(([k, v]) => `, ${k}=${w.values.value(v)}`).join('');
    if (how === 'Input') items.push(`${w.style.input}(shape=${w.values.value(input.shape)}${extraText})`);
    else if (how === 'InputLayer') items.push(`${cls(w, 'InputLayer')}(shape=${w.values.value(input.shape)}${extraText})`);
    else if (how === 'build') build = `model.build(${w.values.sequence([input.rest['batch_size'] ? w.values.value(input.rest['batch_size']) : 'None', ...shapeItems(w, input.shape)])})`;
    else nodes[0] = { ...nodes[0]!, call: { ...first!, kwargs: { ...first!.kwargs, input_shape: input.shape } } };
  }
  items = [...items, ...nodes.map((n) => callText(w, n.call))];
  if (form === 'list') {
    const multiline = w.rng.int(2) === 0;
    const listText = multiline ? `[\n    ${items.join(',\n    ')},\n]` : `[${items.join(', ')}]`;
    return [[`model = ${w.style.sequential}(${listText})`], ...(build ? [[build]] : [])];
  }
  return [[`model = ${w.style.sequential}()`], ...items.map((i) => [`model.add(${i})`]), ...(build ? [[build]] : [])];
}

function shapeItems(w: Writer, shape: PyValue): string[] {
  return shape.kind === 'tuple' ? shape.items.map((i) => w.values.value(i)) : [w.values.value(shape)];
}

/** Variable names: a node consumed only by the next one shares its name (`x = layer(x)`), others get their own. */
function variableNames(program: ModelProgram, reuse: boolean): string[] {
  const consumers = program.nodes.map((_, i) => program.nodes.flatMap((n, j) => (n.inputs.includes(i) || (n.callArgs ?? []).some((a) => a.node === i) ? [j] : [])));
  const names: string[] = new Array<string>(program.nodes.length);
  for (let i = program.nodes.length - 1; i >= 0; i--) {
    const only = consumers[i]!;
    const input = isInputCall(program.nodes[i]!.call);
    const next = program.nodes[i + 1];
    const once = only.length === 1 && only[0] === i + 1 && next !== undefined && next.inputs.filter((j) => j === i).length === 1 && !(next.callArgs ?? []).some((a) => a.node === i);
    names[i] = reuse && !input && once ? names[i + 1]! : input ? `inp_${i}` : `t_${i}`;
  }
  return names;
}

function functionalStatements(w: Writer, program: ModelProgram): string[][] {
  const reuse = w.rng.int(2) === 0;
  const separate = w.rng.int(3) === 0;
  w.choices.push(`variables: ${reuse ? 'reused' : 'one per tensor'}; layers ${separate ? 'constructed first' : 'inline'}`);
  const names = variableNames(program, reuse);
  const out: string[][] = [];
  const made = new Map<number, string>();
  if (separate) {
    program.nodes.forEach((n, i) => {
      if (isInputCall(n.call) || /^[a-z]/.test(n.call.className)) return;
      made.set(i, `layer_${i}`);
      out.push([`layer_${i} = ${callText(w, n.call)}`]);
    });
  }
  program.nodes.forEach((n, i) => {
    const input = inputOf(n.call);
    if (input) {
      // shape= (or positionally) with batch_size=, or the batch folded into batch_shape=.
      const { batch_size: batch, ...others } = input.rest;
      const batchShape = w.rng.int(3) === 0;
      const rest = Object.entries(batchShape ? others : input.rest).map(([k, v]) => `, ${k}=${w.values.value(v)}`).join('');
      const shape = batchShape ? `batch_shape=${w.values.sequence([batch ? w.values.value(batch) : 'None', ...shapeItems(w, input.shape)])}`
        : w.rng.int(2) === 0 ? w.values.value(input.shape) : `shape=${w.values.value(input.shape)}`;
      out.push([`${names[i]} = ${w.style.input}(${shape}${rest})`]);
      return;
    }
    const args = n.inputs.map((j) => names[j]!);
    if (/^[a-z]/.test(n.call.className)) {
      // A merge function: `layers.add([a, b], ...)`.
      const kw = Object.entries(n.call.kwargs).map(([k, v]) => `, ${k}=${w.values.value(v)}`).join('');
      out.push([`${names[i]} = ${cls(w, n.call.className)}([${args.join(', ')}]${kw})`]);
      return;
    }
    const arg = args.length === 1 && !LIST_INPUT.test(n.call.className) ? args[0]! : `[${args.join(', ')}]`;
    const byKeyword = TAKES_INPUTS.test(n.call.className) && w.rng.int(4) === 0;
    const layer = made.get(i) ?? callText(w, n.call);
    const others = (n.callArgs ?? []).map((a) => (a.name.startsWith('#') ? names[a.node]! : `${a.name}=${names[a.node]!}`));
    out.push([`${names[i]} = ${layer}(${[byKeyword ? `inputs=${arg}` : arg, ...others].join(', ')})`]);
  });
  const ins = inputNodes(program).map((i) => names[i]!);
  const outs = outputNodes(program).map((i) => names[i]!);
  const list = (xs: string[]): string => (xs.length === 1 && w.rng.int(2) === 0 ? xs[0]! : `[${xs.join(', ')}]`);
  const model = w.rng.int(2) === 0 ? `${w.style.model}(inputs=${list(ins)}, outputs=${list(outs)})` : `${w.style.model}(${list(ins)}, ${list(outs)})`;
  out.push([`model = ${model}`]);
  return out;
}
