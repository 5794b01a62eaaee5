/**
 * The panel's run controls: Stop, and Pause or Resume, enabled only while a run is active. Each click
 * posts the matching request; the host answers with the run's new state.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { PanelStrings, PanelToHost, RunView } from '../../src/shared/protocol/webviewProtocol';
import { el } from '../common/dom';

type Button = HTMLElement & { disabled: boolean };

export class RunControls {
  readonly element: HTMLElement;
  private readonly stop: Button;
  private readonly pauseResume: Button;
  private paused = false;

  constructor(private readonly strings: PanelStrings, post: (m: PanelToHost) => void) {
    this.stop = el('vscode-button', { id: 'stop-run', secondary: true }, strings.stop);
    this.pauseResume = el('vscode-button', { id: 'pause-run', secondary: true }, strings.pause);
    this.stop.addEventListener('click', () => post({ type: 'stopTraining' }));
    this.pauseResume.addEventListener('click', () => post({ type: this.paused ? 'resumeTraining' : 'pauseTraining' }));
    this.element = el('div', { class: 'run-controls' }, this.pauseResume, this.stop);
    this.show(null);
  }

  show(run: RunView | null): void {
    const active = run !== null && (run.status === 'starting' || run.status === 'running' || run.status === 'paused');
    this.paused = run?.status === 'paused';
    this.stop.disabled = !active;
    this.pauseResume.disabled = !active || run?.status === 'starting';
    this.pauseResume.textContent = this.paused ? this.strings.resume : this.strings.pause;
  }
}
