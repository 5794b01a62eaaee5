/**
 * The Markdown pieces HyperLab's hovers are built from, and the one rule they share: text that came from
 * the user's file (layer names, string values, HyperLab's reasons that quote source code) is escaped
 * before it enters Markdown, so a file can never inject links, images or HTML into a hover. Also the
 * translation function type the hover builders take (vscode.l10n.t in the editor, an identity in tests)
 * and the way numbers are printed: argument values as Python's repr (as the user would write them), our
 * own counts and results in the display language (60,000 in English, 60.000 in Spanish).
 * No 'vscode' here, and no hover content.
 */
import type { PyValue } from '../kerasModel';
import { type Translate, formatQuantity, renderMessage } from '../message';

export type { Translate } from '../message';

/** Escapes every character Markdown (and its HTML) could interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** Inline code that holds any text safely: the fence is longer than any run of backticks inside. */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/**
 * A sentence from the analysis (an unknown reason such as "is unpacked from `x_train` when the code runs"):
 * its `quoted` source fragments become inline code, everything else is escaped.
 */
export function sourceSentence(text: string): string {
  return text.split(/(`[^`]*`)/).map((part) => (part.length > 1 && part.startsWith('`') && part.endsWith('`') ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part))).join('');
}

/** A table cell: pipes would end the cell even inside code, so they are escaped there too. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table; cells are already Markdown (escaped by the caller). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `| ${headers.map(cell).join(' | ')} |`;
  const rule = `|${headers.map(() => '---').join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** A fenced block for formulas (plain text, so nothing in it is interpreted). */
export function formulaBlock(lines: readonly string[]): string {
  return ['```text', ...lines.map((l) => l.replace(/```/g, "'''")), '```'].join('\n');
}

/** Python's repr of a float or int: 0.001, 1e-07, 0.9, 60000. */
export function pyNumber(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  if (n !== 0 && Math.abs(n) < 1e-4) {
    const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(n);
}

/** Python's repr of a value Keras stores as a float: 0.0, 0.01, 1e-07. */
export function pyFloat(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? `${n}.0` : pyNumber(n);
}

/**
 * A number of ours in a sentence (a count, a share, a result), written the way the display language writes
 * numbers: 60,000 and 468.75 in English, 60.000 and 468,75 in Spanish (`t.locale`). Values the user wrote in
 * code keep Python's spelling (pyNumber).
 */
export function localNumber(n: number, t: Translate, digits = 3): string {
  return formatQuantity(n, t.locale, digits);
}

/** A formula from the analysis (`784 × 512 + 512 = 401,920`) with its grouped counts in the display language. */
export function localizeCounts(text: string, t: Translate): string {
  return text.replace(/\b\d{1,3}(?:,\d{3})+\b/g, (grouped) => localNumber(Number(grouped.replace(/,/g, '')), t));
}

/** A weight shape as a Python tuple: (784, 512), (32,). */
export function tupleText(dims: readonly number[]): string {
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** An argument value as Python would print it (unescaped; wrap it with inlineCode). */
export function valueText(value: PyValue): string {
  switch (value.kind) {
    case 'number': return pyNumber(value.value);
    case 'string': return `'${value.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'bool': return value.value ? 'True' : 'False';
    case 'none': return 'None';
    case 'tuple': {
      const items = value.items.map(valueText);
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'call': return `${value.callee}(${callArgsText(value)})`;
    case 'unknown': return '?';
  }
}

function callArgsText(value: Extract<PyValue, { kind: 'call' }>): string {
  const parts = [...value.args.map(valueText), ...Object.entries(value.kwargs).map(([k, v]) => `${k}=${valueText(v)}`)];
  const text = parts.join(', ');
  return text.length > 40 ? '…' : text;
}

/** The value as inline code; an unknown value shows '?' with its reason. */
export function valueCell(value: PyValue, t: Translate): string {
  if (value.kind === 'unknown') return `? (${t('unknown: {0}', sourceSentence(renderMessage(value.reason, t)))})`;
  return inlineCode(valueText(value));
}

/** Hover sections are separated by horizontal rules, as VS Code's own hovers do. */
export function sections(parts: readonly (string | null)[]): string {
  return parts.filter((p): p is string => p !== null && p.length > 0).join('\n\n---\n\n');
}

/** The lecture's distinction, shown at the foot of hovers about arguments. */
export function parametersVsHyperparameters(t: Translate): string {
  return `_${t('Parameters: values the model learns during training (weights and biases). Hyperparameters: values set before training (the arguments you write here).')}_`;
}

/** `record[key]` for the record's own keys only (a name such as 'constructor' finds nothing). */
export function lookupOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
