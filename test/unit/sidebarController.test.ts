/**
 * The sidebar's host side (src/host/sidebar/sidebarController.ts) driven with fakes for the webview,
 * the workspace storage and TrainingService: the ready → snapshot handshake with restored settings,
 * storage of every accepted change, refusal of malformed or out-of-range messages, Train with the
 * experiment built from the settings, Stop, the live learning-rate change of a sidebar run, and settings
 * the host replaces (Load from Code, an exercise), which the view is sent at once.
 */
import * as assert from 'node:assert/strict';
import { experimentFromSettings } from '../../src/host/sidebar/experimentFromSettings';
import { SETTINGS_KEY, type SidebarPorts, SidebarController } from '../../src/host/sidebar/sidebarController';
import type { HyperparamSettings } from '../../src/shared/hyperparams';
import { defaultSettings, withProblemType } from '../../src/shared/hyperparamSettings';
import { type HostToSidebar, SIDEBAR_STRING_KEYS, type SidebarRun, type SidebarStrings, isHostToSidebar } from '../../src/shared/protocol/webviewProtocol';

const strings = Object.fromEntries(SIDEBAR_STRING_KEYS.map((k) => [k, k])) as SidebarStrings;

function harness(stored?: unknown) {
  const posted: HostToSidebar[] = [];
  const memento = new Map<string, unknown>();
  if (stored !== undefined) memento.set(SETTINGS_KEY, stored);
  const started: { label: string; experiment: unknown; baseDir: string; source: unknown }[] = [];
  const calls = { stop: 0, pause: 0, resume: 0, restart: 0, panel: 0, ready: 0, learningRates: [] as number[], warnings: [] as string[], replaced: [] as unknown[] };
  let run: SidebarRun | null = null;
  let viewShowing = true;
  const ports: SidebarPorts = {
    post: (m) => {
      if (viewShowing) posted.push(m);
      return Promise.resolve(viewShowing);
    },
    memento: { get: (k) => memento.get(k), update: (k, v) => Promise.resolve(void memento.set(k, v)) },
    training: {
      start: (r) => Promise.resolve(started.push(r) > 0),
      replace: (r) => Promise.resolve(void calls.replaced.push(r)),
      stop: () => void calls.stop++,
      pause: () => void calls.pause++,
      resume: () => void calls.resume++,
      restart: () => Promise.resolve(void calls.restart++),
      setLearningRate: (lr) => void calls.learningRates.push(lr),
    },
    currentRun: () => run,
    openTrainingPanel: () => Promise.resolve(calls.panel++),
    strings: () => strings,
    locale: () => 'es',
    texts: () => ({ Seed: 'Semilla' }),
    describeProblems: (ps) => ps.map((p) => `${p.label} (${p.path}): ${p.allowed}`),
    log: { warn: (m) => void calls.warnings.push(m), error: () => undefined },
    markReady: () => void calls.ready++,
    baseDir: '/extension',
  };
  return {
    controller: new SidebarController(ports), posted, memento, started, calls,
    setRun: (r: SidebarRun | null) => { run = r; },
    hideView: () => { viewShowing = false; },
  };
}

const changed = (patch: Partial<HyperparamSettings>): HyperparamSettings => ({ ...defaultSettings(), ...patch });
const sidebarRun = (status: SidebarRun['status'], fromSidebar = true): SidebarRun => ({
  label: fromSidebar ? 'Sidebar: circle' : 'a.experiment.json', status, statusText: status, statusLabel: status, epoch: 3, totalEpochs: 100,
  source: fromSidebar ? 'sidebar' : 'experiment', sourceText: fromSidebar ? 'from the sidebar' : 'from a.experiment.json',
});

