/**
 * "Apply to code": writes hyperparameter values into a Keras model's source, changing only the values
 * (units, activation, Dropout rate, the optimizer and its arguments, epochs, batch_size), so comments and
 * formatting stay. All or nothing: when any value cannot be mapped onto the source (the layers differ in
 * number or kind, a value comes from a variable, the optimizer module is not reachable), it returns the
 * reason and no edit, never a half-edited model. Pure: source spans in, text edits out.
 */
import type { LayerCall, ModelSummary, PyValue } from './kerasModel';
import { type Message, msg, renderMessage } from './message';

export interface TargetLayer {
  readonly class_name: 'Dense' | 'Dropout';
  readonly units?: number;
  readonly activation?: string;
  readonly rate?: number;
}

export interface TargetValues {
  /** The hidden layers, in order (the model's last Dense, its output, is left alone). */
  readonly layers: readonly TargetLayer[];
  readonly optimizer: { readonly class_name: string; readonly [arg: string]: number | boolean | string };
  readonly epochs: number;
  readonly batch_size: number;
}

export interface TextEdit { readonly from: number; readonly to: number; readonly text: string }
export type ApplyResult = { readonly edits: readonly TextEdit[] } | { readonly error: Message };

class Refused extends Error {
  constructor(readonly text: Message) {
    super(renderMessage(text));
  }
}

const py = (v: number | boolean | string): string => (typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'string' ? JSON.stringify(v) : String(v));

/** Replaces a literal value, or refuses when the value is not written as a literal at a known place. */
function replaceValue(edits: TextEdit[], value: PyValue | undefined, text: string, what: Message): boolean {
  if (value === undefined) return false;
  if (!value.span || !(value.kind === 'number' || value.kind === 'string' || value.kind === 'bool' || value.kind === 'none')) {
    throw new Refused(msg('{0} is not written as a plain value in the code', what));
  }
  edits.push({ from: value.span.from, to: value.span.to, text });
  return true;
}

/** Adds `name=value` as the call's last argument (before its closing parenthesis). */
function addKeyword(edits: TextEdit[], source: string, call: LayerCall, name: string, value: string): void {
  const close = call.span.to - 1;
  if (source[close] !== ')') throw new Refused(msg('cannot find the end of {0}(...) at line {1}', call.className, call.span.line));
  const inside = source.slice(call.span.from, close);
  const empty = /\(\s*$/.test(inside);
  edits.push({ from: close, to: close, text: `${empty ? '' : ', '}${name}=${value}` });
}

function setArgument(edits: TextEdit[], source: string, call: LayerCall, name: string, position: number | null, value: number | boolean | string): void {
  const written = call.kwargs[name] ?? (position !== null ? call.args[position] : undefined);
  if (!replaceValue(edits, written, py(value), msg('{0}\'s {1} (line {2})', call.className, name, call.span.line))) addKeyword(edits, source, call, name, py(value));
}

function applyLayers(edits: TextEdit[], source: string, model: ModelSummary, layers: readonly TargetLayer[]): void {
  const calls = model.graph.nodes.filter((n) => !n.isInput).map((n) => n.call);
  const lastDense = calls.map((c) => c.className).lastIndexOf('Dense');
  const hidden = calls.slice(0, Math.max(0, lastDense));
  if (hidden.some((c) => c.className !== 'Dense' && c.className !== 'Dropout')) throw new Refused(msg('the model has layers other than Dense and Dropout'));
  if (hidden.length !== layers.length || hidden.some((c, i) => c.className !== layers[i]!.class_name)) {
    throw new Refused(msg('the code has {0} but the sidebar has {1}: Apply to code changes values, not layers', hidden.map((c) => c.className).join(', ') || '—', layers.map((l) => l.class_name).join(', ') || '—'));
  }
  hidden.forEach((call, i) => {
    const target = layers[i]!;
    if (target.class_name === 'Dense') {
      if (target.units !== undefined) setArgument(edits, source, call, 'units', 0, target.units);
      if (target.activation !== undefined) setArgument(edits, source, call, 'activation', 1, target.activation);
    } else if (target.rate !== undefined) {
      setArgument(edits, source, call, 'rate', 0, target.rate);
    }
  });
}

/** The optimizer as a call, through the module prefix the file already uses for Keras (keras., tf.keras.). */
function applyOptimizer(edits: TextEdit[], source: string, model: ModelSummary, optimizer: TargetValues['optimizer']): void {
  const compile = model.graph.compile;
  if (!compile) throw new Refused(msg('the model has no compile(...) call'));
  const args = Object.entries(optimizer).filter(([k]) => k !== 'class_name').map(([k, v]) => `${k}=${py(v)}`).join(', ');
  const written = compile.kwargs['optimizer'];
  if (written?.kind === 'call' && written.span) {
    const calleeText = source.slice(written.span.from, written.span.to).split('(')[0]!;
    const prefix = calleeText.includes('.') ? calleeText.slice(0, calleeText.lastIndexOf('.') + 1) : '';
    edits.push({ from: written.span.from, to: written.span.to, text: `${prefix}${optimizer.class_name}(${args})` });
    return;
  }
  const first = model.graph.nodes[0]?.call;
  const calleeText = first ? source.slice(first.calleeSpan.from, first.calleeSpan.to) : '';
  const match = /^(.*\bkeras)\.(layers|models|Sequential|Input)\b/.exec(calleeText) ?? /^(.*\bkeras)\./.exec(source.slice(model.graph.span.from, model.graph.span.to));
  if (!match) throw new Refused(msg('the optimizer is a string and the file reaches Keras only through from-imports; write it as keras.optimizers.X(...) once, then Apply'));
  const call = `${match[1]}.optimizers.${optimizer.class_name}(${args})`;
  if (written) {
    if (!written.span) throw new Refused(msg('the optimizer is not written at a known place in compile(...)'));
    edits.push({ from: written.span.from, to: written.span.to, text: call });
  } else addKeyword(edits, source, compile, 'optimizer', call);
}

export function applyToCode(source: string, model: ModelSummary, target: TargetValues): ApplyResult {
  const edits: TextEdit[] = [];
  try {
    if (model.graph.unknownReason) throw new Refused(model.graph.unknownReason);
    applyLayers(edits, source, model, target.layers);
    applyOptimizer(edits, source, model, target.optimizer);
    const fit = model.graph.fit;
    if (!fit) throw new Refused(msg('the model has no fit(...) call for epochs and batch_size'));
    setArgument(edits, source, fit, 'epochs', null, target.epochs);
    setArgument(edits, source, fit, 'batch_size', null, target.batch_size);
  } catch (e) {
    if (e instanceof Refused) return { error: e.text };
    throw e;
  }
  return { edits: edits.sort((a, b) => a.from - b.from) };
}

/** The source with the edits applied (for tests and previews). */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let out = '', at = 0;
  for (const e of edits) {
    out += source.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + source.slice(at);
}
