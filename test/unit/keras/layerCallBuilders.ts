/**
 * Test helpers for the layer rules: build layer calls from plain JavaScript values the way the Python parser
 * would hand them over (numbers, strings, booleans, None, tuples, inline calls, unknown values), and run
 * chains of calls through `applyLayer` as a Sequential model or a hand-wired functional graph. Each run also
 * records its program (`programOf`), so the spelling generators can write the same model as Python source.
 * Test-only; the real model builder lives elsewhere.
 */
import type { LayerCall, LayerOutcome, ParamCount, PyValue, Shape, SourceSpan } from '../../../src/keras/kerasModel';
import { applyLayer, declaredInputShape, kerasAutoName } from '../../../src/keras/layers/applyLayer';
import { msg } from '../../../src/keras/message';
import type { ModelProgram, ProgramNode } from '../../support/keras/modelProgram';

/** A recorded run: its program, and for each row the program node it is. */
export interface RecordedProgram {
  readonly program: ModelProgram;
  readonly rowNodes: readonly number[];
}

const recorded = new WeakMap<readonly LayerRow[], RecordedProgram>();

/** The program the rows of a runSequential or Graph run came from. */
export function programOf(rows: readonly LayerRow[]): RecordedProgram | undefined {
  return recorded.get(rows);
}

/** A JavaScript stand-in for a Python value: null is None, arrays are tuples, PyValues pass through. */
export type Py = number | string | boolean | null | readonly Py[] | PyValue;

export type Call = Pick<LayerCall, 'className' | 'args' | 'kwargs'>;

const SPAN: SourceSpan = { line: 1, column: 0, from: 0, to: 0 };

function isPyValue(value: Py): value is PyValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value;
}

export function py(value: Py): PyValue {
  if (value === null) return { kind: 'none' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (isPyValue(value)) return value;
  return { kind: 'tuple', items: value.map(py) };
}

export function unknownValue(reason: string): PyValue {
  return { kind: 'unknown', reason: msg(reason) };
}

/** A layer call such as layer('Dense', [512], { activation: 'relu' }). */
export function layer(className: string, args: readonly Py[] = [], kwargs: Readonly<Record<string, Py>> = {}): Call {
  return { className, args: args.map(py), kwargs: Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, py(v)])) };
}

/** A call written as an argument, e.g. the LSTM(64) inside Bidirectional(LSTM(64)). */
export function inline(className: string, args: readonly Py[] = [], kwargs: Readonly<Record<string, Py>> = {}): PyValue {
  const call = layer(className, args, kwargs);
  return { kind: 'call', callee: className, args: call.args, kwargs: call.kwargs, span: SPAN };
}

export function apply(call: Call, ...inputs: (Shape | null)[]): LayerOutcome {
  return applyLayer(call, inputs);
}

export interface LayerRow {
  readonly call: Call;
  readonly name: string;
  readonly outcome: LayerOutcome;
}

/** Keras' automatic names: the snake_case base, then _1, _2, ... for later layers of the same base. */
export function autoNamer(): (call: Call) => string {
  const seen = new Map<string, number>();
  return (call) => {
    const base = kerasAutoName(call.className);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}_${count}`;
  };
}

/**
 * A Sequential model: the first call's declared input shape (or `input`, or a leading Input(...)) feeds the
 * chain. A leading Input is not a row, as in Keras 3's summary of a Sequential model.
 */
export function runSequential(calls: readonly Call[], input?: Shape): LayerRow[] {
  const name = autoNamer();
  const rows: LayerRow[] = [];
  const inputCall = input && layer('Input', [], input[0] === null || input[0] === undefined ? { shape: input.slice(1) as Py[] } : { shape: input.slice(1) as Py[], batch_size: input[0] as number });
  const nodes: ProgramNode[] = inputCall ? [{ call: inputCall, inputs: [] }] : [];
  const rowNodes: number[] = [];
  let current: Shape | null = input ?? null;
  calls.forEach((call, i) => {
    nodes.push({ call, inputs: nodes.length > 0 ? [nodes.length - 1] : [] });
    if (i === 0 && (call.className === 'Input' || call.className === 'InputLayer')) {
      current = applyLayer(call, []).outputShape;
      return;
    }
    if (i === 0 && input === undefined) current = declaredInputShape(call) ?? null;
    const outcome = applyLayer(call, [current]);
    rows.push({ call, name: name(call), outcome });
    rowNodes.push(nodes.length - 1);
    current = outcome.outputShape;
  });
  recorded.set(rows, { program: { nodes }, rowNodes });
  return rows;
}

/** A functional model wired by hand: add(call, ...inputNodes) returns the node's index. */
export class Graph {
  readonly rows: LayerRow[] = [];
  private readonly name = autoNamer();
  private readonly nodes: ProgramNode[] = [];

  constructor() {
    // Every row of a graph is a node of its program (Inputs included).
    const nodes = this.nodes;
    recorded.set(this.rows, { program: { nodes }, get rowNodes() { return nodes.map((_, i) => i); } });
  }

  input(shape: readonly Py[], name?: string): number {
    return this.add(layer('Input', [], name === undefined ? { shape } : { shape, name }));
  }

  add(call: Call, ...inputs: number[]): number {
    this.nodes.push({ call, inputs });
    const shapes = inputs.map((i) => this.rows[i]!.outcome.outputShape);
    const given = call.kwargs['name'];
    const outcome = applyLayer(call, shapes);
    this.rows.push({ call, name: given?.kind === 'string' ? given.value : this.name(call), outcome });
    return this.rows.length - 1;
  }
}

/** Sum of the rows' parameters, or null when any row's count is unknown. */
export function totals(rows: readonly LayerRow[]): ParamCount | null {
  let trainable = 0;
  let nonTrainable = 0;
  for (const { outcome } of rows) {
    if (outcome.params === null) return null;
    trainable += outcome.params.trainable;
    nonTrainable += outcome.params.nonTrainable;
  }
  return { trainable, nonTrainable };
}

export function paramTotal(outcome: LayerOutcome): number | null {
  return outcome.params === null ? null : outcome.params.trainable + outcome.params.nonTrainable;
}
