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

  show(run: RunView | null): void {
    const active = run !== null && (run.status === 'starting' || run.status === 'running' || run.status === 'paused');
    this.paused = run?.status === 'paused';
    this.stop.disabled = !active;
    this.pauseResume.disabled = !active || run?.status === 'starting';
    this.pauseResume.textContent = this.paused ? this.strings.resume : this.strings.pause;
    this.step.disabled = !this.paused;
    this.restart.disabled = run === null;
  }
}
