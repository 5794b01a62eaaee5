/**
 * "Sweep…" in the sidebar's title bar: the sidebar's current settings become a sweep. The user picks the
 * hyperparameters that become ranges, edits the proposed range of each, picks the method, the pruner,
 * the metric and the number of trials (the plan — trials × epochs — shown as they type); the sweep file
 * is written crash-safe into the sweeps folder with the sidebar's experiment inline, and run. The pure
 * parts (candidates, proposals, the range syntax, the file's JSON) are sidebarSweep.ts. A test passes
 * the answers as the command's argument.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../shared/commandIds';
import { ConfigError } from '../../engine/configError';
import { renderMessage } from '../../shared/message';
import { writeFileAtomic } from '../../storage/atomicFile';
import { readSweepDefinition } from '../../sweeps/sweepDefinition';
import { loadSweepFile } from '../../sweeps/sweepFile';
import { readParameter } from '../../sweeps/searchSpace';
import { hostTranslate } from '../displayLanguage';
import type { SidebarHandle } from '../tuningViewProvider';
import { type ParamSpec, type SidebarSweepChoices, formatSpec, parseSpec, sidebarMetrics, sidebarSweepJson, sweepCandidates, sweepFileName } from './sidebarSweep';
import { type SweepCommandDeps, describeSweepError, runSweepFile } from './sweepCommands';
import type { SweepOutcome } from './sweepService';
import { planText } from './sweepPlanText';

/** The dialogs' answers, for tests: parameter names (with their proposals, or a range text each). */
export interface SidebarSweepAnswers {
  readonly parameters: readonly string[] | Readonly<Record<string, string>>;
  readonly method?: SidebarSweepChoices['method'];
  readonly earlyTerminate?: SidebarSweepChoices['earlyTerminate'];
  readonly metric?: string;
  readonly maxTrials?: number;
  readonly workers?: number;
}

/** Checks a range text for one parameter: null when the sweep definition accepts it. */
function checkSpec(name: string, text: string): string | null {
  const t = hostTranslate();
  const spec = parseSpec(text, t);
  if ('error' in spec) return spec.error;
  try {
    readParameter(name, spec);
    return null;
  } catch (e) {
    return e instanceof ConfigError ? renderMessage(e.text, t) : String(e);
  }
}

async function askParameters(candidates: ReturnType<typeof sweepCandidates>): Promise<Record<string, ParamSpec> | undefined> {
  const picked = await vscode.window.showQuickPick(candidates.map((c) => ({ label: c.label, description: c.detail, detail: formatSpec(c.proposal), picked: c.picked, candidate: c })), {
    canPickMany: true, title: vscode.l10n.t('Sweep: which hyperparameters become ranges?'), placeHolder: vscode.l10n.t('The others keep the sidebar\'s values'),
  });
  if (!picked || picked.length === 0) return undefined;
  const out: Record<string, ParamSpec> = {};
  const t = hostTranslate();
  for (const [i, { candidate: c }] of picked.entries()) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Sweep ({0}/{1}): {2}', i + 1, picked.length, c.label),
      prompt: vscode.l10n.t('Values separated by commas, or a range "min .. max" (add "log" for a logarithmic scale, "step S" for steps). It sets {0}.', c.detail),
      value: formatSpec(c.proposal), validateInput: (v) => checkSpec(c.name, v),
    });
    if (text === undefined) return undefined;
    const spec = parseSpec(text, t);
    if ('error' in spec) return undefined;
    out[c.name] = spec;
  }
  return out;
}

async function pick<T>(title: string, items: readonly (vscode.QuickPickItem & { value: T })[]): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title }))?.value;
}

/** `trialPlan`: the plan of a choice (trials × epochs); `gridPoints`: a grid's size for these choices. */
async function askChoices(parameters: Record<string, ParamSpec>, metrics: ReturnType<typeof sidebarMetrics>, trialPlan: (c: SidebarSweepChoices) => string, gridPoints: (c: SidebarSweepChoices) => number): Promise<SidebarSweepChoices | undefined> {
  const method = await pick(vscode.l10n.t('Sweep: how to search'), [
    { label: 'TPE', description: 'TPESampler', detail: vscode.l10n.t('Optuna\'s default: learns from the trials so far where good values lie'), value: 'tpe' as const },
    { label: vscode.l10n.t('Random'), description: 'RandomSampler', detail: vscode.l10n.t('Independent random values for every trial'), value: 'random' as const },
    { label: vscode.l10n.t('Grid'), description: 'GridSampler', detail: vscode.l10n.t('Every combination; a continuous range becomes a few values'), value: 'grid' as const },
  ]);
  if (!method) return undefined;
  const pruner = await pick(vscode.l10n.t('Sweep: stop unpromising trials early?'), [
    { label: vscode.l10n.t('Median'), description: 'MedianPruner', detail: vscode.l10n.t('Stops a trial whose metric is worse than the median of earlier trials at the same epoch'), value: 'median' as const },
    { label: 'ASHA', description: 'SuccessiveHalvingPruner', detail: vscode.l10n.t('Keeps the best quarter of the trials at each rung'), value: 'asha' as const },
    { label: 'Hyperband', description: 'HyperbandPruner', detail: vscode.l10n.t('Successive halving in several brackets of different aggressiveness'), value: 'hyperband' as const },
    { label: vscode.l10n.t('No pruning'), description: '', detail: vscode.l10n.t('Every trial trains all its epochs'), value: 'none' as const },
  ]);
  if (!pruner) return undefined;
  const metric = await pick(vscode.l10n.t('Sweep: which metric to optimize?'), metrics.map((m) => ({ label: m.name, description: m.goal === 'minimize' ? vscode.l10n.t('minimize') : vscode.l10n.t('maximize'), value: m })));
  if (!metric) return undefined;
  const base = { parameters, method, earlyTerminate: pruner === 'none' ? null : pruner, metric };
  const initial = method === 'grid' ? gridPoints({ ...base, maxTrials: 100_000 }) : 20;
  const maxTrials = await askCount(vscode.l10n.t('Sweep: how many trials?'), initial, (n) => trialPlan({ ...base, maxTrials: n }));
  return maxTrials === undefined ? undefined : { ...base, maxTrials };
}

