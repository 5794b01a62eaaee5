/**
 * The host side of the hyperparameter sidebar, free of 'vscode' so unit tests drive it with fakes. It owns
 * the settings: the webview renders them and sends edits, which it checks (the guard validates the
 * settings against the schema again) and stores in the workspace's storage; settings replaced from the
 * host (Load from Code, an exercise) are pushed to the view at once. It answers `ready` with the snapshot,
 * trains the settings through TrainingService, pauses, resumes, resets (restarts) and stops the current
 * run, and forwards a learning-rate change to a run the sidebar started (Playground applies it live). It lives as long as the extension; views come and go.
 */
import type { HyperparamSettings } from '../../shared/hyperparams';
import { type SettingsProblem, defaultSettings, restoreSettings, validateSettings } from '../../shared/hyperparamSettings';
import { assertNever, isRecord } from '../../shared/protocol/guards';
import { type HostToSidebar, type SidebarRun, type SidebarStrings, type SidebarToHost, isSidebarToHost } from '../../shared/protocol/webviewProtocol';
import { isActiveStatus } from '../training/runStatus';
import type { RunRequest } from '../training/trainingRun';
import { experimentFromSettings } from './experimentFromSettings';

/** The workspaceState key of the sidebar's settings. */
export const SETTINGS_KEY = 'hyperlab.sidebar.settings';
/** Runs started here are labelled "Sidebar: <dataset>". */
export const SIDEBAR_RUN_PREFIX = 'Sidebar: ';

/** Everything but the learning rate and the epoch count changes the network or its data (Playground resets). */
function structuralChange(a: HyperparamSettings, b: HyperparamSettings): boolean {
  const strip = ({ learning_rate: _lr, epochs: _e, ...rest }: HyperparamSettings) => JSON.stringify(rest);
  return strip(a) !== strip(b);
}

const runKey = (run: SidebarRun | null): string => (run ? JSON.stringify(run) : '');

export interface SidebarPorts {
  /** Posts to the view if one is showing; resolves false when none is (or it refused the message). */
  post(message: HostToSidebar): PromiseLike<boolean>;
  /** The workspace's storage (vscode.Memento). */
  readonly memento: { get(key: string): unknown; update(key: string, value: unknown): PromiseLike<void> };
  readonly training: {
    start(request: RunRequest): PromiseLike<boolean>;
    /** Replaces the active run with this one without asking (a change the user just made to it). */
    replace(request: RunRequest): PromiseLike<void>;
    stop(): void;
    pause(): void;
    resume(): void;
    /** Playground's Reset: the current run again from the start. */
    restart(): PromiseLike<void>;
    setLearningRate(lr: number): void;
  };
  /** The current (or last) run, or null before the first. */
  currentRun(): SidebarRun | null;
  openTrainingPanel(): PromiseLike<unknown>;
  strings(): SidebarStrings;
  /** The display language for our numbers (displayLanguage.ts). */
  locale(): string;
  texts(): Record<string, string>;
  /** Localized lines for the user, one per problem. */
  describeProblems(problems: readonly SettingsProblem[]): string[];
  readonly log: { warn(message: string): void; error(message: string, err: unknown): void };
  /** Called once the snapshot reached the view (the `ready` handshake is complete). */
  markReady(): void;
  /** Folder that relative data paths resolve against (Playground data needs none). */
  readonly baseDir: string;
  /** Told the settings at start and after every change (the training panel's data preview follows them). */
  onSettings?(settings: HyperparamSettings): void;
}


export class SidebarController {
  private current: HyperparamSettings;
  private lastRunKey = '';

  constructor(private readonly ports: SidebarPorts) {
    const stored = ports.memento.get(SETTINGS_KEY);
    this.current = stored === undefined ? defaultSettings() : restoreSettings(stored);
    ports.onSettings?.(this.current);
  }

  get settings(): HyperparamSettings {
    return this.current;
  }

