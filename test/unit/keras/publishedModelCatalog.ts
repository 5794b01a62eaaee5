/**
 * The shape of a published-model fixture for publishedModels.test.ts: a model rebuilt from its source with
 * the test builders, and the rows of `model.summary()` exactly as the source printed them (output shape and
 * parameter count per row, totals, and the layer names when the printed names are a fresh session's).
 */
import type { Shape } from '../../../src/keras/kerasModel';
import type { LayerRow } from './layerCallBuilders';

export interface PublishedModel {
  readonly title: string;
  /** Where the printed summary is: repository, path and commit, or the document. */
  readonly source: string;
  readonly build: () => LayerRow[];
  /** Per printed row, in order: output shape (a list of shapes when Keras printed several tensors) and parameter count. */
  readonly rows: readonly (readonly [Shape | readonly Shape[], number])[];
  readonly total: number;
  readonly nonTrainable?: number;
  /** The printed layer names, when they come from a fresh session (so Keras' automatic numbering can be checked). */
  readonly names?: readonly string[];
}

/** None, for readable shapes: [N, 28, 28, 1]. */
export const N = null;
