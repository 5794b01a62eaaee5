/**
 * A chart.js plugin that draws EarlyStopping on the loss chart: a vertical line at the best epoch and a
 * shaded band over the patience window after it (the epochs EarlyStopping waits for an improvement),
 * ending where training stopped. Drawn under the curves, in theme colours, for the focus run.
 */
import type { Chart, Plugin } from 'chart.js';

export interface EarlyStoppingMarks {
  readonly es: { readonly monitor: string; readonly patience: number; readonly bestEpoch: number | null; readonly stoppedEpoch: number | null };
  readonly lastEpoch: number;
  readonly bestLabel: string;
  readonly patienceLabel: string;
  readonly color: string;
  readonly band: string;
}

export function earlyStoppingPlugin(marks: () => EarlyStoppingMarks | null): Plugin<'line', unknown> {
  return {
    id: 'hyperlabEarlyStopping',
    beforeDatasetsDraw(chart: Chart) {
      const m = marks();
      if (!m || m.es.bestEpoch === null) return;
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x) return;
      const px = (epoch: number) => x.getPixelForValue(epoch);
      const best = m.es.bestEpoch;
      const windowEnd = Math.min(best + m.es.patience, m.es.stoppedEpoch ?? m.lastEpoch, m.lastEpoch);
      ctx.save();
      // Labels go right of the line, or left of it near the chart's right edge.
      const nearRight = px(best) > chartArea.right - 90;
      ctx.textAlign = nearRight ? 'right' : 'left';
      const tx = px(best) + (nearRight ? -4 : 4);
      if (windowEnd > best) {
        ctx.fillStyle = m.band;
        ctx.fillRect(px(best), chartArea.top, px(windowEnd) - px(best), chartArea.bottom - chartArea.top);
        ctx.fillStyle = m.color;
        ctx.fillText(m.patienceLabel, tx, chartArea.bottom - 6);
      }
      ctx.strokeStyle = m.color;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px(best), chartArea.top);
      ctx.lineTo(px(best), chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = m.color;
      ctx.fillText(`${m.bestLabel} ${best}`, tx, chartArea.top + 12);
      ctx.restore();
    },
  };
}
