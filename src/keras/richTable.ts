/**
 * A plain-text table drawn the way the `rich` library draws Keras' summary (rich.table.Table with
 * box.HEAVY_HEAD, show_lines=True, padding (0, 1), fixed column widths and a table width): the column
 * widths are shrunk to fit with rich's ratio_reduce, cells are word-wrapped with rich's divide_line (a
 * word longer than the column is cut with an ellipsis, the default overflow), and every row is separated
 * by a line. Our own port of the behaviour, checked against printed Keras summaries.
 */

export type Justify = 'left' | 'right';

export interface RichColumn {
  readonly header: string;
  readonly width: number;
  readonly justify: Justify;
}

/** Python's round(): ties to even. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** rich._ratio.ratio_reduce: take `total` away from `values`, spread by `ratios`, at most `maximums`. */
function ratioReduce(total: number, ratios: readonly number[], maximums: readonly number[], values: readonly number[]): number[] {
  const rs = ratios.map((r, i) => (maximums[i] ? r : 0));
  let totalRatio = rs.reduce((a, b) => a + b, 0);
  if (!totalRatio) return [...values];
  let remaining = total;
  return values.map((value, i) => {
    const r = rs[i]!;
    if (!r || totalRatio <= 0) return value;
    const distributed = Math.min(maximums[i]!, pyRound((r * remaining) / totalRatio));
    remaining -= distributed;
    totalRatio -= r;
    return value - distributed;
  });
}

/** rich's ratio_distribute: hand out `total` in proportion to `ratios` (rounding up). */
function ratioDistribute(total: number, ratios: readonly number[]): number[] {
  let totalRatio = ratios.reduce((a, b) => a + b, 0);
  let remaining = total;
  return ratios.map((r) => {
    const d = totalRatio > 0 ? Math.max(0, Math.ceil((r * remaining) / totalRatio)) : remaining;
    totalRatio -= r;
    remaining -= d;
    return d;
  });
}

/** Cell widths including padding (not borders) for a table `tableWidth` wide. */
export function columnWidths(columns: readonly RichColumn[], tableWidth: number): number[] {
  const maxWidth = tableWidth - (columns.length + 1);
  let widths = columns.map((c) => c.width + 2);
  const sum = () => widths.reduce((a, b) => a + b, 0);
  if (sum() > maxWidth) widths = ratioReduce(sum() - maxWidth, widths.map(() => 1), widths, widths);
  if (sum() < maxWidth) {
    const pads = ratioDistribute(maxWidth - sum(), widths);
    widths = widths.map((w, i) => w + pads[i]!);
  }
  return widths.map((w) => Math.max(0, w));
}

/** rich._wrap.divide_line without folding, then rich's ellipsis truncation, for one paragraph. */
export function wrapCell(text: string, width: number): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? [''];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const length = word.trimEnd().length;
    if (width - current.length >= length) current += word;
    else if (current.length > 0) { lines.push(current); current = word; }
    else current = word;
  }
  lines.push(current);
  return lines.map((l) => {
    const s = l.trimEnd();
    return s.length > width ? `${s.slice(0, Math.max(0, width - 1))}…` : s;
  });
}

function justify(text: string, width: number, how: Justify): string {
  const pad = ' '.repeat(Math.max(0, width - text.length));
  return how === 'right' ? pad + text : text + pad;
}

function rule(widths: readonly number[], left: string, fill: string, mid: string, right: string): string {
  return left + widths.map((w) => fill.repeat(w)).join(mid) + right;
}

function renderRow(cells: readonly string[], columns: readonly RichColumn[], widths: readonly number[], edge: string): string[] {
  const wrapped = cells.map((c, i) => wrapCell(c, widths[i]! - 2));
  const height = Math.max(...wrapped.map((w) => w.length));
  const out: string[] = [];
  for (let line = 0; line < height; line++) {
    const parts = wrapped.map((w, i) => ` ${justify(w[line] ?? '', widths[i]! - 2, columns[i]!.justify)} `);
    out.push(edge + parts.join(edge) + edge);
  }
  return out;
}

export function renderRichTable(columns: readonly RichColumn[], rows: readonly (readonly string[])[], tableWidth: number): string[] {
  const widths = columnWidths(columns, tableWidth);
  const out = [rule(widths, '┏', '━', '┳', '┓')];
  out.push(...renderRow(columns.map((c) => c.header), columns, widths, '┃'));
  out.push(rule(widths, '┡', '━', '╇', '┩'));
  rows.forEach((row, i) => {
    if (i > 0) out.push(rule(widths, '├', '─', '┼', '┤'));
    out.push(...renderRow(row, columns, widths, '│'));
  });
  out.push(rule(widths, '└', '─', '┴', '┘'));
  return out;
}
