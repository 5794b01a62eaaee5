/**
 * Apply to Code's hidden layers: the sidebar's list of Dense and Dropout layers written over the code's.
 * The code's hidden layers are those between its input (Input, and a leading Flatten that only reshapes
 * it) and its last Dense, the output layer, which the code's data decides and which stays. The two lists
 * are aligned by kind (the longest common subsequence, so a Dense keeps its other arguments); aligned
 * layers get the values that differ (units, activation, rate: nothing written when the code already
 * says it, by default included), the code's extra layers are removed with their comment lines, the
 * sidebar's extra layers are inserted in the form the code uses (list element or `model.add(...)`), and
 * `input_shape=`/`input_dim=` moves with the first layer. A functional model gets values only.
 */
import type { LayerCall, ModelSummary, PyValue } from '../kerasModel';
import { type Message, msg } from '../message';
import type { KerasSpelling } from './kerasSpelling';
import {
  Refused, type TextEdit, addKeywords, attachedStart, indentOf, keywordRange, lineEnd, lineStart, literal, nextLine, py, removeKeyword, shown, startsLine,
} from './sourceEdits';

export interface TargetLayer {
  readonly class_name: 'Dense' | 'Dropout';
  readonly units?: number;
  readonly activation?: string;
  readonly rate?: number;
}

type Op = { readonly kind: 'keep'; readonly code: number; readonly target: number } | { readonly kind: 'remove'; readonly code: number } | { readonly kind: 'insert'; readonly target: number };

/** Keep as many layers as possible in order (the longest common subsequence of the kinds); the rest is removed or inserted. */
export function alignLayers(code: readonly string[], target: readonly string[]): Op[] {
  const n = code.length, m = target.length;
  const rest: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) rest[i]![j] = code[i] === target[j] ? rest[i + 1]![j + 1]! + 1 : Math.max(rest[i + 1]![j]!, rest[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && code[i] === target[j]) ops.push({ kind: 'keep', code: i++, target: j++ });
    else if (i < n && (j >= m || rest[i + 1]![j]! >= rest[i]![j + 1]!)) ops.push({ kind: 'remove', code: i++ });
    else ops.push({ kind: 'insert', target: j++ });
  }
  return ops;
}

const INPUT_ARGS = ['input_shape', 'input_dim', 'batch_input_shape'];
/** Layers before the first hidden one that only reshape the input: part of the input, as for Load from Code. */
const INPUT_SHAPING = ['Flatten'];

export interface LayerContext {
  readonly source: string;
  readonly model: ModelSummary;
  readonly spelling: KerasSpelling;
  readonly quote: string;
  readonly edits: TextEdit[];
  readonly changes: Message[];
}

/** The model's layer calls split into input-shaping prefix, hidden layers and output layer. */
export function modelLayers(model: ModelSummary): { prefix: LayerCall[]; hidden: LayerCall[]; output: LayerCall } {
  const calls = model.graph.nodes.filter((n) => !n.isInput).map((n) => n.call);
  let start = 0;
  while (start < calls.length && INPUT_SHAPING.includes(calls[start]!.className)) start++;
  const lastDense = calls.map((c) => c.className).lastIndexOf('Dense');
  if (lastDense < start) throw new Refused(msg('{0} has no Dense output layer', model.graph.name));
  return { prefix: calls.slice(0, start), hidden: calls.slice(start, lastDense), output: calls[lastDense]! };
}

