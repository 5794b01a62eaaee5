import * as assert from 'node:assert/strict';
import { isHostToSweep } from '../../../src/shared/protocol/sweepProtocol';
import { type SweepDescription, SweepSession } from '../../../src/host/sweeps/sweepSession';
import { SweepFeed } from '../../../src/host/sweeps/sweepFeed';
import type { HostToSweep, SweepStrings } from '../../../src/shared/protocol/sweepProtocol';
import { SWEEP_STRING_KEYS } from '../../../src/shared/protocol/sweepProtocol';
import { Emitter } from '../../../src/shared/emitter';
import type { TrialRow } from '../../../src/sweeps/studyTable';
import { t } from './fakes';

const description: SweepDescription = {
  study: 'circle', file: '/w/circle.sweep.json', storage: '/w/.hyperlab/sweeps/circle.optuna.log', method: 'tpe', metric: 'val_loss', goal: 'minimize',
  params: [{ name: 'learning_rate', kind: 'float', low: 0.0001, high: 0.3, log: true, choices: null }],
};
const strings = Object.fromEntries(SWEEP_STRING_KEYS.map((k) => [k, k])) as SweepStrings;
const row = (number: number, state: TrialRow['state'], value: number | null, extra: Partial<TrialRow> = {}): TrialRow => ({
  number, state, params: { learning_rate: 0.01 * (number + 1) }, value, best: value, epochs: 3, curve: [], runId: `run-${number}`, writer: 'hyperlab', reason: null, started: null, completed: null, ...extra,
});

function live(): SweepSession {
  const s = new SweepSession(description, 'starting', t);
  s.apply({ type: 'started', study: 'circle', storage: description.storage, resumed: false, existingTrials: 0, interrupted: 0, maxTrials: 5, workers: 2, seed: 7 });
  return s;
}

describe('sweeps in the extension: the session a view shows', () => {
  it('follows a live sweep event by event: a trial starts, reports epochs (best per the goal), ends with its value or its reason', () => {
    const s = live();
    s.apply({ type: 'trialStarted', number: 0, params: { learning_rate: 0.01 }, runId: 'r0' });
    s.apply({ type: 'trialEpoch', number: 0, epoch: 1, value: 0.6 });
    s.apply({ type: 'trialEpoch', number: 0, epoch: 2, value: 0.4 });
    s.apply({ type: 'trialEpoch', number: 0, epoch: 3, value: 0.5 });
    assert.deepEqual(s.trials()[0], { number: 0, state: 'running', params: { learning_rate: 0.01 }, value: null, best: 0.4, epochs: 3, runId: 'r0', reason: null, writer: 'hyperlab' });
    assert.ok(s.isTraining('r0'));
    s.apply({ type: 'trialEnded', number: 0, state: 'complete', value: 0.5, epochs: 3, reason: null, params: { learning_rate: 0.01 }, runId: 'r0' });
    s.apply({ type: 'trialStarted', number: 1, params: { learning_rate: 3 }, runId: 'r1' });
    s.apply({ type: 'trialEnded', number: 1, state: 'fail', value: null, epochs: 0, reason: 'the loss became NaN at epoch 1, step 3', params: { learning_rate: 3 }, runId: 'r1' });
    assert.ok(!s.isTraining('r0'));
    assert.deepEqual(s.trials().map((r) => [r.state, r.value, r.reason]), [['complete', 0.5, null], ['fail', null, 'the loss became NaN at epoch 1, step 3']]);
    assert.equal(s.info().best, 0);
    assert.equal(s.info().statusText, 'Running · 2 of 5 trials done: 1 complete, 0 pruned, 1 failed, 0 running · best val_loss 0.5 (trial 0)');
    assert.deepEqual(s.runsOf([1, 0, 7]), ['r1', 'r0']);
    s.apply({ type: 'paused' });
    assert.equal(s.info().state, 'paused');
    s.apply({ type: 'ended', state: 'failed', best: null, trials: 2, error: 'disk full' });
    assert.match(s.info().statusText, /^Failed: disk full · /);
  });

  it('takes the larger value as the best when the goal is to maximize', () => {
    const s = new SweepSession({ ...description, metric: 'val_accuracy', goal: 'maximize' }, 'idle', t);
    s.setTrials([row(0, 'complete', 0.8), row(1, 'complete', 0.9), row(2, 'pruned', 0.95)]);
    assert.equal(s.best()!.number, 1, 'a pruned trial is never the best');
  });

  it('counts the trials a killed host left running (failed as interrupted) apart from those that count toward max_trials', () => {
    const s = live();
    s.setTrials([row(0, 'fail', null, { reason: 'interrupted: the HyperLab process running this trial stopped before it ended' }), row(1, 'complete', 0.3)]);
    assert.match(s.info().statusText, /1 of 5 trials done: 1 complete, 0 pruned, 1 failed/);
  });

  it('keeps journal values that are not finite out of the view', () => {
    const s = new SweepSession(description, 'idle', t);
    s.setTrials([row(0, 'complete', Number.POSITIVE_INFINITY, { best: Number.NaN, params: { learning_rate: Number.NaN } })]);
    assert.deepEqual([s.trials()[0]!.value, s.trials()[0]!.best, s.trials()[0]!.params.learning_rate], [null, null, null]);
  });

  it('reports only what changed since a version, and nothing for rows the journal repeats', () => {
    const s = new SweepSession(description, 'idle', t);
    s.setTrials([row(0, 'complete', 0.5), row(1, 'running', null)]);
    const v = s.currentVersion;
    s.setTrials([row(0, 'complete', 0.5), row(1, 'complete', 0.4)]);
    const changes = s.changesSince(v);
    assert.deepEqual(changes.trials.map((r) => r.number), [1]);
    assert.ok(changes.info, 'the status line counts trials');
    assert.equal(changes.importance, null);
    const again = s.currentVersion;
    s.setTrials([row(0, 'complete', 0.5), row(1, 'complete', 0.4)]);
    assert.equal(s.currentVersion, again, 'the same rows change nothing');
    s.setImportance({ items: [{ param: 'learning_rate', importance: 1 }], note: null, trials: 2 });
    assert.deepEqual(s.changesSince(again).importance?.items, [{ param: 'learning_rate', importance: 1 }]);
  });
});

