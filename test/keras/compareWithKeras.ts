/**
 * Compares what HyperLab's analysis says about the model bound to `model` with what Keras 3 built for the
 * same program (kerasOracle.ts): the same layers with the same automatic names, and for each its output
 * shape(s) and trainable / non-trainable parameters, then the totals. An unknown (null) on HyperLab's side is
 * a difference too unless `allowUnknown` says it may not know: the programs of this tier are ones it models.
 * Returns the differences as text, empty when there are none. Test-only.
 */
import type { DocumentAnalysis, Shape } from '../../src/keras/kerasModel';
import { summaryRows } from '../../src/keras/summaryRows';
import { kerasModelName } from '../../src/keras/summaryTable';
import type { KerasModel } from './kerasOracle';

/** A shape as JSON, an unknown size as '?'. */
function shapeJson(shape: Shape | null): unknown {
  return shape === null ? null : shape.map((d) => (typeof d === 'object' && d !== null ? '?' : d));
}

export function differences(analysis: DocumentAnalysis, keras: KerasModel, allowUnknown = false): string[] {
  const m = analysis.models.find((x) => x.graph.variable === 'model');
  if (!m) return [`HyperLab finds no model bound to \`model\` (it finds ${analysis.models.map((x) => x.graph.name).join(', ') || 'none'})`];
  const out: string[] = [];
  if (kerasModelName(m) !== keras.name) out.push(`model name: HyperLab ${kerasModelName(m)}, Keras ${keras.name}`);
  const rows = summaryRows(m).rows;
  const names = rows.map((r) => r.label);
  const kerasNames = keras.layers.map((l) => l.name);
  if (JSON.stringify(names) !== JSON.stringify(kerasNames)) out.push(`layers: HyperLab ${names.join(', ')}; Keras ${kerasNames.join(', ')}`);
  for (const k of keras.layers) {
    const row = rows.find((r) => r.label === k.name);
    if (!row) continue;
    const shape = row.outputShapes ? row.outputShapes.map(shapeJson) : shapeJson(row.outputShape);
    if (k.output !== null && JSON.stringify(shape) !== JSON.stringify(k.output) && !(allowUnknown && shape === null)) {
      out.push(`${k.name} (${k.class}) output: HyperLab ${JSON.stringify(shape)}, Keras ${JSON.stringify(k.output)}`);
    }
    const params = row.params;
    const want = { trainable: k.trainable, nonTrainable: k.non_trainable };
    if (params === null ? !allowUnknown : params.trainable !== want.trainable || params.nonTrainable !== want.nonTrainable) {
      out.push(`${k.name} (${k.class}) params: HyperLab ${JSON.stringify(params)}, Keras ${JSON.stringify(want)}`);
    }
  }
  const totals = m.totals;
  if (totals === null ? !allowUnknown : totals.trainable !== keras.trainable || totals.nonTrainable !== keras.non_trainable) {
    out.push(`totals: HyperLab ${JSON.stringify(totals)}, Keras ${JSON.stringify({ trainable: keras.trainable, nonTrainable: keras.non_trainable })}`);
  }
  return out;
}