/** An input box for a number of trials whose prompt is the plan for the number typed (trials × epochs). */
function askCount(title: string, initial: number, plan: (n: number) => string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    let result: number | undefined;
    const parse = (v: string) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 100_000 ? Number(v) : null);
    const update = (v: string) => {
      const n = parse(v);
      box.validationMessage = n === null ? vscode.l10n.t('A whole number of trials, at least 1') : undefined;
      box.prompt = n === null ? '' : plan(n);
    };
    box.title = title;
    box.value = String(initial);
    update(box.value);
    box.onDidChangeValue(update);
    box.onDidAccept(() => {
      const n = parse(box.value);
      if (n === null) return;
      result = n;
      box.hide();
    });
    box.onDidHide(() => {
      box.dispose();
      resolve(result);
    });
    box.show();
  });
}

/** The answers given to the command, as choices (proposals for names without a range text). */
function choicesFrom(answers: SidebarSweepAnswers, candidates: ReturnType<typeof sweepCandidates>, metrics: ReturnType<typeof sidebarMetrics>): SidebarSweepChoices {
  const t = hostTranslate();
  const entries = Array.isArray(answers.parameters) ? (answers.parameters as string[]).map((n) => [n, null] as const) : Object.entries(answers.parameters);
  const parameters = Object.fromEntries(entries.map(([name, text]) => {
    const spec = text === null ? candidates.find((c) => c.name === name)?.proposal : parseSpec(text, t);
    if (!spec || 'error' in spec) throw new Error(`no sweepable sidebar parameter ${name}${spec && 'error' in spec ? `: ${spec.error}` : ''}`);
    return [name, spec];
  }));
  const metric = metrics.find((m) => m.name === (answers.metric ?? 'val_loss'));
  if (!metric) throw new Error(`the sidebar's experiment does not log ${answers.metric}`);
  return { parameters, method: answers.method ?? 'tpe', earlyTerminate: answers.earlyTerminate ?? null, metric, maxTrials: answers.maxTrials ?? 20 };
}

function definitionOf(json: unknown, fileName: string) {
  return readSweepDefinition(json, { fileName, readExperiment: () => ({}) });
}

export async function sweepFromSidebar(deps: SweepCommandDeps, sidebar: SidebarHandle, answers?: SidebarSweepAnswers): Promise<SweepOutcome | undefined> {
  const t = hostTranslate();
  const settings = sidebar.settings();
  const candidates = sweepCandidates(settings, t);
  const metrics = sidebarMetrics(settings);
  const dir = deps.sweepsDir();
  const fileName = sweepFileName(settings.dataset, (n) => fs.existsSync(path.join(dir, n)) || fs.existsSync(path.join(dir, n.replace(/\.sweep\.json$/, '.optuna.log'))));
  const description = vscode.l10n.t('Made from the HyperLab sidebar\'s settings on {0}', new Date().toLocaleString(vscode.env.language));
  let choices: SidebarSweepChoices | undefined;
  if (answers) choices = choicesFrom(answers, candidates, metrics);
  else {
    const parameters = await askParameters(candidates);
    if (!parameters) return undefined;
    const definition = (c: SidebarSweepChoices) => definitionOf(sidebarSweepJson(settings, c, description), fileName);
    choices = await askChoices(parameters, metrics, (c) => {
      try {
        const def = definition(c);
        return planText(def, def.maxTrials, t);
      } catch (e) {
        return describeSweepError(e);
      }
    }, (c) => {
      try {
        return Math.min(100_000, definition(c).maxTrials);
      } catch {
        return 20;
      }
    });
  }
  if (!choices) return undefined;
  const json = sidebarSweepJson(settings, choices, description);
  try {
    definitionOf(json, fileName);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('HyperLab cannot make this sweep: {0}', describeSweepError(e)));
    return undefined;
  }
  const file = path.join(dir, fileName);
  await writeFileAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
  deps.ctx.log.info(`sweep: wrote ${file} from the sidebar's settings`);
  return runSweepFile(deps, loadSweepFile(file), { trials: 'all', ...(answers?.workers ? { workers: answers.workers } : {}) });
}

export function sidebarSweepCommand(deps: SweepCommandDeps, sidebar: SidebarHandle): vscode.Disposable {
  // From the view's title bar the command gets no argument (or the view's): only a test passes answers.
  const isAnswers = (a: unknown): a is SidebarSweepAnswers => typeof a === 'object' && a !== null && 'parameters' in a;
  return vscode.commands.registerCommand(CommandIds.sweepFromSidebar, (answers?: unknown) =>
    (deps.ctx.trust.allows('runSweep') ? sweepFromSidebar(deps, sidebar, isAnswers(answers) ? answers : undefined) : undefined));
}
