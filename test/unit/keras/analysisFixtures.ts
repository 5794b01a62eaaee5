/** Shared by the analysis tests: Keras fixture sources, a model of an analysis by name, its per-layer parameter counts. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentAnalysis, ModelSummary } from '../../../src/keras/kerasModel';
import { type Message, renderMessage } from '../../../src/keras/message';

export const kerasFixture = (name: string): string => readFileSync(path.resolve('test/fixtures/keras', name), 'utf8');

export function modelNamed(a: DocumentAnalysis, name: string): ModelSummary {
  const m = a.models.find((x) => x.graph.name === name);
  assert.ok(m, `no model ${name} among ${a.models.map((x) => x.graph.name).join(', ')}`);
  return m;
}

/** Trainable + non-trainable parameters of each layer, null where unknown. */
export const layerParams = (m: ModelSummary): (number | null)[] =>
  m.layers.map((l) => (l.outcome.params ? l.outcome.params.trainable + l.outcome.params.nonTrainable : null));

/** A reason or message in English ('' for none), for assertions on its text. */
export const english = (m: Message | null | undefined): string => (m ? renderMessage(m) : '');
