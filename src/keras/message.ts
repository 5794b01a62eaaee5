/**
 * The messages of the analysis (diagnostics and layer problems), kept translatable without 'vscode': each
 * is its English text with {0}, {1}... holes plus the values that fill them, the form vscode.l10n.t takes
 * (the English text is the key of l10n/bundle.l10n.*.json). The editor renders them with vscode.l10n.t,
 * the CLI and the tests in English. A value can itself be a message (a wrapped layer's problem inside
 * Bidirectional's), rendered first.
 *
 * Templates are single-quoted literals passed straight to `msg(...)`: the localization test finds them
 * there and checks that each has its Spanish translation.
 */
import { echo } from '../shared/echo';

export type MessageArg = string | number | Message;

export interface Message {
  readonly text: string;
  readonly args: readonly MessageArg[];
}

/** vscode.l10n.t's shape: the English text is the key; {0}, {1}... are filled with `args`. */
export type Translate = (english: string, ...args: (string | number)[]) => string;

export function msg(text: string, ...args: MessageArg[]): Message {
  return { text, args };
}

/** Fills {0}, {1}... with `args` (what vscode.l10n.t does after looking the text up). */
export function fillPlaceholders(text: string, args: readonly (string | number)[]): string {
  return text.replace(/\{(\d+)\}/g, (hole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : hole));
}

const english: Translate = (text, ...args) => fillPlaceholders(text, args);

/**
 * The message in the language `t` gives (English without one). String arguments are capped (shared/echo.ts):
 * they repeat what the source says (a name, a literal), and a 50 MB string literal must not become a 50 MB
 * diagnostic.
 */
export function renderMessage(m: Message, t: Translate = english): string {
  return t(m.text, ...m.args.map((a) => (typeof a === 'object' ? renderMessage(a, t) : typeof a === 'string' ? echo(a) : a)));
}

/** A message as the `message` (English, for the CLI's JSON contract and logs) and `text` (for the editor) fields. */
export function said(m: Message): { readonly message: string; readonly text: Message } {
  return { message: renderMessage(m), text: m };
}
