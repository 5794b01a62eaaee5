/**
 * The messages of the analysis (diagnostics and layer problems): HyperLab's translatable message type,
 * which lives in src/shared/message.ts so the engine and the worker use the same one. Each is its English
 * text with {0}, {1}... holes plus the values that fill them; the editor renders them with vscode.l10n.t,
 * the CLI and the tests in English. Templates are single-quoted literals passed straight to `msg(...)`:
 * the localization test finds them there and checks that each has its Spanish translation.
 *
 * The analysis' `msg` caps its string arguments (shared/echo.ts): they repeat what the source says (a
 * name, a literal), and a 50 MB string literal must not become a 50 MB diagnostic. The engine's messages
 * cap the user's values where they quote them (ConfigError's value, echoPath for files), so lists of ours
 * stay whole there.
 */
import { echo } from '../shared/echo';
import { type Message, type MessageArg, msg as message } from '../shared/message';

export { type Message, type MessageArg, type Quantity, type Translate, fillPlaceholders, formatQuantity, quantity, renderMessage, said } from '../shared/message';

/** A message of the analysis: its text with string arguments capped at ECHO_LIMIT characters each. */
export function msg(text: string, ...args: MessageArg[]): Message {
  return message(text, ...args.map((a) => (typeof a === 'string' ? echo(a) : a)));
}
