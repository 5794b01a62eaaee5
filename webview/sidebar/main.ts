/**
 * The HyperLab sidebar's script: posts `ready` (with its own saved settings), draws the snapshot's
 * settings as the lecture's groups of controls under a compact run controller that stays at the top
 * (runController.ts: Train, Pause, Reset, Stop and the run's status), and keeps the live numbers (input
 * features, trainable parameters, iterations per epoch) current. The host owns the settings: every
 * accepted change is sent to it (updateSettings) and saved in the webview's state, and settings the host
 * replaces (didUpdateSettings: Load from Code, an exercise) are drawn at once. It validates at the
 * controls, and while a control holds a refused value Train waits, saying which; the host validates
 * everything again.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { GROUP_IDS, type GroupId, type HyperparamSettings } from '../../src/shared/hyperparams';
import { iterationsPerEpoch, parameterCount, restoreSettings, trainingSamples } from '../../src/shared/hyperparamSettings';
import { assertNever, isRecord } from '../../src/shared/protocol/guards';
import { type HostToSidebar, type SidebarRun, type SidebarSnapshot, type SidebarToHost, isHostToSidebar } from '../../src/shared/protocol/webviewProtocol';
import { el, render } from '../common/dom';
import { setLocale } from '../common/format';
import { connect } from '../common/vscodeApi';
import { type FormContext, fill } from './controls';
import { RunController } from './runController';
import { groupSections } from './sections';

const channel = connect<SidebarToHost, HostToSidebar>(isHostToSidebar);
/** updateSettings waits this long for typing to pause, so a value is not sent once per keystroke. */
const POST_DELAY_MS = 250;

interface SavedState {
  readonly settings: HyperparamSettings;
  readonly open: readonly GroupId[];
}

function readState(): { settings: HyperparamSettings | null; open: Set<GroupId> } {
  const raw = channel.getState();
  if (!isRecord(raw)) return { settings: null, open: new Set(['architecture', 'optimization', 'data']) };
  const open = Array.isArray(raw.open) ? raw.open.filter((g): g is GroupId => (GROUP_IDS as readonly unknown[]).includes(g)) : [];
  return { settings: raw.settings === undefined ? null : restoreSettings(raw.settings), open: new Set(open) };
}

const saved = readState();
const open = saved.open;
let snapshot: SidebarSnapshot | null = null;
let settings: HyperparamSettings | null = saved.settings;
let run: SidebarRun | null = null;
let rejected: readonly string[] = [];
/** Controls whose text is not an allowed value, by id → the line that names them. */
const invalid = new Map<string, string>();
let postTimer: ReturnType<typeof setTimeout> | undefined;
let controller: RunController | undefined;

function saveState(): void {
  if (settings) channel.setState({ settings, open: [...open] } satisfies SavedState);
}

function flushSettings(): void {
  clearTimeout(postTimer);
  postTimer = undefined;
  document.body.dataset.pending = 'no';
  if (settings) channel.post({ type: 'updateSettings', settings });
}

const ctx: FormContext = {
  get strings() {
    return snapshot!.strings;
  },
  tr: (text) => snapshot?.texts[text] ?? text,
  get settings() {
    return settings!;
  },
  commit(next, rebuild) {
    settings = next;
    rejected = [];
    saveState();
    clearTimeout(postTimer);
    postTimer = setTimeout(flushSettings, POST_DELAY_MS);
    document.body.dataset.pending = 'yes';
    if (rebuild) draw();
    else refreshSummary();
  },
  invalid(id, problem) {
    if (problem === null) invalid.delete(id);
    else invalid.set(id, problem);
    refreshSummary();
  },
};

