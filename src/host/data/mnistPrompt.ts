/**
 * The VS Code side of the MNIST gate (mnistGate.ts): the offer as a modal dialog (Download MNIST, Use
 * the 2,000-image subset, Choose a folder…), the download as a cancellable progress notification with
 * bytes and percent, the answers kept in the user's settings (hyperlab.mnist.whenMissing and
 * hyperlab.mnist.folder, machine-scoped: read from user or remote settings only, never from a
 * workspace), and the "HyperLab: Download MNIST" command. The download itself is src/data/mnistDownload.ts
 * over Node's https module, which VS Code routes through the proxy its settings name (httpTransport.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatBytes, percentDone } from '../../data/byteSize';
import type { DownloadError, DownloadProgress } from '../../data/download';
import { httpGet } from '../../data/httpTransport';
import { downloadMnist } from '../../data/mnistDownload';
import { MNIST_NPZ, defaultKerasPlaces, findFullMnist, kerasHome, mnistOrigin } from '../../engine/datasets/mnistCache';
import { CommandIds } from '../../shared/commandIds';
import type { WorkspaceTrustGate } from '../workspaceTrust';
import { type GateNotice, MnistGate, type MnistGatePorts, type OfferAnswer, WHEN_MISSING, type WhenMissing } from './mnistGate';

const SECTION = 'hyperlab.mnist';

/** A setting's value from the user's (or remote machine's) settings only: a workspace cannot set these. */
function userSetting<T>(key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return inspected?.globalValue;
}

export function createMnistGate(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, trust: WorkspaceTrustGate): MnistGate {
  const storage = context.globalStorageUri.fsPath;
  const places = () => defaultKerasPlaces(process.env);
  const ports: MnistGatePorts = {
    trusted: () => trust.trusted,
    whenMissing: () => {
      const v = userSetting<string>('whenMissing');
      return WHEN_MISSING.includes(v as WhenMissing) ? (v as WhenMissing) : 'ask';
    },
    remember: (answer) => vscode.workspace.getConfiguration(SECTION).update('whenMissing', answer, vscode.ConfigurationTarget.Global),
    rememberFolder: (folder) => vscode.workspace.getConfiguration(SECTION).update('folder', folder, vscode.ConfigurationTarget.Global),
    search: () => {
      const folder = userSetting<string>('folder');
      return findFullMnist({ places: places(), origin: mnistOrigin(), extraNpz: [path.join(storage, MNIST_NPZ)], ...(folder ? { folder } : {}) });
    },
    offer: async ({ damaged }) => offer(await kerasHome(places()), damaged),
    chooseFolder: async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
        openLabel: vscode.l10n.t('Use This Folder'), title: vscode.l10n.t('A folder with mnist.npz or the four MNIST IDX files'),
      });
      return picked?.[0]?.fsPath;
    },
    download: () => downloadWithProgress(places(), storage, log),
    notify: (notice) => notify(notice, log),
  };
  return new MnistGate(ports);
}

/** "HyperLab: Download MNIST"; refused in Restricted Mode (nothing is downloaded for an untrusted workspace). */
export function registerMnistCommand(gate: MnistGate, trust: WorkspaceTrustGate): vscode.Disposable {
  return vscode.commands.registerCommand(CommandIds.downloadMnist, () => (trust.allows('downloadMnist') ? gate.downloadCommand() : undefined));
}

async function offer(kerasDir: string, damaged: readonly string[]): Promise<OfferAnswer | undefined> {
  const bytes = mnistOrigin().bytes;
  const download = bytes === null ? vscode.l10n.t('Download MNIST') : vscode.l10n.t('Download MNIST ({0})', formatBytes(bytes));
  const subset = vscode.l10n.t('Use the 2,000-image subset');
  const folder = vscode.l10n.t('Choose a folder…');
  const detail = [
    ...damaged.map((file) => vscode.l10n.t('{0} is damaged (its SHA-256 is not that of Keras\' file): a download replaces it.', file)),
    vscode.l10n.t('HyperLab can download the mnist.npz that Keras\' mnist.load_data() uses, into Keras\' cache ({0}), so Keras and HyperLab share one copy. Without it, MNIST runs use a subset of 2,000 training and 500 test images and land far from the lecture\'s accuracy.', path.join(kerasDir, 'datasets')),
    vscode.l10n.t('Your answer is kept in the setting hyperlab.mnist.whenMissing.'),
  ].join('\n\n');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('The full MNIST (60,000 training and 10,000 test images) is not on this computer.'), { modal: true, detail }, download, subset, folder,
  );
  return choice === download ? 'download' : choice === subset ? 'subset' : choice === folder ? 'folder' : undefined;
}

