import * as assert from 'node:assert/strict';
import { type ServicePorts, TrainingService } from '../../../src/host/training/trainingService';
import { type FakeWorker, runPorts } from './fakes';

function ports(workers: FakeWorker[]): ServicePorts {
  return {
    ...runPorts(workers), confirmReplace: () => Promise.resolve(true), openPanel: () => undefined, panelVisible: () => true,
    showProgress: () => undefined, announce: () => Promise.resolve(), runsDir: () => null,
  };
}

describe('training service: runs another trainer of the window trains (a sweep\'s trials)', () => {
  it('counts them live (the Runs view shows them running, not interrupted) and still compares them', () => {
    const service = new TrainingService(ports([]));
    const training = new Set(['trial-run-1']);
    const sub = service.addLiveRuns((id) => training.has(id));
    assert.ok(service.isLive('trial-run-1'));
    assert.ok(!service.isLive('other'));
    service.compare(['trial-run-1', 'other']);
    assert.deepEqual(service.compared.ids, ['trial-run-1', 'other'], 'a live trial is compared: only the panel\'s own live run is left out');
    training.delete('trial-run-1');
    assert.ok(!service.isLive('trial-run-1'));
    sub.dispose();
    training.add('trial-run-1');
    assert.ok(!service.isLive('trial-run-1'), 'no longer asked once disposed');
    service.dispose();
  });
});
