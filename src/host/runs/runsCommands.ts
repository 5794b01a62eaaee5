/**
 * The Runs view's commands: compare, rename, star, note, delete (after asking), rerun exactly, open a
 * run's experiment as a `*.experiment.json`, export runs' metrics (CSV or JSON), and the view's filter,
 * sort and grouping. Commands from an item's context menu get the clicked item and the selection.
 * Rerun, Open as Experiment and Export are off in Restricted Mode (src/host/workspaceTrust.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../shared/commandIds';
import { echo } from '../../shared/echo';
import { writeFileAtomic } from '../../storage/atomicFile';
import { editRun, emptyTrash, restoreRun, trashRun } from '../../runs/runEdits';
import { runsToCsv, runsToJson } from '../../runs/runExport';
import type { RunSummary } from '../../runs/runList';
import { type RunData, type ShownStatus, readRun } from '../../runs/runReader';
import type { HostContext } from '../hostContext';
import { TrainingPanel } from '../trainingPanel';
import { type RunsNode, type RunsView, statusText } from './runsView';
import { sortableKeys } from './runsViewModel';

/** The runs a command acts on: the selection when the clicked item is in it, else the clicked item, else the selection. */
function targets(view: RunsView, clicked: unknown, selected: unknown): RunSummary[] {
  const nodes = Array.isArray(selected) && selected.length > 0 ? (selected as RunsNode[]) : clicked ? [clicked as RunsNode] : [...view.tree.selection];
  return nodes.flatMap((n) => (n?.kind === 'run' ? [n.run] : n?.kind === 'group' ? [...n.group.runs] : []));
}

async function readAll(ctx: HostContext, runs: readonly RunSummary[]): Promise<RunData[]> {
  const dir = ctx.runsDir();
  if (dir === null) return [];
  const read = await Promise.all(runs.map((r) => readRun(dir, r.id, (id) => ctx.training.isLive(id))));
  return read.filter((r): r is RunData => r !== null);
}

function storeDir(ctx: HostContext): string | null {
  const dir = ctx.runsDir();
  if (dir === null) void vscode.window.showWarningMessage(vscode.l10n.t('HyperLab has no folder to keep runs in (set hyperlab.runs.folder).'));
  return dir;
}

/** Trashed files older than this are removed for good when the extension starts. */
const TRASH_DAYS = 1;