/** The download in a cancellable notification: "5.2 MB of 11.5 MB (45%)". */
function downloadWithProgress(places: ReturnType<typeof defaultKerasPlaces>, storage: string, log: vscode.LogOutputChannel) {
  const origin = mnistOrigin();
  log.info(`MNIST: downloading ${origin.url}`);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading MNIST'), cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    let shownPercent = 0, lastReport = 0;
    const onProgress = (p: DownloadProgress) => {
      const now = Date.now();
      const percent = p.total === null ? null : percentDone(p.received, p.total);
      if (percent === shownPercent || (percent === null && now - lastReport < 250)) return;
      lastReport = now;
      const message = p.total === null ? formatBytes(p.received) : vscode.l10n.t('{0} of {1} ({2}%)', formatBytes(p.received), formatBytes(p.total), percent ?? 0);
      progress.report({ message, ...(percent === null ? {} : { increment: percent - shownPercent }) });
      if (percent !== null) shownPercent = percent;
    };
    try {
      const result = await downloadMnist({ places, origin, get: httpGet(), fallbackDir: storage, signal: abort.signal, onProgress });
      log.info(`MNIST: saved ${result.path} (${result.bytes} bytes, SHA-256 ${result.sha256})`);
      return result;
    } catch (e) {
      log.warn(`MNIST: download failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    } finally {
      cancel.dispose();
    }
  });
}

function notify(notice: GateNotice, log: vscode.LogOutputChannel): void {
  const shown = (p: Thenable<unknown>) => p.then(undefined, (err: unknown) => log.error('notification failed', err));
  switch (notice.type) {
    case 'downloaded':
      shown(vscode.window.showInformationMessage(notice.result.where === 'keras'
        ? vscode.l10n.t('MNIST downloaded to {0}; Keras\' mnist.load_data() uses the same file.', notice.result.path)
        : vscode.l10n.t('MNIST downloaded to {0} (Keras\' cache folder could not be written).', notice.result.path)));
      return;
    case 'downloadCancelled':
      shown(vscode.window.showInformationMessage(vscode.l10n.t('MNIST download cancelled: nothing was saved and nothing was trained.')));
      return;
    case 'downloadFailed': {
      const retry = vscode.l10n.t('Retry'), always = vscode.l10n.t('Always Use the Subset');
      shown(vscode.window.showErrorMessage(vscode.l10n.t('Could not download MNIST: {0} This run trains on the 2,000-image subset.', failureText(notice.error)), retry, always).then(async (choice) => {
        if (choice === retry) await vscode.commands.executeCommand(CommandIds.downloadMnist);
        if (choice === always) await vscode.workspace.getConfiguration(SECTION).update('whenMissing', 'subset', vscode.ConfigurationTarget.Global);
      }));
      return;
    }
    case 'folderProblem':
      shown(vscode.window.showWarningMessage(vscode.l10n.t('The MNIST folder of the setting hyperlab.mnist.folder is not used: {0}.', notice.problem)));
      return;
    case 'chosenFolderProblem':
      shown(vscode.window.showErrorMessage(vscode.l10n.t('That folder does not hold MNIST: {0}.', notice.problem)));
      return;
    case 'alreadyThere':
      shown(vscode.window.showInformationMessage(vscode.l10n.t('The full MNIST is already on this computer: {0}.', notice.location)));
      return;
  }
}

/** Why a download failed, in the editor's language (the details come from the system or the server). */
function failureText(e: DownloadError): string {
  const d = e.details;
  const host = (() => {
    try {
      return new URL(d.url).host;
    } catch {
      return d.url;
    }
  })();
  switch (e.kind) {
    case 'offline': return vscode.l10n.t('cannot reach {0} ({1}). Are you offline? Behind a proxy, set http.proxy in the settings.', host, d.code ?? '?');
    case 'http': return vscode.l10n.t('{0} answered HTTP {1}.', host, d.status ?? '?');
    case 'truncated': return vscode.l10n.t('the connection ended after {0} of {1}.', formatBytes(d.received ?? 0), d.total ? formatBytes(d.total) : '?');
    case 'stalled': return vscode.l10n.t('{0} stopped sending.', host);
    case 'hash': return vscode.l10n.t('the file received for {0} has SHA-256 {1}, not {2}; it was not saved.', d.target, d.actual ?? '?', d.expected ?? '?');
    case 'too-large': return vscode.l10n.t('{0} sent more data than MNIST has.', host);
    case 'write': return vscode.l10n.t('cannot write {0} ({1}).', d.target, d.code ?? e.message);
    case 'proxy': case 'connection': case 'redirects': case 'cancelled': return vscode.l10n.t('{0}.', e.message);
  }
}
