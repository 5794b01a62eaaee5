/**
 * Apply to Code's compile(optimizer=...) and fit(epochs=, batch_size=): the sidebar's values written where
 * they differ from what the code says or, where it says nothing, from Keras' default. The same optimizer
 * keeps its call and gets only the arguments that change; another optimizer replaces it, written as a
 * string ("adam") when it only needs Keras' defaults and the code used a string, else as a call spelled
 * the way the file reaches Keras (kerasSpelling.ts). Keras 3's signatures and defaults:
 * keras/src/optimizers/{sgd,rmsprop,adam,adamw,adagrad,nadam}.py, keras/src/trainers/trainer.py
 * (compile(optimizer="rmsprop", loss=...), fit(x, y, batch_size=None → 32, epochs=1)).
 */
import { FIELDS, KERAS_LEARNING_RATES, OPTIMIZERS, type OptimizerName } from '../../shared/hyperparams';
import type { LayerCall, PyValue } from '../kerasModel';
import { type Message, msg } from '../message';
import type { KerasSpelling } from './kerasSpelling';
import { Refused, type TextEdit, addKeywords, literal, py, shown } from './sourceEdits';

/** Keras 3's positional parameters of each optimizer, in order. */
export const OPTIMIZER_SIGNATURES: { readonly [O in OptimizerName]: readonly string[] } = {
  SGD: ['learning_rate', 'momentum', 'nesterov'],
  RMSprop: ['learning_rate', 'rho', 'momentum', 'epsilon', 'centered'],
  Adam: ['learning_rate', 'beta_1', 'beta_2', 'epsilon', 'amsgrad'],
  AdamW: ['learning_rate', 'weight_decay', 'beta_1', 'beta_2', 'epsilon', 'amsgrad'],
  Adagrad: ['learning_rate', 'initial_accumulator_value', 'epsilon'],
  Nadam: ['learning_rate', 'beta_1', 'beta_2', 'epsilon'],
};

export interface TargetOptimizer { readonly class_name: string; readonly [arg: string]: number | boolean | string }

export interface OptimizerContext {
  readonly source: string;
  readonly name: string;
  readonly spelling: KerasSpelling;
  readonly quote: string;
  readonly edits: TextEdit[];
  readonly changes: Message[];
}

function kerasDefault(optimizer: OptimizerName, arg: string): number | boolean | string | null {
  if (arg === 'learning_rate') return KERAS_LEARNING_RATES[optimizer];
  return (FIELDS as unknown as Record<string, { kerasDefault: number | boolean | string | null }>)[arg]?.kerasDefault ?? null;
}

const optimizerNamed = (name: string): OptimizerName | null => OPTIMIZERS.find((o) => o.toLowerCase() === name.toLowerCase()) ?? null;

/** What the code's compile(...) says about the optimizer. */
function codeOptimizer(compile: LayerCall): { written: PyValue | undefined; name: OptimizerName | null; args: Map<string, PyValue> } {
  const written = compile.kwargs['optimizer'] ?? compile.args[0];
  if (written === undefined) return { written, name: 'RMSprop', args: new Map() };
  if (written.kind === 'string') return { written, name: optimizerNamed(written.value), args: new Map() };
  if (written.kind === 'call') {
    const name = optimizerNamed(written.callee.split('.').at(-1)!);
    const args = new Map<string, PyValue>();
    if (name) written.args.forEach((a, i) => { const p = OPTIMIZER_SIGNATURES[name][i]; if (p) args.set(p, a); });
    for (const [k, v] of Object.entries(written.kwargs)) args.set(k, v);
    return { written, name, args };
  }
  throw new Refused(msg('compile(...) (line {0}) takes its optimizer from a variable or an expression HyperLab cannot change: write it as a string or a call such as keras.optimizers.SGD(...), then Apply again', compile.span.line));
}

