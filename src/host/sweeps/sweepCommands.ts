/**
 * The sweep commands: Run Sweep on a `*.sweep.json` (the plan first — trials and epochs — with "run all"
 * or a cap), Pause, Resume and Cancel the running sweep, Show Sweep (a sweep file's study from its
 * journal, or the running one), and Export Sweep as Optuna Script behind a save dialog. Commands run from
 * tests take their answers as an argument instead of asking ({trials}, {target}). Each command resolves
 * when its work is done: Run Sweep with how the sweep ended.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ConfigError } from '../../engine/configError';
import { CommandIds } from '../../shared/commandIds';
import { renderMessage } from '../../shared/message';
import { writeFileAtomic } from '../../storage/atomicFile';
import { optunaScript } from '../../sweeps/optunaScript';
import { ATTR } from '../../sweeps/sweepController';
import { type SweepFile, loadSweepFile } from '../../sweeps/sweepFile';
import { readStudy } from '../../sweeps/studyTable';
import { hostTranslate } from '../displayLanguage';
import type { HostContext } from '../hostContext';
import { SweepPanel } from './sweepPanel';
import { capItems, checkCap, planTitle } from './sweepPlanText';
import type { SweepOutcome, SweepService } from './sweepService';
import { sweepStorage } from './sweepViews';

/** What a test (or another extension) may pass instead of answering the dialogs. */
export interface RunSweepOptions {
  /** Trials this run adds ('all': up to max_trials). */
  readonly trials?: number | 'all';
  readonly workers?: number;
}

export interface SweepCommandDeps {
  readonly ctx: HostContext;
  readonly sweeps: SweepService;
  /** The sweeps folder now (hyperlab.sweeps.folder). */
  readonly sweepsDir: () => string;
}

/** A sweep file's error in the display language (a definition error is a translatable message). */
export function describeSweepError(e: unknown): string {
  if (e instanceof ConfigError) return renderMessage(e.text, hostTranslate());
  return e instanceof Error ? e.message : String(e);
}

async function pickSweepFile(arg: unknown, openLabel: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.file(arg);
  const active = vscode.window.activeTextEditor?.document;
  if (active && /\.sweep\.json$/i.test(active.uri.path)) return active.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Sweep files')]: ['sweep.json', 'json'] }, openLabel });
  return picked?.[0];
}

/** Loads a sweep file, saving its open editor first (the sweep reads the file); null after showing why not. */
async function loadSweep(uri: vscode.Uri): Promise<SweepFile | null> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  try {
    return loadSweepFile(uri.fsPath);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot run the sweep {0}: {1}', path.basename(uri.fsPath), describeSweepError(e)));
    return null;
  }
}

/** The trials of a study that count toward max_trials (not those failed as interrupted); 0 without a journal. */
export async function countedTrials(storage: string, study: string): Promise<number> {
  if (!fs.existsSync(storage)) return 0;
  const s = await readStudy(storage, study);
  return s ? s.trials.filter((t) => t.userAttrs[ATTR.interrupted] !== true).length : 0;
}

/** The plan, then "run all" or a cap: the trials this run adds, or undefined when the user backed out. */
async function askTrials(sf: SweepFile, existing: number): Promise<number | undefined> {
  const t = hostTranslate();
  const def = sf.definition;
  const picked = await vscode.window.showQuickPick(capItems(def, existing, t).map((i) => ({ ...i, detail: i.detail })), { title: planTitle(def, existing, t), placeHolder: vscode.l10n.t('How many trials should this run add?') });
  if (!picked) return undefined;
  if (picked.choice.kind === 'all') return picked.choice.trials;
  const text = await vscode.window.showInputBox({
    title: planTitle(def, existing, t), prompt: vscode.l10n.t('Trials to run now'), value: String(Math.min(10, Math.max(1, def.maxTrials - existing))),
    validateInput: (v) => checkCap(v, def, existing, t),
  });
  return text === undefined ? undefined : Number(text.trim());
}

/** When a sweep runs already: asks to cancel it first; resolves true once it has ended. */
async function makeRoom(sweeps: SweepService, next: string): Promise<boolean> {
  if (!sweeps.running) return true;
  const running = sweeps.session?.description.study ?? '?';
  const cancel = vscode.l10n.t('Cancel It and Start');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('The sweep {0} is still running. Cancel it and start {1}?', running, next), { modal: true }, cancel);
  if (choice !== cancel) return false;
  const ended = new Promise<void>((resolve) => {
    const sub = sweeps.onDidEnd(() => {
      sub.dispose();
      resolve();
    });
  });
  sweeps.cancel();
  await ended;
  return true;
}

function announce(deps: SweepCommandDeps, outcome: SweepOutcome): void {
  const session = deps.sweeps.session;
  if (outcome.type === 'abandoned' || outcome.state === 'cancelled' || !session) return;
  const show = vscode.l10n.t('Show Sweep');
  const text = `HyperLab: ${session.description.study}: ${session.info().statusText}`;
  const shown = outcome.state === 'failed' ? vscode.window.showErrorMessage(text, show) : vscode.window.showInformationMessage(text, show);
  void shown.then((choice) => (choice === show ? SweepPanel.show(deps.ctx, deps.sweeps) : undefined));
}

