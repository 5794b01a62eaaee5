/**
 * The lecture's exercises as the sidebar holds them and the walkthrough that leads through them: each
 * exercise file loads into the sidebar exactly (the sidebar's experiment trains the same network on the
 * same data with the same seed), and each walkthrough step completes on its own event, the context key
 * its exercise's Load and Train commands set, with both links in English and Spanish.
 */
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { experimentFromSettings } from '../../src/host/sidebar/experimentFromSettings';
import { exerciseDoneKey, settingsOfExercise } from '../../src/host/training/exerciseSettings';
import { defaultSettings } from '../../src/shared/hyperparamSettings';

type Obj = Record<string, unknown>;
const folder = 'media/exercises';
const ids = fs.readdirSync(folder).filter((f) => f.endsWith('.experiment.json')).map((f) => f.replace('.experiment.json', '')).sort();
const read = (id: string): Obj => JSON.parse(fs.readFileSync(path.join(folder, `${id}.experiment.json`), 'utf8')) as Obj;

/** What decides a Playground run: layers (class, units, activation, rate), optimizer, epochs, batch size, data, seed. */
function essentials(e: Obj) {
  const model = e.model as { input_shape: number[]; layers: Obj[] };
  const compile = e.compile as { optimizer: Obj; loss: string };
  const fit = e.fit as Obj;
  return {
    input: model.input_shape,
    layers: model.layers.map((l) => [l.class_name, l.units, l.activation ?? 'linear', l.rate]),
    optimizer: [compile.optimizer.class_name, compile.optimizer.learning_rate, compile.optimizer.momentum ?? 0, compile.optimizer.nesterov ?? false],
    loss: compile.loss, epochs: fit.epochs, batch_size: fit.batch_size, data: e.data, seed: e.seed,
  };
}

describe('the lecture exercises in the sidebar', () => {
  it('ships the seven exercises of the lecture', () => {
    assert.equal(ids.length, 7);
  });

  for (const id of ids) {
    it(`${id} loads into the sidebar exactly: its experiment trains the same network on the same data`, () => {
      const exercise = read(id);
      const settings = settingsOfExercise(exercise);
      assert.deepEqual(essentials(experimentFromSettings(settings) as unknown as Obj), essentials(exercise));
      assert.equal(settings.regularizer, 'none');
      assert.equal(settings.early_stopping, false);
    });
  }

  it('starts from the sidebar\'s defaults, not from what the sidebar held before', () => {
    const settings = settingsOfExercise(read(ids[0]!));
    assert.equal(settings.kernel_initializer, defaultSettings().kernel_initializer);
  });

  it('names what does not fit the sidebar', () => {
    const exercise = read(ids[0]!);
    assert.throws(() => settingsOfExercise({ ...exercise, data: { ...(exercise.data as Obj), dataset: 'mnist' } }), /does not fit the sidebar: .*dataset: circle, xor/);
  });
});

describe('the walkthrough of the exercises', () => {
  interface Step { id: string; description: string; completionEvents: string[] }
  const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: { walkthroughs: { steps: Step[] }[] } };
  const steps = manifest.contributes.walkthroughs[0]!.steps;
  const nls = ['package.nls.json', 'package.nls.es.json'].map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, string>);

  it('has one step per exercise, each completing on its own event', () => {
    assert.equal(steps.length, ids.length);
    const events = steps.map((s) => s.completionEvents);
    assert.ok(events.every((e) => e.length === 1), JSON.stringify(events));
    assert.equal(new Set(events.flat()).size, steps.length, 'two steps complete on the same event');
  });

  steps.forEach((step, i) => {
    it(`step ${step.id} completes on its exercise's context key, which Load and Train of that exercise (and no other) set`, () => {
      const id = ids[i]!;
      assert.deepEqual(step.completionEvents, [`onContext:${exerciseDoneKey(id)}`]);
      for (const strings of nls) {
        const text = strings[step.description.slice(1, -1)]!;
        const links = [...text.matchAll(/\(command:(hyperlab\.\w+)\?([^)]*)\)/g)].map((m) => [m[1], JSON.parse(decodeURIComponent(m[2]!)) as unknown]);
        assert.deepEqual(links, [['hyperlab.loadExercise', [id]], ['hyperlab.trainExercise', [id]]], text);
      }
    });
  });
});
