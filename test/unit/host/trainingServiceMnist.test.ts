/**
 * TrainingService's one hook for the MNIST gate (ServicePorts.prepare), with a fake worker: what the gate
 * returns is what the worker is started with, and a cancelled gate starts nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunRequest } from '../../../src/host/training/trainingRun';
import { type ServicePorts, TrainingService } from '../../../src/host/training/trainingService';
import { type FakeWorker, runPorts } from './fakes';

const mnistRequest: RunRequest = { label: 'mnist', experiment: { data: { dataset: 'mnist' } }, baseDir: '/w', source: { kind: 'sidebar' } };

describe('training service: the MNIST gate before a run starts', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-service-mnist-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function service(workers: FakeWorker[], prepare: ServicePorts['prepare'], readRoots: readonly string[] | null = null): TrainingService {
    return new TrainingService({
      ...runPorts(workers), readRoots: () => readRoots, confirmReplace: () => Promise.resolve(true), openPanel: () => undefined, panelVisible: () => true,
      showProgress: () => undefined, announce: () => Promise.resolve(), runsDir: () => dir, ...(prepare ? { prepare } : {}),
    });
  }

  it('starts the worker with the location the gate found', async () => {
    const workers: FakeWorker[] = [];
    const seen: RunRequest[] = [];
    const s = service(workers, (r) => {
      seen.push(r);
      return Promise.resolve({ ...r, mnist: { npz: '/k/datasets/mnist.npz' } });
    });
    assert.equal(await s.start(mnistRequest), true);
    assert.deepEqual(seen, [mnistRequest]);
    assert.deepEqual(workers[0]?.started[0]?.mnist, { npz: '/k/datasets/mnist.npz' });
    s.dispose();
  });

  it('starts nothing when the gate cancels (offer dismissed, download cancelled)', async () => {
    const workers: FakeWorker[] = [];
    const s = service(workers, () => Promise.resolve(undefined));
    assert.equal(await s.start(mnistRequest), false);
    assert.equal(workers.length, 0);
    assert.equal(s.state, null);
    s.dispose();
  });

  it('in Restricted Mode every run reads only inside the extension: the worker gets the read roots, whatever started it', async () => {
    const workers: FakeWorker[] = [];
    const restricted = service(workers, (r) => Promise.resolve(r), ['/ext']);
    await restricted.start(mnistRequest);
    await restricted.start({ ...mnistRequest, label: 'rerun', source: { kind: 'rerun', rerunOf: 'x' } });
    assert.deepEqual(workers.map((w) => w.started[0]?.readRoots), [['/ext'], ['/ext']]);
    restricted.dispose();
    const trusted = service(workers, undefined);
    await trusted.start(mnistRequest);
    assert.equal(workers[2]?.started[0]?.readRoots, undefined);
    trusted.dispose();
  });

  it('without a gate a request starts as it is, with no MNIST hint for the worker', async () => {
    const workers: FakeWorker[] = [];
    const s = service(workers, undefined);
    await s.start(mnistRequest);
    assert.equal(workers[0]?.started[0]?.mnist, undefined);
    s.dispose();
  });
});
