import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRun } from '../../../src/runs/runReader';
import { TrainingRun, type RunRequest } from '../../../src/host/training/trainingRun';
import { ANNOUNCE_AFTER_MS, type ServicePorts, TrainingService, WATCHABLE_PACE } from '../../../src/host/training/trainingService';
import { CONTROL_PACE, CONTROL_SLOTS } from '../../../src/shared/protocol/workerProtocol';
import { FakeWorker, didStart, finished, metrics, runPorts } from './fakes';

const experiment = { model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 1, activation: 'sigmoid' }] }, compile: { optimizer: 'sgd', loss: 'binary_crossentropy' }, data: { dataset: 'circle' } };
const request = (label: string): RunRequest => ({ label, experiment, baseDir: '/w', source: { kind: 'sidebar' } });

describe('training runs and the service, with a fake worker', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-service-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a run starts its worker with the record, appends epochs in place, and ends once', () => {
    const workers: FakeWorker[] = [];
    const run = new TrainingRun(request('r'), runPorts(workers), { dir, header: { id: 'r1' } });
    const cleaned: string[] = [];
    run.own(() => cleaned.push('timer'));
    run.start();
    const w = workers[0]!;
    assert.deepEqual(w.started[0]?.record, { dir, header: { id: 'r1' } });
    w.send(didStart(10));
    assert.equal(run.state.status, 'running');
    const epochs = run.state.epochs;
    w.send(metrics(1, 3));
    w.send(metrics(4, 4));
    assert.equal(run.state.epochs, epochs, 'the same array, appended in place');
    assert.deepEqual(run.state.epochs.map((e) => e.epoch), [1, 2, 3, 4]);
    w.send(finished(4));
    assert.equal(run.state.status, 'finished');
    assert.equal(run.state.message, 'Finished 4 epochs in 1.5 s.');
    assert.ok(w.terminated);
    assert.deepEqual(cleaned, ['timer'], 'what the run owned is cleaned up when it ends');
    w.send(finished(5));
    assert.equal(run.state.message, 'Finished 4 epochs in 1.5 s.', 'a late message changes nothing');
  });

  it('a crashed worker fails the run and the host records its end with the epochs seen', async () => {
    const workers: FakeWorker[] = [];
    const service = new TrainingService(servicePorts(workers, dir));
    await service.start(request('crash'));
    const w = workers[0]!;
    const id = (w.started[0]!.record!.header as { id: string }).id;
    w.send(didStart(10));
    w.send(metrics(1, 2));
    w.crash(new Error('boom'));
    assert.equal(service.state?.status, 'failed');
    assert.match(service.state?.message ?? '', /crashed: boom/);
    const stored = await waitFor(async () => {
      const run = await readRun(dir, id);
      return run?.end ? run : null;
    });
    assert.equal(stored.end?.status, 'failed');
    assert.equal(stored.end?.epochs_run, 2);
    assert.equal(stored.summary.loss?.best, 0.5);
    service.dispose();
  });

  it('asks before replacing an active run, and keeps it when the user says no', async () => {
    const workers: FakeWorker[] = [];
    const asked: string[] = [];
    let answer = false;
    const ports = {
      ...servicePorts(workers, dir),
      confirmReplace: (a: string, b: string) => {
        asked.push(`${a} -> ${b}`);
        return Promise.resolve(answer);
      },
    };
    const service = new TrainingService(ports);
    await service.start(request('one'));
    workers[0]!.send(didStart(10));
    assert.equal(await service.start(request('two')), false);
    assert.equal(service.state?.label, 'one');
    answer = true;
    assert.equal(await service.start(request('two')), true);
    assert.equal(service.state?.label, 'two');
    assert.deepEqual(asked, ['one -> two', 'one -> two']);
    assert.ok(workers[0]!.terminated, 'the replaced run\'s worker is ended');
    service.dispose();
  });

  it('compares a new run with the previous one until the user chooses runs', async () => {
    const workers: FakeWorker[] = [];
    const service = new TrainingService(servicePorts(workers, dir));
    await service.start(request('a'));
    workers[0]!.send(didStart(2));
    workers[0]!.send(metrics(1, 2));
    workers[0]!.send(finished(2));
    const first = service.state!.id!;
    await service.start(request('b'));
    assert.deepEqual(service.compared, { ids: [first], chosen: false });
    service.compare(['x1', 'x2', 'x1', service.state!.id!]);
    assert.deepEqual(service.compared, { ids: ['x1', 'x2'], chosen: true }, 'unique, and never the live run');
    workers[1]!.send(didStart(1));
    workers[1]!.send(metrics(1, 1));
    await service.start(request('c'));
    assert.deepEqual(service.compared.ids, ['x1', 'x2'], 'a chosen comparison stays');
    service.clearComparison();
    assert.deepEqual(service.compared.ids, []);
    service.dispose();
  });

  it('trains sidebar and walkthrough runs at a watchable pace, others unthrottled, until the user picks a speed', async () => {
    const workers: FakeWorker[] = [];
    const service = new TrainingService(servicePorts(workers, dir));
    const paceOf = (w: FakeWorker) => Atomics.load(new Int32Array(w.started[0]!.control, 0, CONTROL_SLOTS), CONTROL_PACE);
    await service.start(request('sidebar'));
    assert.equal(paceOf(workers[0]!), WATCHABLE_PACE);
    await service.start({ ...request('code'), source: { kind: 'code' } });
    assert.equal(paceOf(workers[1]!), 0);
    assert.equal(service.state?.pace, 0);
    service.setPace(300);
    assert.equal(paceOf(workers[1]!), 300, 'the running run takes the new speed');
    await service.start(request('sidebar again'));
    assert.equal(paceOf(workers[2]!), 300, 'and later runs keep it');
    service.dispose();
  });

  it('announces a finished run only when it was long or the panel is hidden, one notification at a time', async () => {
    const workers: FakeWorker[] = [];
    let visible = true;
    const announced: string[] = [];
    let dismiss: () => void = () => undefined;
    const ports: ServicePorts = {
      ...servicePorts(workers, dir),
      panelVisible: () => visible,
      announce: (s) => new Promise((resolve) => {
        announced.push(s.label);
        dismiss = () => resolve(undefined);
      }),
    };
    const service = new TrainingService(ports);
    const quick = async (label: string) => {
      await service.start(request(label));
      const w = workers[workers.length - 1]!;
      w.send(didStart(1));
      w.send(finished(1));
    };
    for (let i = 0; i < 20; i++) await quick(`quick ${i}`);
    assert.deepEqual(announced, [], 'twenty quick runs with the panel in view: no toast');
    visible = false;
    await quick('hidden 1');
    await quick('hidden 2');
    assert.deepEqual(announced, ['hidden 1'], 'the second waits for the first to be dismissed');
    dismiss();
    await Promise.resolve();
    visible = true;
    await service.start(request('long'));
    const w = workers[workers.length - 1]!;
    w.send(didStart(1));
    (service.state as { startedAt: number }).startedAt -= ANNOUNCE_AFTER_MS + 1; // as if it had started 10 s ago
    w.send(finished(1));
    assert.deepEqual(announced, ['hidden 1', 'long']);
    service.dispose();
  });
});

function servicePorts(workers: FakeWorker[], dir: string): ServicePorts {
  return {
    ...runPorts(workers),
    confirmReplace: () => Promise.resolve(true),
    openPanel: () => undefined,
    panelVisible: () => true,
    showProgress: () => undefined,
    announce: () => Promise.resolve(),
    runsDir: () => dir,
  };
}

/** Probes until `probe` gives a value (the host's append is asynchronous); gives up after 10 s. */
async function waitFor<T>(probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== null) return v;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('gave up waiting');
}
