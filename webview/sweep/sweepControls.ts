/**
 * The sweep view's buttons: Pause or Resume and Cancel while the sweep runs, and always Read the journal
 * again, Open sweep file and Export as Optuna script (when the sweep has a file). Each posts a request;
 * the host's answer comes back as the sweep's new state.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { SweepInfoView, SweepStrings, SweepToHost } from '../../src/shared/protocol/sweepProtocol';
import { el } from '../common/dom';

export class SweepControls {
  readonly element: HTMLElement;
  private readonly pause: HTMLElement;
  private readonly resume: HTMLElement;
  private readonly cancel: HTMLElement;
  private readonly openFile: HTMLElement;
  private readonly exportScript: HTMLElement;

  constructor(strings: SweepStrings, post: (m: SweepToHost) => void) {
    const button = (id: string, text: string, icon: string, message: SweepToHost, secondary = false) => {
      const b = el('vscode-button', { id, icon, secondary, 'aria-label': text }, text);
      b.addEventListener('click', () => post(message));
      return b;
    };
    this.pause = button('pause-sweep', strings.pause, 'debug-pause', { type: 'pauseSweep' });
    this.resume = button('resume-sweep', strings.resume, 'debug-continue', { type: 'resumeSweep' });
    this.cancel = button('cancel-sweep', strings.cancel, 'debug-stop', { type: 'cancelSweep' }, true);
    const refresh = button('refresh-sweep', strings.refresh, 'refresh', { type: 'refreshSweep' }, true);
    this.openFile = button('open-sweep-file', strings.openFile, 'go-to-file', { type: 'openSweepFile' }, true);
    this.exportScript = button('export-sweep', strings.exportScript, 'export', { type: 'exportSweepScript' }, true);
    this.element = el('div', { class: 'sweep-controls', role: 'toolbar' }, this.pause, this.resume, this.cancel, refresh, this.openFile, this.exportScript);
  }

  show(info: SweepInfoView | null): void {
    const state = info?.state ?? 'idle';
    this.pause.hidden = state !== 'running' && state !== 'starting';
    this.resume.hidden = state !== 'paused';
    this.cancel.hidden = !(state === 'running' || state === 'paused' || state === 'starting');
    this.openFile.hidden = info?.file == null;
    this.exportScript.hidden = info?.file == null;
  }
}
