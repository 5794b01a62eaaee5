/**
 * The sweep view's script. It posts `ready`, loads the host's snapshot, applies the increments to its
 * SweepModel and redraws at most once per animation frame from the newest data (a burst of messages is
 * one redraw). The table's filter and sort go through the webview state API, so a hidden or reloaded
 * view comes back as it was.
 */
import { assertNever } from '../../src/shared/protocol/guards';
import { type HostToSweep, type SweepSnapshot, type SweepToHost, isHostToSweep } from '../../src/shared/protocol/sweepProtocol';
import { el, render } from '../common/dom';
import { onThemeChange } from '../common/themeColors';
import { connect } from '../common/vscodeApi';
import { ImportanceChart } from './importanceChart';
import { ParallelCoordinates } from './parallelCoordinates';
import { SlicePlots } from './slicePlots';
import { SweepControls } from './sweepControls';
import { FILTERS, SweepModel, type ViewState } from './sweepModel';
import { TrialTable } from './trialTable';
import { refreshValueColors } from './valueColors';

interface View {
  readonly status: HTMLElement;
  readonly title: HTMLElement;
  readonly controls: SweepControls;
  readonly table: TrialTable;
  readonly pcp: ParallelCoordinates;
  readonly slices: SlicePlots;
  readonly importance: ImportanceChart;
  readonly empty: HTMLElement;
}

const channel = connect<SweepToHost, HostToSweep>(isHostToSweep);
const model = new SweepModel();
const saved = channel.getState() as Partial<ViewState> | undefined;
if (saved && FILTERS.includes(saved.filter!) && typeof saved.sort === 'string' && typeof saved.descending === 'boolean') model.view = saved as ViewState;
let view: View | undefined;
let dirty = { trials: false, importance: false, info: false, theme: false };
let framePending = false;
const post = (m: SweepToHost) => {
  if (m.type === 'showTrials') {
    model.shown = m.numbers;
    markDirty({ trials: true });
  }
  channel.post(m);
};

function setView(patch: Partial<ViewState>): void {
  model.view = { ...model.view, ...patch };
  channel.setState(model.view);
  markDirty({ trials: true });
}

function build(snapshot: SweepSnapshot): View {
  const s = snapshot.strings;
  const status = el('p', { id: 'sweep-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const title = el('h1', {}, s.title);
  const controls = new SweepControls(s, post);
  const table = new TrialTable(model, post, setView);
  const pcp = new ParallelCoordinates(model, post);
  const slices = new SlicePlots(model, post);
  const importance = new ImportanceChart(model);
  const empty = el('p', { class: 'empty' }, s.emptyState);
  render(document.getElementById('app') as HTMLElement,
    el('header', {}, title, controls.element), status, empty,
    el('div', { class: 'sweep-body' }, el('div', { class: 'charts' }, pcp.element, importance.element), table.element, slices.element));
  return { status, title, controls, table, pcp, slices, importance, empty };
}

function markDirty(patch: Partial<typeof dirty>): void {
  Object.assign(dirty, patch);
  if (framePending) return;
  framePending = true;
  requestAnimationFrame(drawFrame);
}

function drawFrame(): void {
  framePending = false;
  const v = view;
  if (!v) return;
  const d = dirty;
  dirty = { trials: false, importance: false, info: false, theme: false };
  const info = model.info;
  v.empty.hidden = info !== null;
  if (d.theme) refreshValueColors();
  if (d.info || d.trials) {
    v.title.textContent = info ? `${model.strings!.title}: ${info.study}` : model.strings!.title;
    v.status.textContent = info?.statusText ?? '';
    v.controls.show(info);
  }
  if (d.trials || d.info) {
    v.table.update();
    v.pcp.draw();
    v.slices.update(d.theme);
  }
  if (d.importance || d.trials || d.theme) v.importance.update(d.theme);
  document.body.dataset.sweepState = info?.state ?? 'none';
  document.body.dataset.trials = String(model.trials.length);
  document.body.dataset.complete = String(model.complete.length);
}

channel.onMessage((m) => {
  switch (m.type) {
    case 'didLoadSnapshot':
      model.load(m.snapshot);
      if (view) for (const part of [view.pcp, view.slices, view.importance]) part.dispose();
      view = build(m.snapshot);
      document.body.dataset.state = 'ready';
      markDirty({ trials: true, importance: true, info: true, theme: true });
      return;
    case 'didUpdateInfo':
      model.info = m.info;
      markDirty({ info: true });
      return;
    case 'didUpdateTrials':
      model.upsert(m.trials);
      markDirty({ trials: true });
      return;
    case 'didUpdateImportance':
      model.importance = m.importance;
      markDirty({ importance: true });
      return;
    default:
      assertNever(m);
  }
});

onThemeChange(() => markDirty({ theme: true, trials: true }));
channel.post({ type: 'ready' });
