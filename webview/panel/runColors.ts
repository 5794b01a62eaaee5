/**
 * One colour per shown run, the same in every chart and in the comparison table, from the theme's chart
 * colours (`--vscode-charts-*`), so light, dark and high-contrast themes each get their own. A single
 * run keeps two colours, training and validation; with several, the colour names the run and the dash
 * names the split (solid training, dashed validation).
 */
import { chartTheme } from '../common/themeColors';

const VARS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];
const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The colour of the run at position `index` of the shown set. */
export function runColor(index: number): string {
  const base = cssVar(VARS[index % VARS.length]!, FALLBACK[index % FALLBACK.length]!);
  const round = Math.floor(index / VARS.length);
  // Past six runs, the palette repeats mixed with the foreground so the colours stay distinct.
  return round === 0 ? base : `color-mix(in srgb, ${base} ${100 - 30 * Math.min(round, 2)}%, ${chartTheme().foreground})`;
}

export interface SplitColors {
  readonly train: string;
  readonly validation: string;
}

export function splitColors(index: number, runsShown: number): SplitColors {
  if (runsShown <= 1) {
    const t = chartTheme();
    return { train: t.train, validation: t.validation };
  }
  const c = runColor(index);
  return { train: c, validation: c };
}
