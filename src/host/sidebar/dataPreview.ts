/**
 * The data of the sidebar's settings, before anything trains: the training panel shows it as soon as a
 * dataset is chosen (Playground shows its data the same way). The points are generated exactly as the run
 * will generate them — the engine's loadData on the experiment's `data` with a fresh Rng of the settings'
 * seed, which an experiment draws from first (src/engine/experiment/experiment.ts) — so the preview is the
 * data the next run trains on, point for point. Each chosen feature comes with its thumbnail over the
 * plane, scaled by its largest |value| as the network view scales its inputs (src/worker/networkView.ts).
 * A DataPreviewSource keeps the current preview for the panel and fires only when the data changed (the
 * learning rate or the network do not change the data). No 'vscode' here.
 */
import { loadData } from '../../engine/experiment/dataSpec';
import { PLAYGROUND_FEATURES, playgroundGrid } from '../../engine/datasets/playground';
import { Rng } from '../../engine/rng';
import { Emitter, type Disposable, type Event } from '../../shared/emitter';
import type { HyperparamSettings } from '../../shared/hyperparams';
import { type Translate, renderMessage } from '../../shared/message';
import type { DataPreview } from '../../shared/protocol/panelProtocol';
import type { PlanePoints } from '../../shared/protocol/workerProtocol';
import { experimentFromSettings } from './experimentFromSettings';

/** The feature thumbnails' grid (as the network view's node thumbnails). */
export const PREVIEW_THUMB_DENSITY = 10;

const round = (v: number) => Math.round(v * 1000) / 1000;

/** What of the settings makes the data: a change elsewhere (layers, optimizer, epochs) keeps the preview. */
export function dataKey(s: HyperparamSettings): string {
  return JSON.stringify([s.dataset, s.noise, s.train_ratio, s.features, s.seed]);
}

/** The thumbnails of `features` over [−6, 6]², each scaled into [−1, 1] by its largest |value|. */
export function featureThumbs(features: readonly string[], density = PREVIEW_THUMB_DENSITY): number[][] {
  const grid = playgroundGrid(features, density);
  const n = density * density;
  return features.map((_f, j) => {
    const column = Array.from({ length: n }, (_, r) => grid[r * features.length + j]!);
    const max = Math.max(1e-12, ...column.map(Math.abs));
    return column.map((v) => round(v / max));
  });
}

/** The preview of `s` (the settings are valid: the sidebar's controller validated them). */
export async function dataPreview(s: HyperparamSettings, t: Translate): Promise<DataPreview> {
  const data = experimentFromSettings(s).data;
  // Playground data reads no file: an I/O that refuses everything.
  const io = {
    readTextFile: () => Promise.reject(new Error('Playground data reads no file')), resolvePath: (p: string) => p,
    mnist: { bundledDirectory: '', kerasNpzPath: null, mnistDataDirectory: null },
  };
  const loaded = await loadData(data, 'data', new Rng(s.seed), io);
  const flat = (ps: readonly { x: number; y: number; label: number }[]) => ps.flatMap((p) => [round(p.x), round(p.y), round(p.label)]);
  const points: PlanePoints = loaded.points ? { train: flat(loaded.points.train), validation: flat(loaded.points.validation) } : { train: [], validation: [] };
  const features = data.features.filter((f) => PLAYGROUND_FEATURES.has(f));
  return {
    description: renderMessage(loaded.description, t), task: loaded.train.task, points, features,
    featureThumbs: featureThumbs(features), thumbDensity: PREVIEW_THUMB_DENSITY,
  };
}

/** The preview of the sidebar's current settings, recomputed only when their data changed. */
export class DataPreviewSource implements Disposable {
  private key = '';
  private current: Promise<DataPreview | null> = Promise.resolve(null);
  private readonly emitter = new Emitter<void>();
  /** Fires when the data of the settings changed (then `preview()` gives the new one). */
  readonly onDidChange: Event<void> = this.emitter.event;

  constructor(private readonly t: Translate, private readonly log: { error(message: string, err?: unknown): void }) {}

  /** The sidebar's settings now (called at start and on every change). */
  follow(settings: HyperparamSettings): void {
    const key = dataKey(settings);
    if (key === this.key) return;
    this.key = key;
    this.current = dataPreview(settings, this.t).catch((err: unknown) => {
      this.log.error('data preview: cannot generate the sidebar\'s data', err);
      return null;
    });
    this.emitter.fire();
  }

  preview(): Promise<DataPreview | null> {
    return this.current;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
