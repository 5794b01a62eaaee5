/**
 * The hover over a layer call (`layers.Dense`): what the layer does in the lecture's words, its arguments
 * (the user's values next to Keras 3's defaults, tagged with the lecture's hyperparameter group), then the
 * learned parameters with their formula and numbers (`784 × 512 + 512 = 401,920`) and the output shape, or
 * exactly why they are unknown. Pure Markdown from the analysis; no 'vscode'.
 */
import { formatOutputs, formatShape } from '../kerasFormat';
import type { LayerSummary, ModelSummary, Shape } from '../kerasModel';
import { declaredInputShape } from '../layers/applyLayer';
import { mainInputs } from '../summarizeModel';
import type { CallArgument } from './callArguments';
import { type Translate, escapeMarkdown, inlineCode, localNumber, localizeCounts, lookupOwn, parametersVsHyperparameters, sections, sourceSentence, table, valueCell, valueText } from './hoverMarkdown';
import { LAYER_DEFAULTS, REQUIRED, argumentGroup, groupLabel, layerKind, layerNotes, layerRoleText } from './layerFacts';
import { type Message, renderMessage } from '../message';

export interface LayerHoverInput {
  readonly model: ModelSummary;
  readonly layer: LayerSummary;
  readonly args: readonly CallArgument[];
  /** The argument under the cursor, highlighted in the table. */
  readonly focus: string | null;
}

export function layerHover(input: LayerHoverInput, t: Translate): string {
  const { model, layer } = input;
  const { node } = layer;
  const role = node.isInput ? 'input' : model.graph.outputs.includes(node.id) ? 'output' : 'hidden';
  const roleName = role === 'input' ? t('input layer') : role === 'output' ? t('output layer') : t('hidden layer');
  const title = `**${escapeMarkdown(node.call.className)}** ${inlineCode(node.name)} · ${roleName}`;
  const about = [title, ...layerRoleText(layerKind(node.call.className), role, t), ...inputNote(layer, t), ...layerNotes(node.call.className, t)].join('\n\n');
  return sections([about, argumentTable(input, t), weightsSection(model, layer, t), parametersVsHyperparameters(t)]);
}

/** A first Sequential layer that declares input_shape= also stands for the input layer. */
function inputNote(layer: LayerSummary, t: Translate): string[] {
  if (layer.node.isInput || layer.node.inputs.length > 0) return [];
  const declared = declaredInputShape(layer.node.call);
  if (!declared) return [];
  return [t('Its input shape {0} declares the input layer, which receives the input data.', inlineCode(formatShape(declared)))];
}

function argumentTable(input: LayerHoverInput, t: Translate): string {
  const className = input.layer.node.call.className;
  const defaults = lookupOwn(LAYER_DEFAULTS, className) ?? {};
  const written = new Set(input.args.map((a) => a.name));
  const rows: string[][] = input.args.map((arg) => {
    const name = arg.name === input.focus ? `**${escapeMarkdown(arg.name)}**` : escapeMarkdown(arg.name);
    const fallback = lookupOwn(defaults, arg.name);
    const same = fallback !== undefined && fallback !== REQUIRED && arg.value.kind !== 'unknown' && valueText(arg.value) === fallback;
    return [name, valueCell(arg.value, t) + (same ? ` (${t('the default')})` : ''), defaultCell(fallback, t), groupLabel(argumentGroup(arg.name, className), t)];
  });
  for (const [name, fallback] of Object.entries(defaults)) {
    if (written.has(name)) continue;
    rows.push([escapeMarkdown(name), '—', defaultCell(fallback, t), groupLabel(argumentGroup(name, className), t)]);
  }
  if (rows.length === 0) return t('No arguments.');
  return table([t('Argument'), t('Your value'), t('Keras default'), t('Hyperparameter')], rows);
}

function defaultCell(fallback: string | undefined, t: Translate): string {
  if (fallback === undefined) return '';
  return fallback === REQUIRED ? t('required') : inlineCode(fallback);
}

function weightsSection(model: ModelSummary, layer: LayerSummary, t: Translate): string {
  const { outcome, node } = layer;
  const lines: string[] = [];
  const p = outcome.params;
  if (p === null) {
    lines.push(`**${t('Parameters')}**: ? — ${t('unknown: {0}', sourceSentence(outcome.unknownReason ? renderMessage(outcome.unknownReason, t) : t('HyperLab cannot know them statically')))}`);
  } else if (p.trainable + p.nonTrainable === 0) {
    lines.push(`**${t('Parameters')}**: 0 — ${t('this layer has no weights to learn.')}`);
  } else {
    // Non-trainable weights (BatchNormalization's moving statistics) change during training too, but the
    // optimizer does not learn them: they are not "learned during training" in the lecture's sense.
    const formula = outcome.formula ? `${inlineCode(localizeCounts(outcome.formula, t))} · ` : '';
    lines.push(p.nonTrainable === 0
      ? `**${t('Parameters')}** (${t('learned during training')}): ${formula}${t('{0} trainable', localNumber(p.trainable, t))}`
      : `**${t('Parameters')}**: ${formula}${t('{0} trainable (learned by the optimizer), {1} non-trainable (updated during training, not by the optimizer)', localNumber(p.trainable, t), localNumber(p.nonTrainable, t))}`);
  }
  if (node.sharedWith !== null) lines.push(t('Shared layer: this call reuses the weights of its first call, so they count once in the model.'));
  if (model.onceBuilt) lines.push(t('Once built: the model has no input shape, so Keras 3 builds it (and creates these weights) on its first call — fit, predict or model.build; until then its summary prints "0 (unbuilt)". The numbers here are the ones it will have then; "?" marks what depends on the data it gets.'));
  lines.push(`**${t('Output shape')}**: ${inlineCode(formatOutputs(outcome))}${shapeNote(outcome.outputShape, outcome.unknownReason, t)}`);
  const input = inputShapeOf(model, layer);
  if (input) lines.push(`${t('Input shape')}: ${inlineCode(formatShape(input))}`);
  return lines.join('\n\n');
}

function shapeNote(shape: Shape | null, reason: Message | null, t: Translate): string {
  if (shape !== null || reason === null) return '';
  return ` — ${t('unknown: {0}', sourceSentence(renderMessage(reason, t)))}`;
}

/** The shape flowing into a layer: its predecessor's output, or what it declares itself (input_shape=). */
export function inputShapeOf(model: ModelSummary, layer: LayerSummary): Shape | null {
  const main = mainInputs(layer.node);
  const first = main[0];
  if (first !== undefined) {
    if (main.length > 1) return null;
    const producer = model.layers.find((l) => l.node.id === first.node)?.outcome;
    return (first.output === 0 ? producer?.outputShape : producer?.outputShapes?.[first.output]) ?? null;
  }
  if (layer.node.isInput) return null;
  return declaredInputShape(layer.node.call) ?? null;
}