/** How a layer call is written: inside `model.add(...)` on its own line, or as an element of a list. */
function addForm(source: string, call: LayerCall): { prefix: string } | null {
  const before = /^[ \t]*([\w.]+\.add\(\s*)$/.exec(source.slice(lineStart(source, call.span.from), call.span.from));
  const after = /^\s*\)[ \t]*(#.*)?$/.test(source.slice(call.span.to, lineEnd(source, call.span.to)));
  return before && after ? { prefix: before[1]! } : null;
}

/** The last character before `at` that is not space or comment: ',' or '[' for a list element. */
function previousSignificant(source: string, at: number): string {
  let end = at;
  for (;;) {
    const start = lineStart(source, end);
    const text = source.slice(start, end).replace(/#[^'"]*$/, '').trimEnd();
    if (text) return text.at(-1)!;
    if (start === 0) return '';
    end = start - 1;
  }
}

class LayerWriter {
  private readonly pending = new Map<LayerCall, string[]>();

  constructor(private readonly c: LayerContext) {}

  newCall(t: TargetLayer, extra: readonly string[], existing: readonly LayerCall[]): string {
    const same = existing.find((call) => call.className === t.class_name);
    const callee = same ? this.c.source.slice(same.calleeSpan.from, same.calleeSpan.to) : this.c.spelling.spell('layers', t.class_name);
    const args = t.class_name === 'Dense'
      ? [String(t.units), ...(t.activation && t.activation !== 'linear' ? [`activation=${py(t.activation, this.c.quote)}`] : [])]
      : [String(t.rate)];
    return `${callee}(${[...args, ...extra].join(', ')})`;
  }

  /** The values of `t` that differ from the call's, as edits (or pending keyword arguments), each described under `where`. */
  setValues(call: LayerCall, t: TargetLayer, where: Message): void {
    if (t.class_name === 'Dense') {
      if (t.units !== undefined) this.setValue(call, where, 'units', 0, t.units, null);
      if (t.activation !== undefined) this.setValue(call, where, 'activation', 1, t.activation, 'linear');
    } else if (t.rate !== undefined) this.setValue(call, where, 'rate', 0, t.rate, null);
  }

  private setValue(call: LayerCall, where: Message, name: string, position: number, value: number | string, kerasDefault: string | null): void {
    const written: PyValue | undefined = call.kwargs[name] ?? call.args[position];
    const text = py(value, this.c.quote);
    if (written === undefined) {
      if (kerasDefault === null) throw new Refused(msg('{0} (line {1}) has no {2}', call.className, call.span.line, name));
      if (value === kerasDefault) return;
      this.keyword(call, `${name}=${text}`);
      this.c.changes.push(msg('{0}: {1} {2} → {3}', where, name, msg('{0} (Keras\' default)', kerasDefault), text));
      return;
    }
    const lit = literal(written);
    if (!lit) throw new Refused(msg('{0} (line {1}) takes its {2} from a variable or an expression HyperLab cannot change: write the value itself, then Apply again', call.className, call.span.line, name));
    const current = lit.kind === 'none' && name === 'activation' ? 'linear' : 'value' in lit ? lit.value : null;
    if (current === value) return;
    this.c.edits.push({ from: lit.span.from, to: lit.span.to, text });
    const old = this.c.source.slice(lit.span.from, lit.span.to);
    const outside = lit.span.from < call.span.from || lit.span.to > call.span.to;
    this.c.changes.push(outside ? msg('{0}: {1} {2} → {3} (line {4}, where the value is set)', where, name, old, text, lit.span.line) : msg('{0}: {1} {2} → {3}', where, name, old, text));
  }

  keyword(call: LayerCall, text: string): void {
    this.pending.set(call, [...(this.pending.get(call) ?? []), text]);
  }

  flushKeywords(): void {
    for (const [call, args] of this.pending) this.c.edits.push(addKeywords(this.c.source, call, args));
    this.pending.clear();
  }

  /** Deletes a layer with its comment lines (a whole `model.add(...)` line or list line, or `Layer(...), ` inline). */
  remove(call: LayerCall): void {
    const { source } = this.c;
    const wholeLine = addForm(source, call) !== null ||
      (startsLine(source, call.span.from) && /^\s*,?[ \t]*(#.*)?$/.test(source.slice(call.span.to, lineEnd(source, call.span.to))));
    if (wholeLine) {
      this.c.edits.push({ from: attachedStart(source, call.span.from), to: nextLine(source, call.span.to), text: '' });
      return;
    }
    const comma = /^\s*,\s*/.exec(source.slice(call.span.to));
    if (!comma) throw new Refused(msg('cannot tell how {0} (line {1}) is written in the model, so HyperLab cannot remove it', call.className, call.span.line));
    this.c.edits.push({ from: call.span.from, to: call.span.to + comma[0].length, text: '' });
  }

  /** Inserts a new layer right before `anchor`, written the way `anchor` is. */
  insertBefore(anchor: LayerCall, text: string): void {
    const { source } = this.c;
    const add = addForm(source, anchor);
    const indent = indentOf(source, anchor.span.from);
    if (add) {
      this.c.edits.push({ from: attachedStart(source, anchor.span.from), to: attachedStart(source, anchor.span.from), text: `${indent}${add.prefix}${text})\n` });
      return;
    }
    const before = previousSignificant(source, anchor.span.from);
    if (before !== ',' && before !== '[') throw new Refused(msg('cannot tell how the layers of {0} are written (near line {1}), so HyperLab cannot add one', this.c.model.graph.name, anchor.span.line));
    const at = startsLine(source, anchor.span.from) ? attachedStart(source, anchor.span.from) : anchor.span.from;
    this.c.edits.push({ from: at, to: at, text: startsLine(source, anchor.span.from) ? `${indent}${text},\n` : `${text}, ` });
  }
}

/** The carried `input_shape=...` of the code's first layer, when another layer becomes the first. */
function inputArgs(source: string, first: LayerCall): { texts: string[]; ranges: { from: number; to: number }[] } {
  const names = INPUT_ARGS.filter((k) => first.kwargs[k] !== undefined);
  const ranges = names.map((k) => {
    const range = keywordRange(source, first, k);
    if (!range) throw new Refused(msg('cannot move {0} of {1} (line {2}) to the new first layer', k, first.className, first.span.line));
    return range;
  });
  return { texts: ranges.map((r) => source.slice(r.from, r.to)), ranges };
}

export function applyLayers(c: LayerContext, target: readonly TargetLayer[]): void {
  const { source, model } = c;
  const { prefix, hidden, output } = modelLayers(model);
  const other = hidden.find((call) => call.className !== 'Dense' && call.className !== 'Dropout');
  if (other) throw new Refused(msg('{0} (line {1}) is a layer the sidebar does not have (it has Dense and Dropout only), so Apply would lose it', other.className, other.span.line));
  const ops = alignLayers(hidden.map((h) => h.className), target.map((t) => t.class_name));
  const structural = ops.some((o) => o.kind !== 'keep');
  if (structural && model.graph.kind === 'functional') {
    throw new Refused(msg('{0} is built with the functional API: HyperLab changes its layers\' values but cannot add or remove layers there (the code has {1} hidden layers, the sidebar {2})', model.graph.name, hidden.length, target.length));
  }
  const writer = new LayerWriter(c);
  const existing = [...prefix, ...hidden, output];
  const survives = (i: number) => ops.some((o) => o.kind === 'keep' && o.code === i);
  const anchorAfter = (index: number) => ops.slice(index).find((o): o is Extract<Op, { kind: 'keep' }> => o.kind === 'keep');

  // The first layer may carry the input's shape: it moves to whatever layer comes first now.
  const first = prefix.length === 0 ? (hidden[0] ?? output) : null;
  const newFirst = ops.find((o) => o.kind !== 'remove');
  const staysFirst = first === output ? newFirst === undefined : newFirst?.kind === 'keep' && newFirst.code === 0;
  const carried = first !== null && !staysFirst ? inputArgs(source, first) : { texts: [], ranges: [] };
  if (carried.texts.length > 0) {
    if (first === output || survives(0)) for (const r of carried.ranges) c.edits.push(removeKeyword(source, r));
    if (!newFirst) writer.keyword(output, carried.texts.join(', '));
    else if (newFirst.kind === 'keep') writer.keyword(hidden[newFirst.code]!, carried.texts.join(', '));
    const to = !newFirst ? msg('the output layer') : msg('hidden layer {0}', newFirst.target + 1);
    c.changes.push(msg('{0} moved to {1}, now the first layer', carried.texts.join(', '), to));
  }

  ops.forEach((op, index) => {
    if (op.kind === 'keep') {
      writer.setValues(hidden[op.code]!, target[op.target]!, msg('hidden layer {0}', op.target + 1));
    } else if (op.kind === 'remove') {
      const call = hidden[op.code]!;
      writer.remove(call);
      c.changes.push(msg('removed {0} (line {1})', shown(source, call.span.from, call.span.to), call.span.line));
    } else {
      const extra = carried.texts.length > 0 && newFirst === op ? carried.texts : [];
      const text = writer.newCall(target[op.target]!, extra, existing);
      const anchor = anchorAfter(index);
      writer.insertBefore(anchor ? hidden[anchor.code]! : output, text);
      c.changes.push(msg('added hidden layer {0}: {1}', op.target + 1, text));
    }
  });
  writer.flushKeywords();
}