describe('sidebar host side', () => {
  it('answers ready with a snapshot the webview\'s guard accepts, then counts the view as ready', async () => {
    const h = harness();
    await h.controller.handle({ type: 'ready', settings: null });
    assert.equal(h.posted.length, 1);
    const [message] = h.posted;
    assert.ok(isHostToSidebar(message));
    assert.ok(message?.type === 'didLoadSnapshot');
    assert.deepEqual(message.snapshot.settings, defaultSettings());
    assert.deepEqual(message.snapshot.texts, { Seed: 'Semilla' });
    assert.equal(h.calls.ready, 1);
  });

  it('does not count a view that did not receive the snapshot as ready', async () => {
    const h = harness();
    h.hideView();
    await h.controller.handle({ type: 'ready', settings: null });
    assert.equal(h.calls.ready, 0);
  });

  it('restores the workspace\'s settings, repairing what is no longer valid, and prefers them to the webview\'s copy', async () => {
    const h = harness({ ...changed({ epochs: 12 }), batch_size: 9999 });
    await h.controller.handle({ type: 'ready', settings: changed({ epochs: 99 }) });
    const snap = h.posted[0];
    assert.ok(snap?.type === 'didLoadSnapshot');
    assert.equal(snap.snapshot.settings.epochs, 12);
    assert.equal(snap.snapshot.settings.batch_size, defaultSettings().batch_size);
  });

  it('takes the webview\'s copy when the workspace has none, and stores it', async () => {
    const h = harness();
    await h.controller.handle({ type: 'ready', settings: changed({ epochs: 99 }) });
    assert.equal((h.memento.get(SETTINGS_KEY) as HyperparamSettings).epochs, 99);
  });

  it('stores every accepted change in the workspace', async () => {
    const h = harness();
    const next = changed({ layers: [{ type: 'Dense', units: 8, activation: 'relu', rate: 0.5 }], dataset: 'xor' });
    await h.controller.handle({ type: 'updateSettings', settings: next });
    assert.deepEqual(h.memento.get(SETTINGS_KEY), next);
    assert.deepEqual(h.controller.settings, next);
  });

  it('refuses out-of-range settings and malformed messages, says why, and keeps what it had', async () => {
    const h = harness();
    await h.controller.handle({ type: 'updateSettings', settings: { ...defaultSettings(), batch_size: 513 } });
    await h.controller.handle({ type: 'startTraining', settings: { ...defaultSettings(), layers: [{ type: 'Dense', units: 0, activation: 'tanh', rate: 0.5 }] } });
    for (const bad of [null, 'ready', { type: 'ready' }, { type: 'stopTraining', now: true }, { type: 'deleteEverything' }]) await h.controller.handle(bad);
    assert.equal(h.memento.get(SETTINGS_KEY), undefined);
    assert.equal(h.started.length, 0);
    assert.equal(h.calls.stop, 0);
    assert.equal(h.calls.warnings.length, 7);
    const rejections = h.posted.filter((m) => m.type === 'didRejectSettings');
    assert.deepEqual(rejections.map((m) => m.type === 'didRejectSettings' && m.problems), [['Batch size (batch_size): 1 … 512'], ['Neurons (layers[0].units): 1 … 64']]);
  });

  it('trains the settings it is sent, labelled "Sidebar: <dataset>"', async () => {
    const h = harness();
    const settings = withProblemType(changed({ epochs: 5 }), 'regression');
    await h.controller.handle({ type: 'startTraining', settings });
    assert.deepEqual(h.started, [{ label: 'Sidebar: plane', experiment: experimentFromSettings(settings), baseDir: '/extension', source: { kind: 'sidebar' } }]);
    assert.deepEqual(h.memento.get(SETTINGS_KEY), settings);
  });

  it('stops, pauses, resumes and resets training and opens the panel on request', async () => {
    const h = harness();
    await h.controller.handle({ type: 'stopTraining' });
    await h.controller.handle({ type: 'openTrainingPanel' });
    await h.controller.handle({ type: 'pauseTraining' });
    await h.controller.handle({ type: 'resumeTraining' });
    await h.controller.handle({ type: 'restartTraining' });
    assert.deepEqual([h.calls.stop, h.calls.panel, h.calls.pause, h.calls.resume, h.calls.restart], [1, 1, 1, 1, 1]);
  });

  it('sends the display locale with the snapshot, and a run update when its epoch moves on', async () => {
    const h = harness();
    h.setRun(sidebarRun('running'));
    await h.controller.handle({ type: 'ready', settings: null });
    const snap = h.posted[0];
    assert.ok(snap?.type === 'didLoadSnapshot' && snap.snapshot.locale === 'es' && snap.snapshot.run?.source === 'sidebar');
    h.controller.runChanged();
    assert.equal(h.posted.length, 1, 'nothing new: nothing sent');
    h.setRun({ ...sidebarRun('running'), epoch: 4 });
    h.controller.runChanged();
    assert.deepEqual(h.posted.slice(1).map((m) => m.type === 'didUpdateRun' && m.run?.epoch), [4]);
  });

  it('applies a learning-rate change at once to a run the sidebar started, and only then', async () => {
    const h = harness();
    await h.controller.handle({ type: 'updateSettings', settings: changed({ learning_rate: 0.1 }) });
    h.setRun(sidebarRun('running'));
    await h.controller.handle({ type: 'updateSettings', settings: changed({ learning_rate: 0.3 }) });
    await h.controller.handle({ type: 'updateSettings', settings: changed({ learning_rate: 0.3, epochs: 5 }) });
    h.setRun(sidebarRun('running', false));
    await h.controller.handle({ type: 'updateSettings', settings: changed({ learning_rate: 1 }) });
    h.setRun(sidebarRun('finished'));
    await h.controller.handle({ type: 'updateSettings', settings: changed({ learning_rate: 3 }) });
    assert.deepEqual(h.calls.learningRates, [0.3]);
  });

  it('restarts a running sidebar run when the network or the data changes (Playground resets), not for the learning rate or epochs', async () => {
    const h = harness();
    h.setRun(sidebarRun('running'));
    await h.controller.handle({ type: 'updateSettings', settings: changed({ learning_rate: 0.3, epochs: 7 }) });
    assert.equal(h.calls.replaced.length, 0);
    await h.controller.handle({ type: 'updateSettings', settings: changed({ learning_rate: 0.3, epochs: 7, noise: 0.2 }) });
    assert.equal(h.calls.replaced.length, 1);
    const request = h.calls.replaced[0] as { label: string; experiment: { data: { noise: number } } };
    assert.equal(request.experiment.data.noise, 0.2);
    h.setRun(sidebarRun('finished'));
    await h.controller.handle({ type: 'updateSettings', settings: changed({ noise: 0.3 }) });
    assert.equal(h.calls.replaced.length, 1, 'a finished run is not restarted');
  });

  it('tells the view about the run only when its status line changed', () => {
    const h = harness();
    h.setRun(sidebarRun('running'));
    h.controller.runChanged();
    h.controller.runChanged();
    h.setRun(sidebarRun('finished'));
    h.controller.runChanged();
    assert.deepEqual(h.posted.map((m) => m.type === 'didUpdateRun' && m.run?.status), ['running', 'finished']);
  });

  it('pushes settings the host replaces (Load from Code) to the view at once, stored, and the next edit builds on them', async () => {
    const h = harness();
    await h.controller.handle({ type: 'ready', settings: null });
    const loaded = changed({ layers: [{ type: 'Dense', units: 8, activation: 'relu', rate: 0.5 }], optimizer: 'Adam', learning_rate: 0.01 });
    assert.deepEqual(await h.controller.load(loaded), []);
    const pushed = h.posted.at(-1);
    assert.ok(isHostToSidebar(pushed) && pushed.type === 'didUpdateSettings', JSON.stringify(pushed));
    assert.deepEqual(pushed.settings, loaded);
    assert.deepEqual(h.memento.get(SETTINGS_KEY), loaded);
    // The view edits what it was sent (epochs here); its edits are not echoed back.
    const edited = { ...loaded, epochs: 7 };
    await h.controller.handle({ type: 'updateSettings', settings: edited });
    assert.deepEqual(h.controller.settings, edited);
    assert.equal(h.posted.filter((m) => m.type === 'didUpdateSettings').length, 1);
  });

  it('a view shown later gets the replaced settings in its snapshot', async () => {
    const h = harness();
    h.hideView();
    const loaded = changed({ epochs: 3 });
    await h.controller.load(loaded);
    const shown = harness(h.memento.get(SETTINGS_KEY));
    await shown.controller.handle({ type: 'ready', settings: changed({ epochs: 99 }) });
    const snap = shown.posted[0];
    assert.ok(snap?.type === 'didLoadSnapshot');
    assert.equal(snap.snapshot.settings.epochs, 3);
  });

  it('refuses to load invalid settings, naming the problem, and keeps what it had', async () => {
    const h = harness();
    const problems = await h.controller.load({ ...defaultSettings(), layers: [{ type: 'Dense', units: 0, activation: 'tanh', rate: 0.5 }] });
    assert.deepEqual(problems.map((p) => p.path), ['layers[0].units']);
    assert.deepEqual(h.controller.settings, defaultSettings());
    assert.equal(h.posted.length, 0);
  });

  it('restarts a running sidebar run with loaded settings that change the network', async () => {
    const h = harness();
    h.setRun(sidebarRun('running'));
    await h.controller.load(changed({ layers: [{ type: 'Dense', units: 3, activation: 'relu', rate: 0.5 }] }));
    assert.equal(h.calls.replaced.length, 1);
  });
});