export function registerRunsCommands(ctx: HostContext, view: RunsView): vscode.Disposable[] {
  let lastDeleted: { readonly dir: string; readonly ids: readonly string[] } | null = null;
  const dir = ctx.runsDir();
  if (dir !== null) emptyTrash(dir, TRASH_DAYS * 86_400_000).catch((e: unknown) => ctx.log.warn(`run store: cannot empty the trash: ${String(e)}`));
  const cmd = (id: string, fn: (clicked?: unknown, selected?: unknown) => unknown) => vscode.commands.registerCommand(id, fn);
  const edit = async (runs: readonly RunSummary[], patch: Parameters<typeof editRun>[2]) => {
    const dir = storeDir(ctx);
    if (dir === null) return;
    await Promise.all(runs.map((r) => editRun(dir, r.id, patch)));
    await view.refresh();
  };
  return [
    cmd(CommandIds.runsRefresh, () => view.refresh()),
    cmd(CommandIds.runsCompare, (clicked, selected) => {
      const runs = targets(view, clicked, selected);
      if (runs.length === 0) return;
      ctx.training.compare(runs.slice(0, 20).map((r) => r.id));
      TrainingPanel.show(ctx, true);
    }),
    cmd(CommandIds.runsRename, async (clicked, selected) => {
      const [run] = targets(view, clicked, selected);
      if (!run) return;
      const name = await vscode.window.showInputBox({ prompt: vscode.l10n.t('A name for this run (empty: the name made from its hyperparameters)'), value: run.name });
      if (name !== undefined) await edit([run], { name: name.trim() });
    }),
    cmd(CommandIds.runsStar, (clicked, selected) => edit(targets(view, clicked, selected), { starred: true })),
    cmd(CommandIds.runsUnstar, (clicked, selected) => edit(targets(view, clicked, selected), { starred: false })),
    cmd(CommandIds.runsNote, async (clicked, selected) => {
      const [run] = targets(view, clicked, selected);
      if (!run) return;
      const note = await vscode.window.showInputBox({ prompt: vscode.l10n.t('A note on this run (what you tried, what you saw)'), value: run.note });
      if (note !== undefined) await edit([run], { note });
    }),
    cmd(CommandIds.runsDelete, async (clicked, selected) => {
      const runs = targets(view, clicked, selected).filter((r) => !ctx.training.isLive(r.id));
      const dir = storeDir(ctx);
      if (runs.length === 0 || dir === null) return;
      // No question first: the runs go to the store's trash, and Undo brings them back.
      await Promise.all(runs.map((r) => trashRun(dir, r.id)));
      lastDeleted = { dir, ids: runs.map((r) => r.id) };
      await vscode.commands.executeCommand('setContext', 'hyperlab.runs.canUndoDelete', true);
      await view.refresh();
      const undo = vscode.l10n.t('Undo');
      const text = runs.length === 1 ? vscode.l10n.t('Deleted the run "{0}".', echo(runs[0]!.name)) : vscode.l10n.t('Deleted {0} runs.', runs.length);
      void vscode.window.showInformationMessage(text, undo).then((choice) => (choice === undo ? vscode.commands.executeCommand(CommandIds.runsUndoDelete) : undefined));
    }),
    cmd(CommandIds.runsUndoDelete, async () => {
      const last = lastDeleted;
      if (!last) return;
      lastDeleted = null;
      await vscode.commands.executeCommand('setContext', 'hyperlab.runs.canUndoDelete', false);
      await Promise.all(last.ids.map((id) => restoreRun(last.dir, id)));
      await view.refresh();
    }),
    cmd(CommandIds.runsRerun, async (clicked, selected) => {
      const [summary] = targets(view, clicked, selected);
      if (!summary || !ctx.trust.allows('rerunRun')) return;
      const [run] = await readAll(ctx, [summary]);
      if (!run) return;
      await ctx.training.start({ label: run.meta.name ?? run.header.name, experiment: run.header.experiment, baseDir: run.header.base_dir, source: { kind: 'rerun', rerunOf: run.header.id } });
    }),
    cmd(CommandIds.runsOpenExperiment, async (clicked, selected) => {
      const [summary] = targets(view, clicked, selected);
      if (!summary || !ctx.trust.allows('openRunExperiment')) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.dirname(ctx.runsDir() ?? '.');
      const safe = summary.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 60) || summary.id;
      // An untitled document with a path: saving it writes `<workspace>/<name>.experiment.json`.
      const uri = vscode.Uri.file(path.join(folder, `${safe}.experiment.json`)).with({ scheme: 'untitled' });
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), `${JSON.stringify(summary.experiment, null, 2)}\n`));
    }),
    cmd(CommandIds.runsExport, async (clicked, selected) => {
      let runs = targets(view, clicked, selected);
      if (runs.length === 0) runs = view.shownRuns;
      if (runs.length === 0 || !ctx.trust.allows('exportRuns')) return;
      const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.file(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '.', 'hyperlab-runs.csv')),
        filters: { CSV: ['csv'], JSON: ['json'] }, title: vscode.l10n.t('Export the metrics of {0} runs', runs.length),
      });
      if (!target) return;
      const data = await readAll(ctx, runs);
      await writeFileAtomic(target.fsPath, target.fsPath.toLowerCase().endsWith('.json') ? runsToJson(data) : runsToCsv(data));
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} runs to {1}.', data.length, path.basename(target.fsPath)));
    }),
    cmd(CommandIds.runsFilter, async () => {
      const current = view.state.filter;
      const statuses: ShownStatus[] = ['finished', 'early_stopped', 'stopped', 'failed', 'interrupted', 'running'];
      type Pick = vscode.QuickPickItem & { readonly status?: ShownStatus; readonly starred?: true; readonly hyper?: true };
      const items: Pick[] = [
        { label: `$(star-full) ${vscode.l10n.t('Starred only')}`, starred: true, picked: current.starredOnly },
        ...statuses.map((s) => ({ label: statusText(s), status: s, picked: current.statuses.includes(s) })),
        { label: `$(symbol-variable) ${vscode.l10n.t('A hyperparameter value...')}`, description: current.hyperparameter ?? '', hyper: true, picked: current.hyperparameter !== null },
      ];
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Show only runs that are...') });
      if (!picked) return;
      let hyperparameter: string | null = null;
      if (picked.some((p) => p.hyper)) {
        const q = await vscode.window.showInputBox({
          prompt: vscode.l10n.t('path=value, e.g. units=3, optimizer.class_name=Adam or learning_rate=0.03 (the path may be the end of a Keras path)'),
          value: current.hyperparameter ?? '',
        });
        hyperparameter = q?.trim() ? q.trim() : null;
      }
      await view.setState({ filter: { statuses: picked.flatMap((p) => (p.status ? [p.status] : [])), starredOnly: picked.some((p) => p.starred), hyperparameter } });
    }),
    cmd(CommandIds.runsClearFilter, () => view.setState({ filter: { statuses: [], starredOnly: false, hyperparameter: null } })),
    cmd(CommandIds.runsSort, async () => {
      const items = [
        { label: vscode.l10n.t('Newest first'), key: 'started' },
        { label: vscode.l10n.t('Name'), key: 'name' },
        ...sortableKeys(view.allRuns).map((k) => ({ label: vscode.l10n.t('Best {0}', k), key: k })),
      ].map((i) => ({ ...i, description: i.key === view.state.sort ? '✓' : undefined }));
      const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sort runs by') });
      if (picked) await view.setState({ sort: picked.key });
    }),
    cmd(CommandIds.runsGroupBy, async () => {
      const items = [{ label: vscode.l10n.t('Day'), key: 'day' as const }, { label: vscode.l10n.t('Source (sidebar, file, experiment...)'), key: 'source' as const }];
      const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Group runs by') });
      if (picked) await view.setState({ groupBy: picked.key });
    }),
  ];
}
