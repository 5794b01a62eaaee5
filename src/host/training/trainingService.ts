/**
 * The extension's one current training run, shared by the commands, the training panel and the status
 * bar (it lives as long as the extension; each run lives as long as itself). Starting while a run is
 * active asks the user first. The finish or failure is announced with a notification.
 */
import * as vscode from 'vscode';
import { experimentDiff } from '../../shared/experimentDiff';
import { type RunRequest, type RunState, TrainingRun } from './trainingRun';

/** Runs still going after this long get a progress notification. */
const LONG_RUN_MS = 4000;

export class TrainingService implements vscode.Disposable {
  private run: TrainingRun | null = null;
  /** The run before the current one, drawn as a faint ghost, and what changed since. */
  private previous: { readonly state: RunState; readonly changes: readonly string[] } | null = null;
  private runSubscription: vscode.Disposable | null = null;
  private readonly emitter = new vscode.EventEmitter<RunState | null>();
  /** Fires on every change of the current run's state (about ten times a second while training). */
  readonly onDidChangeRun = this.emitter.event;

  constructor(
    private readonly extensionRoot: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly openPanel: () => void,
    /** Completes a request before it starts (the MNIST gate: find, offer or download the full set); undefined cancels it. */
    private readonly prepare: (request: RunRequest) => Promise<RunRequest | undefined> = (request) => Promise.resolve(request),
  ) {}

  get state(): RunState | null {
    return this.run?.state ?? null;
  }

  get ghost(): { readonly state: RunState; readonly changes: readonly string[] } | null {
    return this.previous;
  }

  /** Starts `request`; resolves false when the user kept the active run instead. */
  async start(request: RunRequest): Promise<boolean> {
    // A run that is only finishing its Stop needs no question.
    if (this.run?.isActive && !this.run.isStopping) {
      const restart = vscode.l10n.t('Stop and Restart');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('"{0}" is still training. Stop it and start "{1}"?', this.run.state.label, request.label),
        { modal: true },
        restart,
      );
      if (choice !== restart) return false;
    }
    const prepared = await this.prepare(request);
    if (!prepared) return false;
    this.replaceRun(new TrainingRun(prepared, this.extensionRoot, this.log));
    this.openPanel();
    return true;
  }

  pause(): void {
    this.run?.pause();
  }

  resume(): void {
    this.run?.resume();
  }

  /** Ends the current run's worker abruptly, as a crash would (a testing aid, exposed by the extension's API). */
  simulateWorkerCrash(): void {
    this.run?.terminateWorker();
  }

  /** A live learning-rate change for the current run (no effect when none trains). */
  setLearningRate(lr: number): void {
    this.run?.setLearningRate(lr);
  }

  stepEpoch(): void {
    this.run?.stepEpoch();
  }

  /** Starts `request` in place of the current run without asking (the user changed that run's network). */
  replace(request: RunRequest): void {
    this.run?.stop();
    this.replaceRun(new TrainingRun(request, this.extensionRoot, this.log));
  }

  /** Playground's Reset: the same experiment again from new initial weights of the same seed (a fresh run). */
  restart(): void {
    if (!this.run) return;
    const request = this.run.runRequest;
    this.run.stop();
    this.replaceRun(new TrainingRun(request, this.extensionRoot, this.log));
  }

  stop(): void {
    this.run?.stop();
  }

  private replaceRun(run: TrainingRun): void {
    this.runSubscription?.dispose();
    if (this.run && this.run.state.epochs.length > 0) {
      this.previous = { state: this.run.state, changes: experimentDiff(this.run.experiment, run.experiment) };
    }
    this.run?.dispose();
    this.run = run;
    let wasActive = true;
    this.runSubscription = run.onDidChange((state) => {
      this.emitter.fire(state);
      if (wasActive && !run.isActive) {
        wasActive = false;
        this.announce(state);
      }
    });
    run.start();
    this.emitter.fire(run.state);
    const timer = setTimeout(() => this.showProgress(run), LONG_RUN_MS);
    run.onDidChange(() => {
      if (!run.isActive) clearTimeout(timer);
    });
  }

  /** A cancellable progress notification for runs that last (Cancel stops the run). */
  private showProgress(run: TrainingRun): void {
    if (!run.isActive || this.run !== run) return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `HyperLab: ${run.state.label}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          token.onCancellationRequested(() => run.stop());
          let reported = 0;
          const update = () => {
            const s = run.state;
            const done = s.epochs.length;
            if (s.totalEpochs && done > reported) {
              progress.report({ increment: ((done - reported) / s.totalEpochs) * 100, message: vscode.l10n.t('epoch {0} of {1}', done, s.totalEpochs) });
              reported = done;
            }
            if (!run.isActive || this.run !== run) {
              sub.dispose();
              resolve();
            }
          };
          const sub = run.onDidChange(update);
          update();
        }),
    );
  }

  private announce(state: RunState): void {
    const open = vscode.l10n.t('Open Panel'), showLog = vscode.l10n.t('Show Log');
    const text = `HyperLab: ${state.label}: ${state.message ?? state.status}`;
    const shown = state.status === 'failed' ? vscode.window.showErrorMessage(text, open, showLog) : vscode.window.showInformationMessage(text, open);
    shown.then((choice) => {
      if (choice === open) this.openPanel();
      if (choice === showLog) this.log.show();
    }, (err: unknown) => this.log.error('notification failed', err));
  }

  dispose(): void {
    this.runSubscription?.dispose();
    this.run?.dispose();
    this.emitter.dispose();
  }
}
