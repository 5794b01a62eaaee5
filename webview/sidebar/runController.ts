/**
 * The sidebar's compact run controller, always in view at the top (sticky): Train, Pause or Resume,
 * Reset (Playground's: the current run again from the start) and Stop, each enabled only when it applies,
 * and a short status of the current run — its name, its status and epoch, and where it came from (the
 * run's own source: the sidebar, a code file, an experiment file, the course's exercises, a rerun). A
 * focused button that becomes disabled hands the focus to the control that now applies.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { SidebarRun, SidebarStrings, SidebarToHost } from '../../src/shared/protocol/webviewProtocol';
import { el } from '../common/dom';
import { fillTemplate } from '../common/format';

type Button = HTMLElementTagNameMap['vscode-button'];
const ACTIVE: readonly string[] = ['starting', 'running', 'paused'];

export class RunController {
  readonly element: HTMLElement;
  private readonly train: Button;
  private readonly pause: Button;
  private readonly reset: Button;
  private readonly stop: Button;
  private readonly name: HTMLElement;
  private readonly state: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly source: HTMLElement;
  private paused = false;

  /** `post` gets startTraining without settings: the sidebar adds its own (main.ts). */
  constructor(private readonly strings: SidebarStrings, post: (m: SidebarToHost | { type: 'startTraining' }) => void) {
    this.train = el('vscode-button', { id: 'train' }, strings.train);
    this.pause = el('vscode-button', { id: 'pause', secondary: true }, strings.pause);
    this.reset = el('vscode-button', { id: 'reset', secondary: true }, strings.reset);
    this.stop = el('vscode-button', { id: 'stop', secondary: true }, strings.stop);
    this.train.addEventListener('click', () => !this.train.disabled && post({ type: 'startTraining' }));
    this.pause.addEventListener('click', () => !this.pause.disabled && post({ type: this.paused ? 'resumeTraining' : 'pauseTraining' }));
    this.reset.addEventListener('click', () => !this.reset.disabled && post({ type: 'restartTraining' }));
    this.stop.addEventListener('click', () => !this.stop.disabled && post({ type: 'stopTraining' }));
    this.name = el('span', { class: 'hp-run-name' });
    this.state = el('span', { class: 'hp-run-state' });
    this.progress = el('span', { class: 'hp-run-progress' });
    this.source = el('div', { class: 'hp-run-source', id: 'run-source' });
    this.element = el('section', { class: 'hp-controller', 'aria-label': strings.runControls },
      el('div', { class: 'hp-buttons', role: 'toolbar', 'aria-label': strings.runControls }, this.train, this.pause, this.reset, this.stop),
      // Only the run's name and status word are a live region: the epoch count changes ten times a second
      // and would keep a screen reader talking.
      el('div', { id: 'run-status', class: 'hp-run' }, el('span', { role: 'status', 'aria-live': 'polite' }, this.name, this.state), this.progress, this.source));
  }

  show(run: SidebarRun | null, blocked: boolean): void {
    const active = run !== null && ACTIVE.includes(run.status);
    this.paused = run?.status === 'paused';
    const focused = [this.train, this.pause, this.reset, this.stop].find((b) => b === document.activeElement) ?? null;
    this.train.disabled = blocked;
    this.pause.disabled = !active || run?.status === 'starting';
    this.pause.textContent = this.paused ? this.strings.resume : this.strings.pause;
    this.reset.disabled = run === null;
    this.stop.disabled = !active;
    if (focused?.disabled) [this.pause, this.train, this.reset, this.stop].find((b) => !b.disabled)?.focus();
    if (!run) {
      this.name.textContent = this.strings.noRun;
      this.state.textContent = '';
      this.progress.textContent = '';
      this.source.textContent = '';
      return;
    }
    this.name.textContent = run.label;
    const progress = run.totalEpochs === null ? '' : ` · ${fillTemplate(this.strings.runProgress, run.epoch, run.totalEpochs)}`;
    this.state.textContent = ` · ${run.statusLabel}`;
    this.progress.textContent = progress;
    this.source.textContent = run.sourceText;
    this.source.title = run.statusText;
  }
}
