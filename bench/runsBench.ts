/**
 * The run store and the panel's stream, measured (`npm run bench -- --runs`; needs `npm run build` for the
 * panel's webview bundle):
 * (1) listing a store of 1,000 recorded runs (100 epochs each, 20 of them unfinished so they are read
 *     whole), as the Runs view and `hyperlab runs` do; target under 200 ms;
 * (2) the bytes the host posts to the panel per update at epoch 10 and at epoch 10,000 (PanelFeed, one
 *     epoch and its 25 batches per update), against the whole-run message the panel used to get;
 * (3) the panel's time to draw one such update in headless Chromium (the real webview bundle, the frame
 *     time it records in body[data-frame-ms]) with 10 and with 10,000 epochs already drawn.
 * Both (2) and (3) must stay flat as the run grows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emitter } from '../src/shared/emitter';
import { type HostToPanel, PANEL_STRING_KEYS, type PanelStrings } from '../src/shared/protocol/panelProtocol';
import { PanelFeed } from '../src/host/training/panelFeed';
import { liveSeries } from '../src/host/training/runSeries';
import type { RunState } from '../src/host/training/trainingRun';
import type { Comparison } from '../src/host/training/trainingService';
import { listRuns } from '../src/runs/runList';
import { RunRecorder } from '../src/runs/runRecorder';
import { syncSink } from '../src/runs/engineRunLog';

const ROOT = process.cwd();
const t = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function makeStore(dir: string, runs: number, epochs: number): void {
  const experiment = { seed: 1, model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
    compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] }, data: { dataset: 'circle' } };
  for (let r = 0; r < runs; r++) {
    const rec = RunRecorder.createSync(dir, { experiment, baseDir: dir, source: { kind: 'cli' } }, syncSink);
    rec.started({ params: 33, epochs, steps_per_epoch: 25, description: 'circle', task: 'binary', notes: [] });
    for (let e = 1; e <= epochs; e++) {
      rec.metrics([{ epoch: e, logs: { loss: 0.7 / e, accuracy: 0.9, val_loss: 0.75 / e, val_accuracy: 0.88 }, learning_rate: 0.03, norms: [['dense', 1.5, 0.01], ['dense_1', 2.5, 0.02]] }],
        Array.from({ length: 25 }, (_, s) => ({ epoch: e, step: s + 1, loss: 0.7 / e })));
    }
    if (r % 50 !== 0) rec.end({ status: 'finished', reason: null, epochs_run: epochs, seconds: 1, best_epoch: null, stopped_epoch: null, restored_best_weights: false, weights: null });
  }
}

async function listing(): Promise<{ runs: number; coldMs: number; medianMs: number; storeMb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-bench-runs-'));
  try {
    makeStore(dir, 1000, 100);
    const storeMb = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0) / 1024 / 1024;
    let t0 = performance.now();
    const first = await listRuns(dir, () => false);
    const coldMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      t0 = performance.now();
      await listRuns(dir, () => false);
      times.push(performance.now() - t0);
    }
    return { runs: first.length, coldMs, medianMs: median(times), storeMb };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runState(epochs: number): RunState {
  return {
    id: 'bench', label: 'bench', name: 'circle · 2→[8 tanh]→1 · SGD 0.03', source: { kind: 'sidebar' }, status: 'running', description: 'circle', params: 33, totalEpochs: 100_000,
    epochs: Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, logs: { loss: 0.7 / (i + 1), accuracy: 0.9, val_loss: 0.75 / (i + 1), val_accuracy: 0.88 }, norms: [{ layer: 'dense', weight: 1.5, gradient: 0.01 }, { layer: 'dense_1', weight: 2.5, gradient: 0.02 }] })),
    lastStep: null, message: null, notes: [], task: 'binary', points: null, boundary: null, earlyStopping: null, bestEpoch: null, stoppedEpoch: null,
    restoredBestWeights: false, confusion: null, stepsPerEpoch: 25, trace: Array.from({ length: epochs * 25 }, (_, i) => ({ epoch: Math.floor(i / 25) + 1, step: (i % 25) + 1, loss: 0.7 })), pace: 0, startedAt: 1, endedAt: null,
  };
}

/** The messages PanelFeed posts for one more epoch (and its 25 batches) after `epochs`. */
async function updateAt(epochs: number): Promise<{ bytes: number; wholeRunBytes: number; messages: HostToPanel[]; snapshot: HostToPanel }> {
  const runs = new Emitter<RunState | null>(), comparisons = new Emitter<Comparison>();
  const source = { state: runState(epochs) as RunState | null, compared: { ids: [], chosen: false } as Comparison, liveExperiment: {}, onDidChangeRun: runs.event, onDidChangeComparison: comparisons.event };
  const posted: HostToPanel[] = [];
  const strings = Object.fromEntries(PANEL_STRING_KEYS.map((k) => [k, k])) as PanelStrings;
  const feed = new PanelFeed(source, { post: (m) => void posted.push(m), t, strings: () => strings, locale: () => 'en', readRun: () => Promise.resolve(null), log: { error: () => undefined } });
  await feed.sendSnapshot();
  const snapshot = posted.pop()!;
  const next = runState(epochs + 1);
  source.state = next;
  runs.fire(next);
  feed.dispose();
  const bytes = posted.reduce((n, m) => n + JSON.stringify(m).length, 0);
  return { bytes, wholeRunBytes: JSON.stringify(liveSeries(next, t)).length, messages: posted, snapshot };
}

