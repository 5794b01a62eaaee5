/**
 * HyperLab's translatable messages, kept free of 'vscode' so the engine, the analysis, the worker and the
 * CLI can build them: each is its English text with {0}, {1}... holes plus the values that fill them, the
 * form vscode.l10n.t takes (the English text is the key of l10n/bundle.l10n.*.json). The editor renders
 * them with vscode.l10n.t, the CLI and the tests in English. A value can itself be a message (rendered
 * first) or a quantity, a number of ours written the way the display language writes numbers (60,000 in
 * English, 60.000 in Spanish); a number passed as is stays as the user or Python wrote it (0.5, line 12).
 *
 * Templates are single-quoted literals passed straight to `msg(...)`: the localization test finds them
 * there and checks that each has its Spanish translation. Not here: the translations themselves.
 */

export interface Quantity {
  readonly quantity: number;
  /** Most digits after the decimal separator (default 3). */
  readonly digits?: number;
}

export type MessageArg = string | number | Quantity | Message;

export interface Message {
  readonly text: string;
  readonly args: readonly MessageArg[];
}

/**
 * vscode.l10n.t's shape: the English text is the key; {0}, {1}... are filled with `args`. `locale` is the
 * language the text comes out in (BCP 47, e.g. 'es'), for the numbers of ours; without it, English.
 */
export interface Translate {
  (english: string, ...args: (string | number)[]): string;
  readonly locale?: string;
}

export function msg(text: string, ...args: MessageArg[]): Message {
  return { text, args };
}

/** A number of ours (a count, a share), written with the display language's separators when rendered. */
export function quantity(n: number, digits?: number): Quantity {
  return digits === undefined ? { quantity: n } : { quantity: n, digits };
}

/** `n` as `locale` writes it: 60,000 and 468.75 in English, 60.000 and 468,75 in Spanish (Intl's rules). */
export function formatQuantity(n: number, locale: string | undefined, digits = 3): string {
  if (!Number.isFinite(n)) return String(n);
  try {
    return new Intl.NumberFormat(locale ?? 'en-US', { maximumFractionDigits: digits }).format(n);
  } catch {
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n); // a locale Intl does not know
  }
}

/** Fills {0}, {1}... with `args` (what vscode.l10n.t does after looking the text up). */
export function fillPlaceholders(text: string, args: readonly (string | number)[]): string {
  return text.replace(/\{(\d+)\}/g, (hole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : hole));
}

const english: Translate = (text, ...args) => fillPlaceholders(text, args);

function isQuantity(a: MessageArg): a is Quantity {
  return typeof a === 'object' && 'quantity' in a;
}

/** The message in the language `t` gives (English without one). */
export function renderMessage(m: Message, t: Translate = english): string {
  return t(m.text, ...m.args.map((a) => (typeof a !== 'object' ? a : isQuantity(a) ? formatQuantity(a.quantity, t.locale, a.digits) : renderMessage(a, t))));
}

/** A message as the `message` (English, for the CLI's JSON contract and logs) and `text` (for the editor) fields. */
export function said(m: Message): { readonly message: string; readonly text: Message } {
  return { message: renderMessage(m), text: m };
}

/** Checks a message that crossed a boundary (the worker's postMessage) before the host renders it. */
export function isMessage(raw: unknown, depth = 0): raw is Message {
  if (depth > 8 || typeof raw !== 'object' || raw === null) return false;
  const m = raw as { text?: unknown; args?: unknown };
  return typeof m.text === 'string' && Array.isArray(m.args) && m.args.every((a: unknown) => isMessageArg(a, depth));
}

function isMessageArg(a: unknown, depth: number): boolean {
  if (typeof a === 'string') return true;
  if (typeof a === 'number') return true;
  if (typeof a !== 'object' || a === null) return false;
  const q = a as { quantity?: unknown; digits?: unknown };
  if ('quantity' in q) return typeof q.quantity === 'number' && (q.digits === undefined || (Number.isInteger(q.digits) && (q.digits as number) >= 0 && (q.digits as number) <= 20));
  return isMessage(a, depth + 1);
}