/** Runs a loaded sweep file: asks for the cap (unless given), shows the sweep view, resolves when it ends. */
export async function runSweepFile(deps: SweepCommandDeps, sf: SweepFile, options: RunSweepOptions = {}): Promise<SweepOutcome | undefined> {
  const storage = sweepStorage(sf, deps.sweepsDir());
  if (!(await makeRoom(deps.sweeps, sf.definition.name))) return undefined;
  const existing = await countedTrials(storage, sf.definition.name);
  const trials = options.trials === 'all' ? Math.max(0, sf.definition.maxTrials - existing) : options.trials ?? (await askTrials(sf, existing));
  if (trials === undefined) return undefined;
  SweepPanel.show(deps.ctx, deps.sweeps, true);
  deps.ctx.log.info(`sweep: ${sf.file}: ${trials} trials more than the ${existing} in ${storage}`);
  const outcome = await deps.sweeps.start({ sweep: sf, storage, maxTrials: existing + trials, workers: options.workers ?? null });
  announce(deps, outcome);
  return outcome;
}

async function exportScript(sweepsDir: () => string, arg: unknown, options?: { target?: string }): Promise<string | undefined> {
  const uri = await pickSweepFile(arg, vscode.l10n.t('Export'));
  if (!uri) return undefined;
  const sf = await loadSweep(uri);
  if (!sf) return undefined;
  const def = sf.definition;
  const journal = sweepStorage(sf, sweepsDir());
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  // The script's default --storage: relative to the workspace folder (where its terminal starts) when the journal is inside it.
  const inside = folder !== undefined && !path.relative(folder, journal).startsWith('..') && !path.isAbsolute(path.relative(folder, journal));
  const storage = inside ? path.relative(folder, journal) : journal;
  let target = options?.target;
  if (target === undefined) {
    const picked = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(path.dirname(sf.file), `${def.name}_optuna.py`)),
      filters: { Python: ['py'] }, title: vscode.l10n.t('Export the sweep {0} as an Optuna script', def.name),
    });
    if (!picked) return undefined;
    target = picked.fsPath;
  }
  await writeFileAtomic(target, optunaScript(def, { sweepFile: path.basename(sf.file), storage, dataDir: sf.baseDir }));
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0}: run python3 {0} --help for its options.', path.basename(target)), open)
    .then((choice) => (choice === open ? vscode.window.showTextDocument(vscode.Uri.file(target)) : undefined));
  return target;
}

async function showSweep(deps: SweepCommandDeps, arg: unknown): Promise<void> {
  if (!deps.sweeps.running && (arg instanceof vscode.Uri || typeof arg === 'string')) {
    const uri = arg instanceof vscode.Uri ? arg : vscode.Uri.file(arg);
    const sf = await loadSweep(uri);
    if (!sf) return;
    const storage = sweepStorage(sf, deps.sweepsDir());
    await deps.sweeps.showStudy(sf, storage, fs.existsSync(storage));
  }
  SweepPanel.show(deps.ctx, deps.sweeps);
}

export function registerSweepCommands(deps: SweepCommandDeps): vscode.Disposable[] {
  const { sweeps } = deps;
  const setState = () => void vscode.commands.executeCommand('setContext', 'hyperlab.sweepState', sweeps.running ? (sweeps.paused ? 'paused' : 'running') : 'none');
  setState();
  const stateSub = sweeps.onDidChangeState(setState);
  return [
    { dispose: () => stateSub.dispose() },
    vscode.commands.registerCommand(CommandIds.runSweep, async (arg: unknown, options?: RunSweepOptions) => {
      if (!deps.ctx.trust.allows('runSweep')) return undefined;
      const uri = await pickSweepFile(arg, vscode.l10n.t('Run Sweep'));
      const sf = uri && (await loadSweep(uri));
      return sf ? runSweepFile(deps, sf, options) : undefined;
    }),
    vscode.commands.registerCommand(CommandIds.pauseSweep, () => sweeps.pause()),
    vscode.commands.registerCommand(CommandIds.resumeSweep, () => sweeps.resume()),
    vscode.commands.registerCommand(CommandIds.cancelSweep, () => sweeps.cancel()),
    vscode.commands.registerCommand(CommandIds.showSweep, (arg: unknown) => showSweep(deps, arg)),
    vscode.commands.registerCommand(CommandIds.exportSweepOptuna, (arg: unknown, options?: { target?: string }) =>
      (deps.ctx.trust.allows('exportScript') ? exportScript(deps.sweepsDir, arg, options) : undefined)),
  ];
}

/**
 * After a reload: a sweep that was running resumes from its journal at once; a paused one is offered.
 * Its trials left running by the old extension host are failed as interrupted and not counted.
 */
export async function resumeRememberedSweep(deps: SweepCommandDeps): Promise<SweepOutcome | undefined> {
  const r = deps.sweeps.remembered();
  // In Restricted Mode a remembered sweep waits: resuming it would train from the untrusted workspace.
  if (!r || deps.sweeps.running || !deps.ctx.trust.trusted) return undefined;
  const show = vscode.l10n.t('Show Sweep');
  if (r.state === 'paused') {
    const resume = vscode.l10n.t('Resume'), forget = vscode.l10n.t('Forget It');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The sweep {0} was paused when the window closed. Resume it from its journal?', r.study), resume, forget);
    if (choice === forget) await deps.sweeps.forgetRemembered();
    if (choice !== resume) return undefined;
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('Resuming the sweep {0} from its journal: the window closed while it ran.', r.study), show)
      .then((choice) => (choice === show ? SweepPanel.show(deps.ctx, deps.sweeps) : undefined));
  }
  try {
    const outcome = await deps.sweeps.resumeRemembered(r);
    announce(deps, outcome);
    return outcome;
  } catch (e) {
    await deps.sweeps.forgetRemembered();
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot resume the sweep {0}: {1}', r.study, describeSweepError(e)));
    return undefined;
  }
}
