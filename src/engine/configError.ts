/**
 * The error every engine configuration check throws: it names the key, the value it got and what is
 * allowed ("fit.batch_size: got 0; expected an integer >= 1"), so the CLI, the worker and the editor can
 * show it as is. Not here: bad data (DataError, src/engine/datasets/dataset.ts, built the same way).
 *
 * Translation. The engine never imports 'vscode', yet a Spanish user must read the error in Spanish when
 * a run fails. So `allowed` is a message template (src/shared/message.ts), not a finished string:
 *
 *   throw new ConfigError('samples', value, msg('an integer from {0} to {1} (Playground uses {2})', 10, 2000, 500));
 *
 * - The template is a single-quoted English literal passed straight to `msg(...)`; what varies (names,
 *   numbers, lists) goes in the arguments, never into the literal. An argument can be another message
 *   (`msg('one of {0}', names.join(', '))` inside a larger one) or `quantity(n)` for a count of ours that
 *   the display language should group (1,000 / 1.000); code values (the user's 0.5) stay plain numbers.
 * - A value described in words rather than shown as JSON goes through `describedAs(msg(...))`.
 * - Add the English template and its Spanish to l10n/bundle.l10n.es.json: test/unit/l10n.test.ts finds
 *   every msg(...) literal under src/ and fails until each has a translation.
 * `message` stays English (the CLI prints it, logs keep it); `text` is the same error as a message: the
 * worker posts it (didFailTraining.text) and the host renders it with vscode.l10n.t
 * (src/host/training/trainingRun.ts).
 */
import { echo } from '../shared/echo';
import { type Message, type MessageArg, msg, renderMessage } from '../shared/message';

/** A value named in words ("5 rows") instead of shown as JSON. */
export class DescribedValue {
  constructor(readonly text: Message) {}
}

export function describedAs(text: Message): DescribedValue {
  return new DescribedValue(text);
}

export class ConfigError extends Error {
  /** The error as a translatable message; `message` is its English rendering. */
  readonly text: Message;

  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly allowed: Message,
  ) {
    const text = msg('{0}: got {1}; expected {2}', key, describe(value), allowed);
    super(renderMessage(text));
    this.text = text;
    this.name = 'ConfigError';
  }
}

/** The value as JSON, capped (shared/echo.ts): a 50 MB string in a spec must not become a 50 MB message. */
function describe(value: unknown): MessageArg {
  if (value instanceof DescribedValue) return value.text;
  if (value === undefined) return msg('nothing');
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let s: string;
  try {
    s = JSON.stringify(value) ?? typeof value;
  } catch {
    s = typeof value; // e.g. a cyclic object, or nesting deeper than the stack
  }
  return echo(s);
}

/** Looks `name` up in a registry, or throws a ConfigError listing the known names. */
export function lookup<T>(registry: ReadonlyMap<string, T>, key: string, name: unknown): T {
  const found = typeof name === 'string' ? registry.get(name) : undefined;
  if (found === undefined) throw new ConfigError(key, name, msg('one of {0}', [...registry.keys()].join(', ')));
  return found;
}
