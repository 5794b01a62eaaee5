/**
 * The panel's run controls for the live run: Pause or Resume, Step one epoch, Stop and Restart, each
 * enabled only when it applies. Each click posts the matching request; the host answers with the run's
 * new status.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { PanelStrings, PanelToHost, RunStatusView } from '../../src/shared/protocol/panelProtocol';
import { el } from '../common/dom';

type Button = HTMLElement & { disabled: boolean };

export class RunControls {
  readonly element: HTMLElement;
  private readonly stop: Button;
  private readonly pauseResume: Button;
  private readonly step: Button;
  private readonly restart: Button;
  private paused = false;

  constructor(private readonly strings: PanelStrings, post: (m: PanelToHost) => void) {
    this.stop = el('vscode-button', { id: 'stop-run', secondary: true }, strings.stop);
    this.pauseResume = el('vscode-button', { id: 'pause-run', secondary: true }, strings.pause);
    this.stop.addEventListener('click', () => post({ type: 'stopTraining' }));
    this.step = el('vscode-button', { id: 'step-run', secondary: true, title: strings.step }, strings.step);
    this.restart = el('vscode-button', { id: 'restart-run', secondary: true }, strings.restart);
    this.pauseResume.addEventListener('click', () => post({ type: this.paused ? 'resumeTraining' : 'pauseTraining' }));
    this.step.addEventListener('click', () => post({ type: 'stepTraining' }));
    this.restart.addEventListener('click', () => post({ type: 'restartTraining' }));
    this.element = el('div', { class: 'run-controls' }, this.pauseResume, this.step, this.stop, this.restart);
    this.show(null);
  }

  /** The live run's status (null: no live run). */
  show(status: RunStatusView | null): void {
    const s = status?.status;
    const active = s === 'starting' || s === 'running' || s === 'paused';
    this.paused = s === 'paused';
    this.stop.disabled = !active;
    this.pauseResume.disabled = !active || s === 'starting';
    this.pauseResume.textContent = this.paused ? this.strings.resume : this.strings.pause;
    this.step.disabled = !this.paused;
    this.restart.disabled = status === null;
  }
}
