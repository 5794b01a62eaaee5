/**
 * The text of Keras 3's model.summary() for an analysed model (keras/src/utils/summary_utils.py
 * print_summary, without colours): `Model: "name"`, the rich table (Layer (type) / Output Shape /
 * Param #, plus Connected to for non-sequential functional models), then the Total / Trainable /
 * Non-trainable footer with readable_memory_size. Keras makes the table min(88, columns - 4) wide (108 with
 * Connected to), where columns is the terminal width, 80 when there is no terminal — which is why most
 * published summaries are 76 wide. Anything HyperLab cannot know prints as "?".
 */
import type { ModelSummary } from './kerasModel';
import { UNKNOWN_MARK, countWithSize, formatCount, formatOutputs, totalCount } from './kerasFormat';
import { type RichColumn, renderRichTable } from './richTable';
import { type SummaryRow, summaryRows } from './summaryRows';

export interface SummaryTableOptions {
  /** The terminal width Keras would see (shutil.get_terminal_size().columns); unlimited by default. */
  readonly terminalColumns?: number;
  /** Keras' line_length argument: the table width, overriding the default. */
  readonly lineLength?: number;
}

const SEQUENTIAL_POSITIONS = [0.45, 0.8, 1.0];
const FUNCTIONAL_POSITIONS = [0.3, 0.56, 0.74, 1.0];

/** The model name Keras prints: the automatic or name= name when the reader recorded it. */
export function kerasModelName(summary: ModelSummary): string {
  const g = summary.graph as ModelSummary['graph'] & { readonly kerasName?: unknown };
  return typeof g.kerasName === 'string' ? g.kerasName : g.name;
}

function columns(sequentialLike: boolean, lineLength: number): RichColumn[] {
  const positions = sequentialLike ? SEQUENTIAL_POSITIONS : FUNCTIONAL_POSITIONS;
  const headers = sequentialLike ? ['Layer (type)', 'Output Shape', 'Param #'] : ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'];
  let current = 0;
  return positions.map((pos, i) => {
    const width = Math.trunc(pos * lineLength) - current;
    current += width;
    return { header: headers[i]!, width: Math.max(4, width), justify: i === 2 ? 'right' : 'left' };
  });
}

function cells(row: SummaryRow, sequentialLike: boolean, onceBuilt: boolean): string[] {
  const count = row.params === null ? null : row.params.trainable + row.params.nonTrainable;
  // Keras prints "0 (unbuilt)" for a layer of an unbuilt model; HyperLab prints what it will be once built.
  const params = count === null ? UNKNOWN_MARK : onceBuilt && count > 0 ? `${formatCount(count)} (once built)` : formatCount(count);
  const out = [`${row.label} (${row.className})`, formatOutputs(row), params];
  if (!sequentialLike) out.push(row.connectedTo ?? '-');
  return out;
}

export function summaryTable(summary: ModelSummary, options: SummaryTableOptions = {}): string {
  const { sequentialLike, rows } = summaryRows(summary);
  const terminal = options.terminalColumns ?? Number.POSITIVE_INFINITY;
  const lineLength = options.lineLength ?? Math.min(sequentialLike ? 88 : 108, terminal - 4);
  const table = renderRichTable(columns(sequentialLike, lineLength), rows.map((r) => cells(r, sequentialLike, summary.onceBuilt)), lineLength);
  const totals = summary.totals;
  const once = summary.onceBuilt && totals !== null ? ' once built' : '';
  return [
    `Model: "${kerasModelName(summary)}"`,
    ...table,
    ` Total params: ${countWithSize(totalCount(totals))}${once}`,
    ` Trainable params: ${countWithSize(totals ? totals.trainable : null)}${once}`,
    ` Non-trainable params: ${countWithSize(totals ? totals.nonTrainable : null)}${once}`,
  ].join('\n');
}