async function drawTime(snapshot: HostToPanel, update: HostToPanel): Promise<number | null> {
  const bundle = path.join(ROOT, 'dist', 'webview', 'panel.js');
  if (!fs.existsSync(bundle)) return null;
  const { launchBrowser } = (await import(path.join(ROOT, 'scripts', 'vscode-host', 'host.mjs'))) as { launchBrowser: (o?: unknown) => Promise<{ close(): Promise<void>; page: PlaywrightPage }> };
  const browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  const { page } = browser;
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-bench-panel-'));
    fs.copyFileSync(bundle, path.join(dir, 'panel.js'));
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><body style="width:1300px"><div id="app"></div>
<script>window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} });</script>
<script src="panel.js"></script></body></html>`);
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.evaluate((m) => (globalThis as unknown as BrowserGlobals).postMessage(m, '*'), snapshot);
    await page.waitForSelector('body[data-state="ready"][data-frame-ms]');
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const ms = await page.evaluate(async (m) => {
        const g = globalThis as unknown as BrowserGlobals;
        delete g.document.body.dataset.frameMs;
        g.postMessage(m, '*');
        while (g.document.body.dataset.frameMs === undefined) await new Promise<void>((r) => g.requestAnimationFrame(() => r()));
        return Number(g.document.body.dataset.frameMs);
      }, update);
      times.push(ms);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return median(times);
  } finally {
    await browser.close();
  }
}

/** The few browser globals the page-side functions use (this file is compiled for Node). */
interface BrowserGlobals {
  postMessage(message: unknown, target: string): void;
  requestAnimationFrame(callback: () => void): void;
  readonly document: { readonly body: { readonly dataset: Record<string, string | undefined> } };
}

interface PlaywrightPage {
  goto(url: string): Promise<unknown>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForSelector(selector: string): Promise<unknown>;
}

async function main(): Promise<void> {
  const list = await listing();
  console.log(`Run store: ${list.runs} runs (${list.storeMb.toFixed(1)} MB) listed in ${list.coldMs.toFixed(1)} ms cold, ${list.medianMs.toFixed(1)} ms median of 7 (target < 200 ms)`);
  const rows: string[] = [];
  for (const epochs of [10, 10_000]) {
    const u = await updateAt(epochs);
    const append = u.messages.find((m) => m.type === 'didAppendEpochs')!;
    const ms = await drawTime(u.snapshot, append);
    rows.push(`| ${epochs.toLocaleString('en-US')} | ${u.bytes.toLocaleString('en-US')} B (${u.messages.map((m) => m.type).join(', ')}) | ${u.wholeRunBytes.toLocaleString('en-US')} B | ${ms === null ? 'no dist/webview/panel.js (npm run build)' : `${ms.toFixed(2)} ms`} |`);
  }
  console.log('\nPanel updates (one epoch and its 25 batches per update):\n');
  console.log('| epochs drawn | bytes per update (streamed) | the whole run (before) | panel draw time (median of 30) |');
  console.log('|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
