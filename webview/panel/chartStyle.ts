/**
 * What every chart of the panel shares: theme colours on every part (ticks, titles, grid, legend), grids
 * on both axes, the display language's number format on the axes, and legend swatches drawn like their
 * series (a dashed series gets a dashed swatch, long enough to show the dash). Called when a chart is
 * built and again on a theme switch, so a live theme change redraws every chart in the new colours.
 */
import { Chart, type LegendItem } from 'chart.js';
import { chartTheme } from '../common/themeColors';
import { currentLocale } from '../common/format';

/**
 * Legend labels: a line swatch as long as a few dashes, dashed when the series is (chart.js takes a
 * point-style swatch's dash from the point's style, which has none: the dataset's is put back).
 */
export const LEGEND_LABELS = {
  usePointStyle: true, pointStyle: 'line', pointStyleWidth: 28, boxWidth: 28,
  generateLabels: (chart: Chart): LegendItem[] => Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
    const dash = (chart.data.datasets[item.datasetIndex ?? -1] as { borderDash?: number[] } | undefined)?.borderDash;
    return { ...item, lineDash: dash ?? [] };
  }),
} as const;

export function styleChart(chart: Chart<'line', unknown[]>): void {
  const theme = chartTheme();
  const o = chart.options;
  o.locale = currentLocale();
  o.color = theme.foreground;
  if (o.font) o.font.family = theme.fontFamily;
  for (const axis of Object.values(o.scales ?? {})) {
    if (!axis) continue;
    if (axis.grid) {
      axis.grid.display = true;
      axis.grid.color = theme.grid;
    }
    if (axis.ticks) axis.ticks.color = theme.foreground;
    if (axis.border) axis.border.color = theme.grid;
    const title = (axis as { title?: { color?: string } }).title;
    if (title) title.color = theme.foreground;
  }
  const legend = o.plugins?.legend;
  if (legend?.labels) legend.labels.color = theme.foreground;
  const tooltip = o.plugins?.tooltip;
  if (tooltip) {
    tooltip.backgroundColor = theme.tooltipBackground;
    tooltip.titleColor = theme.tooltipForeground;
    tooltip.bodyColor = theme.tooltipForeground;
    tooltip.borderColor = theme.grid;
    tooltip.borderWidth = 1;
  }
}

/** A legend entry that names no one dataset (a run's colour, a split's dash). */
export function legendEntry(text: string, color: string, dash: number[], fontColor: string): LegendItem {
  return { text, fillStyle: color, strokeStyle: color, fontColor, lineWidth: 2, lineDash: dash, hidden: false, pointStyle: 'line' };
}

/** Legend options for a chart whose entries may be replaced (several runs): `entries()` null keeps one per dataset. */
export function compactLegend(entries: () => LegendItem[] | null) {
  return {
    labels: {
      ...LEGEND_LABELS,
      generateLabels: (chart: Chart) => entries() ?? LEGEND_LABELS.generateLabels(chart),
      filter: (item: LegendItem, data: { datasets: { data: unknown[]; hideInLegend?: boolean }[] }) =>
        item.datasetIndex === undefined || ((data.datasets[item.datasetIndex]?.data.length ?? 0) > 0 && !data.datasets[item.datasetIndex]?.hideInLegend),
    },
    // An entry that stands for several datasets toggles none (the comparison table shows and hides runs).
    onClick(this: unknown, e: unknown, item: LegendItem, legend: unknown): void {
      if (item.datasetIndex !== undefined) (Chart.defaults.plugins.legend.onClick as (this: unknown, ...a: unknown[]) => void).call(legend, e, item, legend);
    },
  };
}
