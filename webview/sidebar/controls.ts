/**
 * One labelled control per schema field, built from the field's description (src/shared/hyperparams.ts):
 * a text field for numbers (checked on every keystroke against the field's range; a value outside it is
 * refused at the control with the allowed range, and never committed), a select for options, a checkbox
 * for booleans, a row of checkboxes for the feature set. Each row carries the field's tooltip, its Keras
 * argument and Keras' default. Text goes in as text only (dom.ts), never as markup.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { BooleanField, ChoiceField, Field, HyperparamSettings, NumberField, SetField } from '../../src/shared/hyperparams';
import { allowedRange, isInRange } from '../../src/shared/hyperparamSettings';
import type { SidebarStrings } from '../../src/shared/protocol/webviewProtocol';
import { el } from '../common/dom';
import { fillTemplate } from '../common/format';

/** What every control needs: the texts, the current settings and the way to change them. */
export interface FormContext {
  readonly strings: SidebarStrings;
  /** The display language's version of a schema text. */
  tr(text: string): string;
  readonly settings: HyperparamSettings;
  /** Takes new settings; `rebuild` when controls appear, disappear or change their options. */
  commit(next: HyperparamSettings, rebuild: boolean): void;
  /** A control's text is not an allowed value (`problem`: what it shows the user), or is again (null): Train waits for it. */
  invalid(id: string, problem: string | null): void;
}

/** Fills {0}, {1}, ... in a localized template; numbers in the display language (25 iteraciones, 60.000 muestras). */
export function fill(template: string, ...args: (string | number)[]): string {
  return fillTemplate(template, ...args);
}

export function allowedMessage(ctx: FormContext, field: NumberField): string {
  return fill(field.integer ? ctx.strings.allowedWhole : ctx.strings.allowed, allowedRange(field));
}