function refreshSummary(): void {
  if (!snapshot || !settings) return;
  const s = snapshot.strings, params = parameterCount(settings), blocked = invalid.size > 0;
  // While a control shows a refused value, the numbers that depend on it are unknown.
  document.getElementById('param-count')!.textContent = fill(s.parameters, blocked ? '?' : params);
  document.getElementById('iterations')!.textContent = fill(s.iterations, iterationsPerEpoch(settings), trainingSamples(settings), settings.batch_size);
  const inputLayer = document.getElementById('input-layer');
  if (inputLayer) inputLayer.textContent = fill(s.inputLayer, settings.features.length);
  const blockedLine = document.getElementById('train-blocked')!;
  blockedLine.hidden = !blocked;
  blockedLine.textContent = blocked ? fill(s.trainBlocked, [...invalid.values()].join('; ')) : '';
  const problems = document.getElementById('rejected')!;
  problems.hidden = rejected.length === 0;
  problems.replaceChildren(...(rejected.length ? [el('p', {}, s.rejected), ...rejected.map((p) => el('p', {}, p))] : []));
  controller?.show(run, blocked);
  document.body.dataset.params = blocked ? '' : String(params);
  document.body.dataset.blocked = blocked ? 'yes' : 'no';
  document.body.dataset.run = run?.status ?? 'none';
  document.body.dataset.runSource = run?.source ?? 'none';
}

function summary(): HTMLElement {
  const s = snapshot!.strings;
  const openPanel = el('vscode-button', { id: 'open-panel', secondary: true }, s.openPanel);
  openPanel.addEventListener('click', () => channel.post({ type: 'openTrainingPanel' }));
  return el('section', { class: 'hp-summary' },
    el('div', { id: 'param-count', class: 'hp-big' }),
    el('div', { id: 'iterations', class: 'hp-hint' }),
    el('div', { id: 'train-blocked', class: 'hp-rejected', role: 'alert', hidden: true }),
    el('div', { id: 'rejected', class: 'hp-rejected', role: 'alert', hidden: true }),
    el('div', { class: 'hp-buttons' }, openPanel),
    el('p', { class: 'hp-hint' }, s.appliesNext));
}

function train(): void {
  if (invalid.size > 0) return;
  clearTimeout(postTimer);
  postTimer = undefined;
  document.body.dataset.pending = 'no';
  if (settings) channel.post({ type: 'startTraining', settings });
}

/** The element that had the focus before a redraw, found again by its id (or its feature) after it. */
function focusKey(): string | null {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  if (active instanceof HTMLElement && active.dataset.feature) return `[data-feature="${active.dataset.feature}"]`;
  return active.id ? `#${CSS.escape(active.id)}` : null;
}

/** Focuses the element `selector` names once it has rendered (vscode-elements render their shadow DOM a microtask later). */
function refocus(selector: string): void {
  const target = document.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(selector);
  if (!target) return;
  target.focus();
  void Promise.resolve(target.updateComplete).then(() => {
    if (document.activeElement !== target) target.focus();
  });
}

function draw(): void {
  if (!snapshot || !settings) return;
  // Every control is drawn again from the settings, so none holds a refused value any more; the control the
  // user just changed (a checkbox, a dropdown that shows or hides others) keeps the focus.
  const focused = focusKey();
  invalid.clear();
  const sections = groupSections(ctx, open, (group, isOpen) => {
    if (isOpen) open.add(group);
    else open.delete(group);
    saveState();
  });
  controller ??= new RunController(snapshot.strings, (m) => (m.type === 'startTraining' ? train() : channel.post(m)));
  render(document.getElementById('app')!, controller.element, el('p', { class: 'intro' }, snapshot.strings.intro), summary(), ...sections);
  refreshSummary();
  if (focused) refocus(focused);
  document.body.dataset.state = 'ready';
}

channel.onMessage((message) => {
  switch (message.type) {
    case 'didLoadSnapshot':
      snapshot = message.snapshot;
      setLocale(snapshot.locale);
      settings = message.snapshot.settings;
      run = message.snapshot.run;
      saveState();
      draw();
      return;
    case 'didUpdateRun':
      run = message.run;
      refreshSummary();
      return;
    case 'didUpdateSettings':
      // The host replaced the settings: an edit still waiting to be sent would overwrite them.
      clearTimeout(postTimer);
      postTimer = undefined;
      document.body.dataset.pending = 'no';
      settings = message.settings;
      rejected = [];
      saveState();
      draw();
      return;
    case 'didRejectSettings':
      rejected = message.problems;
      refreshSummary();
      return;
    default:
      assertNever(message);
  }
});
channel.post({ type: 'ready', settings });
