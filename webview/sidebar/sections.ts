/**
 * The sidebar's five collapsible groups, in the lecture's order (architecture, optimization,
 * regularization, initialization) plus Playground's data: each shows the schema's fields of its group
 * that take part in the run (an optimizer's own arguments, early stopping's when it is on, a constant's
 * value when the initializer is 'constant'), with the labels and Keras arguments adapted to the choice.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { FIELDS, GROUP_LABELS, type GroupId, type HyperparamSettings, KERAS_LEARNING_RATES, OPTIMIZER_ARGS, type ScalarKey } from '../../src/shared/hyperparams';
import { activeKeys, datasetsFor, withProblemType } from '../../src/shared/hyperparamSettings';
import { el } from '../common/dom';
import { type FormContext, booleanRow, choiceRow, fill, numberRow, setRow } from './controls';
import { layerList } from './layerList';

/** A field as shown for the current settings: Keras' call names the chosen optimizer or penalty. */
function shownField<K extends ScalarKey>(s: HyperparamSettings, key: K): (typeof FIELDS)[K] {
  const field = FIELDS[key];
  if (key === 'learning_rate') return { ...field, keras: `${s.optimizer}(learning_rate=)`, kerasDefault: KERAS_LEARNING_RATES[s.optimizer] };
  if ((OPTIMIZER_ARGS[s.optimizer] as readonly string[]).includes(key)) return { ...field, keras: `${s.optimizer}(${key}=)` };
  if (key === 'regularization_rate' && s.regularizer !== 'none') return { ...field, keras: `regularizers.${s.regularizer}(${s.regularizer.toLowerCase()}=)` };
  return field;
}

/** Seeds for Regenerate: from the browser's crypto (randomness outside the engine needs no seeded Rng). */
function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000;
}

function scalarRow(ctx: FormContext, key: ScalarKey): HTMLElement {
  const s = ctx.settings;
  const set = (v: unknown): HyperparamSettings => ({ ...ctx.settings, [key]: v });
  const field = shownField(s, key);
  switch (field.kind) {
    case 'number': {
      const row = numberRow(ctx, field, key, s[key] as number, set);
      if (key === 'seed') {
        const regenerate = el('vscode-button', { id: 'regenerate', secondary: true }, ctx.strings.regenerate);
        regenerate.addEventListener('click', () => ctx.commit({ ...ctx.settings, seed: freshSeed() }, true));
        row.querySelector('.hp-control')?.append(regenerate);
      }
      return row;
    }
    case 'boolean':
      return booleanRow(ctx, field, key, s[key] as boolean, set);
    case 'set':
      return setRow(ctx, field, key, s.features, set);
    case 'choice':
      if (key === 'problem_type') return choiceRow(ctx, FIELDS.problem_type, key, s.problem_type, (p) => withProblemType(ctx.settings, p));
      if (key === 'dataset') return choiceRow(ctx, FIELDS.dataset, key, s.dataset, set, datasetsFor(s.problem_type));
      return choiceRow(ctx, field, key, s[key] as string, set);
  }
}

function groupContent(ctx: FormContext, group: GroupId): HTMLElement[] {
  const rows = activeKeys(ctx.settings).filter((k) => FIELDS[k].group === group).map((k) => scalarRow(ctx, k));
  if (group === 'architecture') return [...layerList(ctx), ...rows];
  if (group === 'regularization') {
    const dropouts = ctx.settings.layers.filter((l) => l.type === 'Dropout').length;
    return [el('p', { class: 'hp-hint' }, fill(ctx.strings.dropoutHint, dropouts)), ...rows];
  }
  return rows;
}

/**
 * One collapsible section per group; `open` says which are expanded, `onToggle` reports a change. The
 * header is a real button in a heading (keyboard: Tab, Enter or Space) that says whether it is expanded
 * (aria-expanded) and which region it opens (aria-controls), the disclosure pattern of the ARIA practices.
 */
export function groupSections(ctx: FormContext, open: ReadonlySet<GroupId>, onToggle: (group: GroupId, isOpen: boolean) => void): HTMLElement[] {
  return (Object.keys(GROUP_LABELS) as GroupId[]).map((group) => {
    const isOpen = open.has(group);
    const bodyId = `group-${group}`;
    const header = el('button', { class: 'hp-section-header', id: `${bodyId}-header`, type: 'button', 'aria-expanded': String(isOpen), 'aria-controls': bodyId },
      el('span', { class: 'hp-chevron', 'aria-hidden': 'true' }), ctx.tr(GROUP_LABELS[group]));
    const body = el('div', { class: 'hp-group', id: bodyId, role: 'region', 'aria-labelledby': `${bodyId}-header`, ...(isOpen ? {} : { hidden: true }) }, ...groupContent(ctx, group));
    header.addEventListener('click', () => {
      const now = body.hidden;
      body.hidden = !now;
      header.setAttribute('aria-expanded', String(now));
      onToggle(group, now);
    });
    return el('section', { class: 'hp-section', 'data-group': group }, el('h2', { class: 'hp-section-title' }, header), body);
  });
}