const show = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * A labelled row: the label (with the tooltip), a help button that shows the tooltip's text in the row
 * (the keyboard's way to it, named "Help for <field>", saying whether it is expanded), the control, the
 * Keras argument and default, and an error line. No aria-describedby on the control: vscode-elements
 * forwards only aria-label to the input inside its shadow root, so it would describe nothing.
 */
export function fieldRow(ctx: FormContext, field: Field, id: string, control: HTMLElement, error: HTMLElement, kerasDefault = field.kerasDefault, labelled = true, where?: string): HTMLElement {
  const tooltip = ctx.tr(field.tooltip);
  const label = ctx.tr(field.label);
  const name = where ? `${label} (${where})` : label;
  // Playground's data settings are no Keras arguments: they have no Keras default to show.
  const keras = field.group === 'data' ? '' : ` · ${ctx.strings.kerasDefault}: ${kerasDefault === null ? ctx.strings.noDefault : show(kerasDefault)}`;
  const helpId = `${id}-help`;
  const help = el('p', { class: 'hp-help-text', id: helpId, hidden: true }, tooltip);
  const helpButton = el('button', { class: 'hp-help', type: 'button', 'aria-expanded': 'false', 'aria-controls': helpId, 'aria-label': fill(ctx.strings.helpFor, name), title: tooltip }, '?');
  helpButton.addEventListener('click', () => {
    help.hidden = !help.hidden;
    helpButton.setAttribute('aria-expanded', String(!help.hidden));
  });
  // A checkbox carries its own label: its help button sits beside it.
  const head = labelled ? [el('div', { class: 'hp-label-row' }, el('label', { class: 'hp-label', for: id }, label), helpButton), help, control] : [el('div', { class: 'hp-label-row' }, control, helpButton), help];
  return el('div', { class: 'hp-row', 'data-key': id, title: tooltip },
    ...head,
    el('div', { class: 'hp-keras' }, el('code', {}, field.keras), keras),
    error);
}

const errorLine = (): HTMLElement => el('div', { class: 'hp-error', role: 'alert', hidden: true });

function setError(error: HTMLElement, message: string | null): void {
  error.textContent = message ?? '';
  error.hidden = message === null;
}

/**
 * A number field; `apply` puts an accepted value into the settings. A refused value is never committed:
 * the field reports itself invalid (named with `where`, e.g. its hidden layer) until it holds one again.
 */
export function numberRow(ctx: FormContext, field: NumberField, id: string, value: number, apply: (v: number) => HyperparamSettings, kerasDefault?: number | null, where?: string): HTMLElement {
  const error = errorLine();
  const input = el('vscode-textfield', { id });
  // The `label` property (not an attribute) is the inner input's aria-label: a <label for> cannot reach into the shadow DOM.
  input.label = where ? `${ctx.tr(field.label)} (${where})` : ctx.tr(field.label);
  input.value = String(value);
  const controls = el('div', { class: 'hp-control' }, input);
  let presets: HTMLElementTagNameMap['vscode-single-select'] | null = null;
  const syncPreset = (v: number): void => {
    if (presets) presets.value = field.presets?.includes(v) ? String(v) : '';
  };
  input.addEventListener('input', () => {
    const text = input.value.trim();
    const v = Number(text);
    const message = text === '' || !Number.isFinite(v) ? ctx.strings.notANumber : isInRange(field, v) ? null : allowedMessage(ctx, field);
    input.invalid = message !== null;
    setError(error, message);
    ctx.invalid(id, message === null ? null : `${ctx.tr(field.label)}${where ? ` (${where})` : ''}: ${message}`);
    if (message === null) {
      syncPreset(v);
      ctx.commit(apply(v), false);
    }
  });
  if (field.presets) {
    presets = choiceSelect(`${id}-presets`, ['', ...field.presets.map(String)], (o) => (o === '' ? ctx.strings.otherValue : o), '', (picked) => {
      if (picked === '') return;
      input.value = picked;
      input.invalid = false;
      setError(error, null);
      ctx.invalid(id, null);
      ctx.commit(apply(Number(picked)), false);
    }, fill(ctx.strings.presetsFor, ctx.tr(field.label)));
    presets.setAttribute('title', ctx.strings.presets);
    presets.classList.add('hp-presets');
    controls.append(presets);
    syncPreset(value);
  }
  return fieldRow(ctx, field, id, controls, error, kerasDefault === undefined ? field.kerasDefault : kerasDefault, true, where);
}

/** A vscode-single-select over `options`, showing `label(option)`, with `value` selected; `name` reaches its inner combobox (aria-label). */
export function choiceSelect(id: string, options: readonly string[], label: (o: string) => string, value: string, onPick: (o: string) => void, name: string): HTMLElementTagNameMap['vscode-single-select'] {
  const select = el('vscode-single-select', { id, label: name },
    ...options.map((o) => el('vscode-option', { value: o, ...(o === value ? { selected: true } : {}) }, label(o))));
  select.addEventListener('change', () => onPick(select.value));
  return select;
}

export function choiceRow<T extends string>(ctx: FormContext, field: ChoiceField<T>, id: string, value: T, apply: (v: T) => HyperparamSettings, options: readonly T[] = field.options, where?: string): HTMLElement {
  const labels: { readonly [V in T]?: string } = field.optionLabels ?? {};
  const label = (o: string): string => {
    const english = labels[o as T];
    return english === undefined ? o : ctx.tr(english);
  };
  const select = choiceSelect(id, options, label, value, (picked) => {
    if ((options as readonly string[]).includes(picked)) ctx.commit(apply(picked as T), true);
  }, where ? `${ctx.tr(field.label)} (${where})` : ctx.tr(field.label));
  return fieldRow(ctx, field, id, select, errorLine(), field.kerasDefault, true, where);
}

export function booleanRow(ctx: FormContext, field: BooleanField, id: string, value: boolean, apply: (v: boolean) => HyperparamSettings): HTMLElement {
  const box = el('vscode-checkbox', { id, ...(value ? { checked: true } : {}) }, ctx.tr(field.label));
  box.addEventListener('change', () => ctx.commit(apply(box.checked), true));
  return fieldRow(ctx, field, id, box, errorLine(), field.kerasDefault, false);
}

/** The feature toggles; unticking the last one is refused (the network needs an input). */
export function setRow(ctx: FormContext, field: SetField, id: string, value: readonly string[], apply: (v: SetField['default']) => HyperparamSettings): HTMLElement {
  const error = errorLine();
  const boxes = field.options.map((option) => {
    const box = el('vscode-checkbox', { 'data-feature': option, ...(value.includes(option) ? { checked: true } : {}) }, option);
    box.addEventListener('change', () => {
      const picked = field.options.filter((_o, i) => boxes[i]?.checked === true);
      if (picked.length === 0) {
        box.checked = true;
        setError(error, ctx.strings.oneFeature);
        return;
      }
      setError(error, null);
      ctx.commit(apply(picked), false);
    });
    return box;
  });
  return fieldRow(ctx, field, id, el('div', { id, class: 'hp-features', role: 'group', 'aria-label': ctx.tr(field.label) }, ...boxes), error);
}