describe('sweeps in the extension: what the sweep view is sent (SweepFeed)', () => {
  class Source {
    session: SweepSession | null = null;
    readonly emitter = new Emitter<SweepSession | null>();
    readonly onDidChangeSession = this.emitter.event;
    show(s: SweepSession): void {
      this.session = s;
      this.emitter.fire(s);
    }
  }
  const setup = () => {
    const source = new Source();
    const posted: HostToSweep[] = [];
    const timers: (() => void)[] = [];
    const feed = new SweepFeed(source, { post: (m) => posted.push(m), strings: () => strings, later: (_ms, fn) => { timers.push(fn); return { dispose: () => timers.splice(timers.indexOf(fn), 1) }; } });
    return { source, posted, timers, feed };
  };

  it('sends nothing before ready, then a snapshot, then one increment per interval built from the newest state', () => {
    const { source, posted, timers, feed } = setup();
    const s = live();
    source.show(s);
    s.apply({ type: 'trialStarted', number: 0, params: { learning_rate: 0.01 }, runId: 'r0' });
    assert.equal(posted.length, 0, 'nothing before ready');
    feed.sendSnapshot();
    assert.equal(posted.length, 1);
    const snap = posted[0]!;
    assert.ok(isHostToSweep(snap));
    assert.equal(snap.type === 'didLoadSnapshot' && snap.snapshot.trials.length, 1);
    for (let e = 1; e <= 50; e++) s.apply({ type: 'trialEpoch', number: 0, epoch: e, value: 1 / e });
    s.apply({ type: 'trialStarted', number: 1, params: { learning_rate: 0.02 }, runId: 'r1' });
    assert.equal(timers.length, 1, 'fifty epochs, one pending flush');
    timers.shift()!();
    const increments = posted.slice(1);
    assert.deepEqual(increments.map((m) => m.type), ['didUpdateInfo', 'didUpdateTrials']);
    assert.ok(increments.every(isHostToSweep));
    const trials = increments[1]!.type === 'didUpdateTrials' ? increments[1]!.trials : [];
    assert.deepEqual(trials.map((r) => [r.number, r.epochs, r.best]), [[0, 50, 0.02], [1, 0, null]]);
    feed.flush();
    assert.equal(posted.length, 3, 'nothing new, nothing sent');
    feed.dispose();
  });

  it('sends a new snapshot when another sweep is shown, and importance when it is computed', () => {
    const { source, posted, timers, feed } = setup();
    source.show(live());
    feed.sendSnapshot();
    const next = new SweepSession({ ...description, study: 'spiral' }, 'idle', t);
    source.show(next);
    const snap = posted[1]!;
    assert.equal(snap.type === 'didLoadSnapshot' && snap.snapshot.info?.study, 'spiral');
    next.setImportance({ items: [], note: 'Importance needs at least two complete trials (1 so far).', trials: 1 });
    timers.shift()!();
    assert.deepEqual(posted.slice(2).map((m) => m.type), ['didUpdateImportance']);
    feed.dispose();
  });
});