export function applyOptimizer(c: OptimizerContext, compile: LayerCall | null, target: TargetOptimizer): void {
  if (!compile) throw new Refused(msg('{0} has no compile(...) call for the optimizer: add model.compile(optimizer=..., loss=...) and Apply again', c.name));
  const targetName = optimizerNamed(target.class_name);
  if (!targetName) throw new Refused(msg('unknown optimizer {0}', target.class_name));
  const code = codeOptimizer(compile);
  const wanted = Object.entries(target).filter(([k]) => k !== 'class_name');
  const edits: TextEdit[] = [], additions: string[] = [], changes: Message[] = [];
  if (code.name === targetName) {
    for (const [arg, value] of wanted) {
      const written = code.args.get(arg);
      const text = py(value, c.quote);
      if (written === undefined) {
        const byDefault = kerasDefault(targetName, arg);
        if (value === byDefault) continue;
        additions.push(`${arg}=${text}`);
        changes.push(msg('{0}: {1} {2} → {3}', 'optimizer', arg, msg('{0} (Keras\' default)', byDefault === null ? '—' : py(byDefault)), text));
        continue;
      }
      const lit = literal(written);
      if (!lit || !('value' in lit)) throw new Refused(msg('the optimizer (line {0}) takes its {1} from a variable or an expression HyperLab cannot change: write the value itself, then Apply again', compile.span.line, arg));
      if (lit.value === value) continue;
      edits.push({ from: lit.span.from, to: lit.span.to, text });
      changes.push(msg('{0}: {1} {2} → {3}', 'optimizer', arg, c.source.slice(lit.span.from, lit.span.to), text));
    }
    if (additions.length === 0 && edits.length === 0) return;
    if (code.written?.kind === 'call') {
      if (additions.length > 0) edits.push(addKeywords(c.source, { ...compile, className: code.written.callee, span: code.written.span }, additions));
      c.edits.push(...edits);
      c.changes.push(...changes);
      return;
    }
  }
  // Another optimizer, or a string or nothing that now needs arguments: write it anew.
  const args = wanted.filter(([arg, value]) => value !== kerasDefault(targetName, arg)).map(([arg, value]) => `${arg}=${py(value, c.quote)}`);
  const asString = args.length === 0 && code.written?.kind !== 'call';
  const text = asString ? py(targetName.toLowerCase(), c.quote) : `${calleeFor(c, code.written, targetName)}(${args.join(', ')})`;
  if (code.written === undefined) {
    c.edits.push(addKeywords(c.source, compile, [`optimizer=${text}`]));
    c.changes.push(msg('{0}: {1} → {2}', 'optimizer', msg('{0} (Keras\' default)', '"rmsprop"'), text));
    return;
  }
  if (!code.written.span) throw new Refused(msg('compile(...) (line {0}) takes its optimizer from a variable or an expression HyperLab cannot change: write it as a string or a call such as keras.optimizers.SGD(...), then Apply again', compile.span.line));
  c.edits.push({ from: code.written.span.from, to: code.written.span.to, text });
  c.changes.push(msg('{0}: {1} → {2}', 'optimizer', shown(c.source, code.written.span.from, code.written.span.to), text));
}

/** The callee for a new optimizer call: the module prefix of the code's optimizer call when it has one, else the file's spelling. */
function calleeFor(c: OptimizerContext, written: PyValue | undefined, name: OptimizerName): string {
  if (written?.kind === 'call') {
    const callee = c.source.slice(written.span.from, written.span.to).split('(')[0]!.trim();
    if (callee.includes('.')) return `${callee.slice(0, callee.lastIndexOf('.') + 1)}${name}`;
  }
  return c.spelling.spell('optimizers', name);
}

/** fit(x, y, batch_size, epochs): each value written where it differs from the code's (or from Keras' default when not written). */
export function applyFit(c: OptimizerContext, fit: LayerCall | null, epochs: number, batchSize: number): void {
  if (!fit) throw new Refused(msg('{0} has no fit(...) call for the epochs and batch size: add model.fit(x, y, epochs=..., batch_size=...) and Apply again', c.name));
  const additions: string[] = [];
  for (const [arg, position, value, kerasDefaultValue] of [['epochs', 3, epochs, 1], ['batch_size', 2, batchSize, 32]] as const) {
    const written = fit.kwargs[arg] ?? fit.args[position];
    if (written === undefined || written.kind === 'none') {
      if (value === kerasDefaultValue) continue;
      const none = literal(written);
      if (none) c.edits.push({ from: none.span.from, to: none.span.to, text: String(value) });
      else additions.push(`${arg}=${value}`);
      c.changes.push(msg('{0}: {1} {2} → {3}', 'fit', arg, msg('{0} (Keras\' default)', kerasDefaultValue), value));
      continue;
    }
    const lit = literal(written);
    if (!lit || lit.kind !== 'number') throw new Refused(msg('fit(...) (line {0}) takes its {1} from a variable or an expression HyperLab cannot change: write the number itself, then Apply again', fit.span.line, arg));
    if (lit.value === value) continue;
    c.edits.push({ from: lit.span.from, to: lit.span.to, text: String(value) });
    c.changes.push(msg('{0}: {1} {2} → {3}', 'fit', arg, lit.value, value));
  }
  if (additions.length > 0) c.edits.push(addKeywords(c.source, fit, additions));
}
