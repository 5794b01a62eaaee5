/**
 * The lenses HyperLab puts over Keras code, as plain data (line + title + what it opens): on each model,
 * its parameter total and size as Keras prints them (`407,050 params (1.55 MB)`) and a Summary action;
 * on each layer, its output shape and parameter count (`(None, 512) · 401,920 params`). Unknown values
 * show as `?` with the reason in the tooltip, never a guess. The numbers follow the display language
 * (`407.050 parámetros (1,55 MB)` in Spanish, where 407,050 would read as a decimal). A model Keras 3
 * has not built yet (no input shape) shows the numbers it will have once built, marked as such.
 */
import { formatOutputs, readableMemorySize, totalCount, weightBytes } from '../../keras/kerasFormat';
import { localizeCounts } from '../../keras/hover/hoverMarkdown';
import type { DocumentAnalysis } from '../../keras/kerasModel';
import { type Translate, formatQuantity, renderMessage } from '../../keras/message';

export interface LensData {
  /** 0-based line. */
  readonly line: number;
  readonly title: string;
  readonly tooltip: string;
  /** Index of the model in the analysis, for the Summary action; null for layer lenses. */
  readonly summaryOf: number | null;
  /** 'model' lenses carry the total; 'train' and 'summary' are actions. */
  readonly kind: 'model' | 'train' | 'summary' | 'layer';
}

/** Keras' "1.55 MB" with the display language's decimal separator, the same two decimals. */
function sizeText(bytes: number, t: Translate): string {
  const [number, unit] = readableMemorySize(bytes).split(' ') as [string, string];
  const decimals = number.split('.')[1]?.length ?? 0;
  const shown = new Intl.NumberFormat(t.locale ?? 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(number));
  return `${shown} ${unit}`;
}

export function lensData(analysis: DocumentAnalysis, t: Translate): LensData[] {
  const lenses: LensData[] = [];
  const formatCount = (n: number): string => formatQuantity(n, t.locale, 0);
  analysis.models.forEach((model, index) => {
    const line = model.graph.span.line - 1;
    const total = totalCount(model.totals);
    const unknown = model.graph.unknownReason ?? model.layers.find((l) => l.outcome.unknownReason)?.outcome.unknownReason;
    const reason = unknown ? renderMessage(unknown, t) : '';
    const onceBuilt = model.onceBuilt ? t('Keras 3 builds {0} on its first call (fit, predict or build); until then its summary says "0 (unbuilt)". These are the numbers it will have then.', model.graph.name) : '';
    const known = total === null ? '' : t('{0}: {1} trainable, {2} non-trainable', model.graph.name, formatCount(model.totals!.trainable), formatCount(model.totals!.nonTrainable));
    lenses.push({
      line, kind: 'model', summaryOf: null,
      // Keras' footer order: "407,050 params (1.55 MB)".
      title: total === null ? t('? params') : model.onceBuilt ? t('{0} params once built ({1})', formatCount(total), sizeText(weightBytes(total), t))
        : t('{0} params ({1})', formatCount(total), sizeText(weightBytes(total), t)),
      tooltip: [total === null ? t('Unknown: {0}', reason) : known, onceBuilt].filter((s) => s !== '').join('\n'),
    });
    lenses.push({ line, kind: 'train', summaryOf: index, title: t('▶ Train'), tooltip: t('Train {0} with HyperLab', model.graph.name) });
    lenses.push({ line, kind: 'summary', summaryOf: index, title: t('Summary'), tooltip: t('Show model.summary() for {0}', model.graph.name) });
    for (const layer of model.layers) {
      const { outcome, node } = layer;
      const params = outcome.params === null ? '?' : formatCount(outcome.params.trainable + outcome.params.nonTrainable);
      const tooltip = outcome.unknownReason ? t('Unknown: {0}', renderMessage(outcome.unknownReason, t)) : outcome.formula !== null ? localizeCounts(outcome.formula, t) : `${node.name} (${node.call.className})`;
      lenses.push({
        line: node.call.span.line - 1, kind: 'layer', summaryOf: null,
        title: model.onceBuilt ? t('{0} · {1} params once built', formatOutputs(outcome), params) : t('{0} · {1} params', formatOutputs(outcome), params),
        tooltip: model.onceBuilt ? `${tooltip}\n${onceBuilt}` : tooltip,
      });
    }
  });
  return lenses;
}
