/**
 * What the one-screen lab shows, decided from the panel's model: the layout, the data column's points
 * and features, the output view's points and heatmap, the network, and whether the confusion matrix's
 * place is kept. The sidebar's data (the preview) shows when no run is shown, while a 2-D run has not
 * sent its points yet, and after a run ended when the sidebar's data changed since (as Playground shows
 * new data at once). Pure: main.ts applies it to the views.
 */
import type { DataPreview } from '../../src/shared/protocol/panelProtocol';
import type { Boundary, NetworkView } from '../../src/shared/protocol/workerProtocol';
import { type ShownData, fromPreview } from './dataView';
import type { PlaneData } from './decisionBoundary';
import type { LayoutKind } from './labLayout';
import type { PanelModel } from './panelModel';

export interface LabView {
  readonly layout: LayoutKind;
  readonly data: ShownData | null;
  readonly plane: PlaneData | null;
  readonly boundary: Boundary | null;
  readonly network: NetworkView | null;
  /** A network view will come (a 2-D run, or the data of one): the network column keeps its place. */
  readonly networkExpected: boolean;
  readonly reserveConfusion: boolean;
}

const ACTIVE = ['starting', 'running', 'paused'];
const previews = new WeakMap<DataPreview, ShownData>();

function previewData(p: DataPreview): ShownData {
  let d = previews.get(p);
  if (!d) previews.set(p, (d = fromPreview(p)));
  return d;
}

export function labView(model: PanelModel): LabView {
  const live = model.live, focus = model.focus, main = live ?? focus, preview = model.preview;
  const active = live !== null && ACTIVE.includes(live.status.status);
  // A classifier's matrix keeps its place while its live run trains (no jump when it comes at the end);
  // a stored run, or one that ended without a matrix, gets none and keeps no empty place.
  const reserveConfusion = main !== null && main.info.task !== 'regression' && main.info.live && ACTIVE.includes(main.status.status);
  const usePreview = preview !== null && (main === null || (!active && model.previewNewer) || (main.info.planeData && main.info.points === null));
  // The boundary belongs to the live run (stored runs keep no boundary).
  const boundary = focus?.info.live ? model.boundary : null;
  const network = main?.info.planeData ? boundary?.network ?? null : null;
  if (usePreview) {
    return {
      layout: 'plane', data: previewData(preview), plane: { points: preview.points, task: preview.task }, boundary: null, network,
      networkExpected: true, reserveConfusion: reserveConfusion && main?.info.planeData === true,
    };
  }
  if (main?.info.planeData) {
    const points = focus?.info.points ?? main.info.points;
    const features = network ? network.inputs.map((name, i) => ({ name, values: network.inputThumbs[i]! })) : [];
    const data: ShownData | null = points ? { points, task: main.info.task, caption: main.info.title, preview: false, features, thumbDensity: network?.thumbDensity ?? 1 } : null;
    return { layout: 'plane', data, plane: points ? { points, task: main.info.task } : null, boundary, network, networkExpected: true, reserveConfusion };
  }
  return { layout: main === null && preview !== null ? 'plane' : 'general', data: null, plane: null, boundary: null, network: null, networkExpected: false, reserveConfusion };
}