  /** Handles one message from the webview, checked here first: anything malformed is logged and refused. */
  async handle(raw: unknown): Promise<void> {
    if (!isSidebarToHost(raw)) return this.refuse(raw);
    const message: SidebarToHost = raw;
    switch (message.type) {
      case 'ready':
        return this.sendSnapshot(message.settings);
      case 'updateSettings':
        return this.update(message.settings);
      case 'startTraining':
        await this.update(message.settings);
        return this.train();
      case 'stopTraining':
        this.ports.training.stop();
        return;
      case 'pauseTraining':
        this.ports.training.pause();
        return;
      case 'resumeTraining':
        this.ports.training.resume();
        return;
      case 'restartTraining':
        await this.ports.training.restart();
        return;
      case 'openTrainingPanel':
        await this.ports.openTrainingPanel();
        return;
      default:
        assertNever(message);
    }
  }

  /**
   * Replaces the settings from the host's side (Load from Code, a walkthrough exercise): stored, applied to
   * a running sidebar run as an edit would be, and shown by the view at once. Returns the problems of
   * invalid settings (nothing changes then).
   */
  async load(next: HyperparamSettings): Promise<readonly SettingsProblem[]> {
    const problems = validateSettings(next);
    if (problems.length > 0) return problems;
    await this.update(next);
    this.post({ type: 'didUpdateSettings', settings: next });
    return [];
  }

  /** Posts the run's state when its status or epoch changed since the last post (runs fire about 10 times a second). */
  runChanged(): void {
    const run = this.ports.currentRun();
    const key = runKey(run);
    if (key === this.lastRunKey) return;
    this.lastRunKey = key;
    this.post({ type: 'didUpdateRun', run });
  }

  private async sendSnapshot(fromWebview: HyperparamSettings | null): Promise<void> {
    // The workspace's copy wins; the webview's own copy fills in when the workspace has none.
    if (this.ports.memento.get(SETTINGS_KEY) === undefined && fromWebview) await this.update(fromWebview);
    const run = this.ports.currentRun();
    this.lastRunKey = runKey(run);
    const snapshot = { strings: this.ports.strings(), locale: this.ports.locale(), texts: this.ports.texts(), settings: this.current, run };
    if (await this.ports.post({ type: 'didLoadSnapshot', snapshot })) this.ports.markReady();
  }

  private async update(next: HyperparamSettings): Promise<void> {
    const before = this.current;
    this.current = next;
    this.ports.onSettings?.(next);
    const run = this.ports.currentRun();
    const running = run?.source === 'sidebar' && isActiveStatus(run.status);
    if (running && structuralChange(before, next)) {
      // Playground: a change to the network or the data resets it; the run starts again with the change.
      await this.ports.training.replace(this.request(next));
    } else if (running && next.learning_rate !== before.learning_rate) {
      // Playground: the learning rate applies at once, to the running network.
      this.ports.training.setLearningRate(next.learning_rate);
    }
    await this.ports.memento.update(SETTINGS_KEY, next);
  }

  private request(s: HyperparamSettings) {
    return { label: `${SIDEBAR_RUN_PREFIX}${s.dataset}`, experiment: experimentFromSettings(s), baseDir: this.ports.baseDir, source: { kind: 'sidebar' as const } };
  }

  private async train(): Promise<void> {
    await this.ports.training.start(this.request(this.current));
  }

  private refuse(raw: unknown): void {
    this.ports.log.warn(`sidebar: ignored a malformed message ${JSON.stringify(raw)?.slice(0, 500)}`);
    if (isRecord(raw) && (raw.type === 'updateSettings' || raw.type === 'startTraining')) {
      const problems = validateSettings(raw.settings);
      if (problems.length > 0) this.post({ type: 'didRejectSettings', problems: this.ports.describeProblems(problems) });
    }
  }

  private post(message: HostToSidebar): void {
    this.ports.post(message).then(undefined, (err: unknown) => this.ports.log.error('sidebar: postMessage failed', err));
  }
}
