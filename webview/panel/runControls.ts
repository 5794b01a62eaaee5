/**
 * The panel's run controls for the live run: Pause or Resume, Step one epoch, Stop and Restart, each
 * enabled only when it applies, and the speed (Playground's watchable pace up to as fast as possible).
 * Each click posts the matching request; the host answers with the run's new status.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { PACES, type PanelStrings, type PanelToHost, type RunStatusView } from '../../src/shared/protocol/panelProtocol';
import { el } from '../common/dom';

type Button = HTMLElement & { disabled: boolean };

export class RunControls {
  readonly element: HTMLElement;
  private readonly stop: Button;
  private readonly pauseResume: Button;
  private readonly step: Button;
  private readonly restart: Button;
  private paused = false;
  private readonly speed: HTMLSelectElement;

  constructor(private readonly strings: PanelStrings, post: (m: PanelToHost) => void) {
    this.stop = el('vscode-button', { id: 'stop-run', secondary: true }, strings.stop);
    this.pauseResume = el('vscode-button', { id: 'pause-run', secondary: true }, strings.pause);
    this.stop.addEventListener('click', () => post({ type: 'stopTraining' }));
    this.step = el('vscode-button', { id: 'step-run', secondary: true, title: strings.step }, strings.step);
    this.restart = el('vscode-button', { id: 'restart-run', secondary: true }, strings.restart);
    this.pauseResume.addEventListener('click', () => post({ type: this.paused ? 'resumeTraining' : 'pauseTraining' }));
    this.step.addEventListener('click', () => post({ type: 'stepTraining' }));
    this.restart.addEventListener('click', () => post({ type: 'restartTraining' }));
    const names: Record<(typeof PACES)[number], string> = { 10: strings.speedSlow, 60: strings.speedWatchable, 300: strings.speedFast, 0: strings.speedMax };
    this.speed = el('select', { id: 'speed' }, ...PACES.map((p) => el('option', { value: String(p) }, names[p])));
    this.speed.value = '60'; // Playground's watchable pace, the sidebar's and the walkthrough's default, until a run says its own
    this.speed.addEventListener('change', () => {
      const pace = PACES.find((p) => String(p) === this.speed.value);
      if (pace !== undefined) post({ type: 'setPace', epochsPerSecond: pace });
    });
    this.element = el('div', { class: 'run-controls', role: 'toolbar', 'aria-label': strings.runControls }, this.pauseResume, this.step, this.stop, this.restart,
      el('label', { class: 'speed' }, strings.speed, this.speed));
    this.show(null);
  }

  /** The live run's status (null: no live run). */
  show(status: RunStatusView | null): void {
    const s = status?.status;
    const active = s === 'starting' || s === 'running' || s === 'paused';
    this.paused = s === 'paused';
    const focused = [this.pauseResume, this.step, this.stop, this.restart].find((b) => b === document.activeElement) ?? null;
    this.stop.disabled = !active;
    this.pauseResume.disabled = !active || s === 'starting';
    this.pauseResume.textContent = this.paused ? this.strings.resume : this.strings.pause;
    this.step.disabled = !this.paused;
    this.restart.disabled = status === null;
    // A focused button that became disabled (Step once the epoch runs, Stop once stopped) hands its focus to the
    // control that now applies, instead of dropping it to the page.
    if (focused?.disabled) [this.pauseResume, this.step, this.restart, this.stop].find((b) => !b.disabled)?.focus();
    if (status?.pace !== null && status?.pace !== undefined && document.activeElement !== this.speed) {
      // A pace the list does not offer (none today) shows as the nearest faster one.
      this.speed.value = String(PACES.find((p) => p !== 0 && p >= status.pace!) ?? 0);
      if (status.pace === 0) this.speed.value = '0';
    }
  }
}
