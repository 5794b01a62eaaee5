/**
 * The architecture's hidden layers as Playground shows them, from input to output: the input line (one
 * input per feature), each hidden layer with its type and, for Dense, neurons and activation, for
 * Dropout, its rate; Add layer (up to Playground's six) and Remove; and the output layer that the
 * problem type fixes. Changes are applied to the settings current at the time of the event.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { type HyperparamSettings, LAYERS_FIELD, LAYER_FIELDS, type LayerSettings, MAX_HIDDEN_LAYERS, PROBLEM_OF_DATASET } from '../../src/shared/hyperparams';
import { OUTPUT_OF_PROBLEM, newLayer } from '../../src/shared/hyperparamSettings';
import { el } from '../common/dom';
import { type FormContext, choiceRow, fill, numberRow } from './controls';

function withLayer(s: HyperparamSettings, index: number, patch: Partial<LayerSettings>): HyperparamSettings {
  return { ...s, layers: s.layers.map((layer, i) => (i === index ? { ...layer, ...patch } : layer)) };
}

function layerBox(ctx: FormContext, layer: LayerSettings, i: number): HTMLElement {
  const patch = (p: Partial<LayerSettings>): HyperparamSettings => withLayer(ctx.settings, i, p);
  const where = fill(ctx.strings.layerN, i + 1);
  // Each Remove says which layer it removes ("Remove hidden layer 2"), for a screen reader's list of buttons.
  const remove = el('vscode-button', { id: `remove-layer-${i}`, secondary: true, class: 'hp-remove', 'aria-label': fill(ctx.strings.removeLayerN, i + 1) }, ctx.strings.removeLayer);
  remove.addEventListener('click', () => ctx.commit({ ...ctx.settings, layers: ctx.settings.layers.filter((_l, j) => j !== i) }, true));
  const details = layer.type === 'Dense'
    ? [
      numberRow(ctx, LAYER_FIELDS.units, `units-${i}`, layer.units, (units) => patch({ units }), undefined, where),
      choiceRow(ctx, LAYER_FIELDS.activation, `activation-${i}`, layer.activation, (activation) => patch({ activation }), undefined, where),
    ]
    : [numberRow(ctx, LAYER_FIELDS.rate, `rate-${i}`, layer.rate, (rate) => patch({ rate }), undefined, where)];
  return el('div', { class: 'hp-layer', 'data-layer': String(i), role: 'group', 'aria-label': where },
    el('div', { class: 'hp-layer-head' }, el('span', { class: 'hp-layer-title' }, where), remove),
    choiceRow(ctx, LAYER_FIELDS.type, `type-${i}`, layer.type, (type) => patch({ type }), undefined, where),
    ...details);
}

export function layerList(ctx: FormContext): HTMLElement[] {
  const s = ctx.settings;
  const output = OUTPUT_OF_PROBLEM[PROBLEM_OF_DATASET[s.dataset]];
  const add = el('vscode-button', { id: 'add-layer', secondary: true, ...(s.layers.length >= MAX_HIDDEN_LAYERS ? { disabled: true } : {}) }, ctx.strings.addLayer);
  add.addEventListener('click', () => {
    const now = ctx.settings;
    if (now.layers.length >= MAX_HIDDEN_LAYERS) return;
    const lastDense = [...now.layers].reverse().find((l) => l.type === 'Dense');
    ctx.commit({ ...now, layers: [...now.layers, newLayer(lastDense)] }, true);
  });
  return [
    el('div', { class: 'hp-row', title: ctx.tr(LAYERS_FIELD.tooltip) },
      el('span', { class: 'hp-label' }, ctx.tr(LAYERS_FIELD.label)),
      el('div', { class: 'hp-keras' }, el('code', {}, LAYERS_FIELD.keras), ` · ${ctx.strings.kerasDefault}: ${ctx.strings.noDefault}`)),
    el('div', { class: 'hp-io', id: 'input-layer' }, fill(ctx.strings.inputLayer, s.features.length)),
    ...s.layers.map((layer, i) => layerBox(ctx, layer, i)),
    el('div', { class: 'hp-add' }, add, el('span', { class: 'hp-hint' }, `${s.layers.length} / ${MAX_HIDDEN_LAYERS}`)),
    el('div', { class: 'hp-io', id: 'output-layer' }, fill(ctx.strings.outputLayer, output.activation, output.loss)),
  ];
}
