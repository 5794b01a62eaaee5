/**
 * The Runs view in the HyperLab activity-bar container: the run store's runs as a tree, grouped by day
 * or by source, filtered and sorted as the user chose (kept in the workspace's state), each with its
 * status icon, name and best metrics. Selecting runs shows them in the training panel (the live run and
 * up to 19 more). It refreshes when runs start or end, when the store's files appear or go (another
 * window, the CLI), and after an edit; never on every epoch.
 */
import * as vscode from 'vscode';
import { RUNS_VIEW_ID } from '../../shared/commandIds';
import { listRuns, type RunSummary } from '../../runs/runList';
import type { ShownStatus } from '../../runs/runReader';
import type { HostContext } from '../hostContext';
import { TrainingPanel } from '../trainingPanel';
import { type GroupBy, type RunGroup, type RunsFilter, type RunsSort, NO_FILTER, describeRun, filterRuns, groupRuns, sortRuns } from './runsViewModel';

const STATE_KEY = 'hyperlab.runs.view';

interface ViewState {
  readonly filter: RunsFilter;
  readonly sort: RunsSort;
  readonly groupBy: GroupBy;
}

export type RunsNode = { readonly kind: 'group'; readonly group: RunGroup } | { readonly kind: 'run'; readonly run: RunSummary };

const ICONS: Record<ShownStatus, [string, string | undefined]> = {
  running: ['sync~spin', undefined],
  finished: ['pass', 'charts.green'],
  early_stopped: ['pass-filled', 'charts.green'],
  stopped: ['debug-stop', 'charts.yellow'],
  failed: ['error', 'charts.red'],
  interrupted: ['warning', 'charts.orange'],
};

export function statusText(s: ShownStatus): string {
  switch (s) {
    case 'running':
      return vscode.l10n.t('running');
    case 'finished':
      return vscode.l10n.t('finished');
    case 'early_stopped':
      return vscode.l10n.t('stopped early (EarlyStopping)');
    case 'stopped':
      return vscode.l10n.t('stopped');
    case 'failed':
      return vscode.l10n.t('failed');
    case 'interrupted':
      return vscode.l10n.t('interrupted');
  }
}

function groupLabel(g: RunGroup): string {
  switch (g.label.kind) {
    case 'today':
      return vscode.l10n.t('Today');
    case 'yesterday':
      return vscode.l10n.t('Yesterday');
    case 'day':
      return new Date(`${g.label.text}T12:00:00`).toLocaleDateString(vscode.env.language, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
    case 'source':
      return g.label.text;
  }
}

export class RunsView implements vscode.TreeDataProvider<RunsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RunsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private runs: RunSummary[] = [];
  private loaded: Promise<void> | null = null;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private watcher: vscode.FileSystemWatcher | null = null;
  private watchedDir: string | null = null;
  readonly tree: vscode.TreeView<RunsNode>;

  constructor(private readonly ctx: HostContext, private readonly memento: vscode.Memento) {
    this.tree = vscode.window.createTreeView(RUNS_VIEW_ID, { treeDataProvider: this, canSelectMany: true, showCollapseAll: true });
    this.disposables.push(
      this.tree,
      this.changed,
      ctx.training.onDidStartOrEnd(() => this.refreshSoon()),
      this.tree.onDidChangeSelection((e) => this.selected(e.selection)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hyperlab.runs.folder')) this.refreshSoon();
      }),
    );
    this.updateDescription();
  }

  get state(): ViewState {
    const s = this.memento.get<Partial<ViewState>>(STATE_KEY) ?? {};
    return { filter: { ...NO_FILTER, ...s.filter }, sort: s.sort ?? 'started', groupBy: s.groupBy === 'source' ? 'source' : 'day' };
  }

  async setState(patch: Partial<ViewState>): Promise<void> {
    await this.memento.update(STATE_KEY, { ...this.state, ...patch });
    this.updateDescription();
    this.changed.fire(undefined);
  }

  /** The runs as listed now (after the last refresh), unfiltered. */
  get allRuns(): readonly RunSummary[] {
    return this.runs;
  }

  /** The runs the view shows, in its order. */
  get shownRuns(): RunSummary[] {
    const { filter, sort } = this.state;
    return sortRuns(filterRuns(this.runs, filter), sort);
  }

  /** Reads the store again (debounced: bursts of file events make one listing). */
  refreshSoon(delayMs = 200): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  async refresh(): Promise<void> {
    const dir = this.ctx.runsDir();
    this.watch(dir);
    const load = (async () => {
      try {
        this.runs = dir === null ? [] : await listRuns(dir, (id) => this.ctx.training.isLive(id));
      } catch (e) {
        this.ctx.log.error(`Runs view: cannot list ${dir}`, e);
        this.runs = [];
      }
      this.updateDescription();
      this.changed.fire(undefined);
    })();
    this.loaded = load;
    await load;
  }

  /** Resolves once the view has listed the store at least once (for commands and tests). */
  async ready(): Promise<void> {
    await (this.loaded ?? this.refresh());
  }

  private watch(dir: string | null): void {
    if (dir === this.watchedDir) return;
    this.watcher?.dispose();
    this.watchedDir = dir;
    if (dir === null) return;
    // Runs appear and go as files (other windows, the CLI); their growth is not watched (no refresh per epoch).
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*.jsonl'), false, true, false);
    this.watcher.onDidCreate(() => this.refreshSoon(500));
    this.watcher.onDidDelete(() => this.refreshSoon(500));
    this.disposables.push(this.watcher);
  }

  private updateDescription(): void {
    const { filter } = this.state;
    const active = filter.statuses.length > 0 || filter.starredOnly || filter.hyperparameter !== null;
    this.tree.description = active ? vscode.l10n.t('filtered: {0} of {1}', this.shownRuns.length, this.runs.length) : undefined;
    void vscode.commands.executeCommand('setContext', 'hyperlab.runs.filtered', active);
  }

  private selected(selection: readonly RunsNode[]): void {
    const ids = selection.flatMap((n) => (n.kind === 'run' ? [n.run.id] : n.group.runs.map((r) => r.id)));
    if (ids.length === 0) return;
    if (ids.length > 20) void vscode.window.showWarningMessage(vscode.l10n.t('The panel compares at most 20 runs; it shows the first 20 of the {0} selected.', ids.length));
    this.ctx.training.compare(ids.slice(0, 20));
    TrainingPanel.show(this.ctx, true);
  }

  getTreeItem(node: RunsNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(groupLabel(node.group), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.group.runs.length);
      item.contextValue = 'runGroup';
      item.id = `group:${node.group.key}`;
      return item;
    }
    const r = node.run;
    const item = new vscode.TreeItem(`${r.starred ? '★ ' : ''}${r.name}`, vscode.TreeItemCollapsibleState.None);
    item.id = r.id;
    const metrics = describeRun(r, this.state.sort);
    item.description = r.status === 'finished' || r.status === 'early_stopped' ? metrics : [statusText(r.status), metrics].filter(Boolean).join(' · ');
    const [icon, color] = ICONS[r.status];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = `run${r.starred ? '.starred' : ''}${r.status === 'running' ? '.running' : ''}`;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${escapeMd(r.name)}**\n\n`);
    if (r.name !== r.autoName) tip.appendMarkdown(`${escapeMd(r.autoName)}\n\n`);
    tip.appendMarkdown(`${escapeMd(statusText(r.status))}${r.reason ? `: ${escapeMd(r.reason)}` : ''}  \n`);
    tip.appendMarkdown(`${escapeMd(vscode.l10n.t('{0} epochs · started {1}', r.epochs, new Date(r.started).toLocaleString(vscode.env.language)))}  \n`);
    const best = Object.entries(r.summary).filter(([, s]) => s.best !== null).map(([k, s]) => `${k} ${s.best!.toPrecision(4)}`);
    if (best.length > 0) tip.appendMarkdown(`${escapeMd(vscode.l10n.t('best: {0}', best.join(', ')))}  \n`);
    if (r.note) tip.appendMarkdown(`\n${escapeMd(r.note)}\n`);
    tip.appendMarkdown(`\n\`${r.id}\``);
    item.tooltip = tip;
    return item;
  }

  async getChildren(node?: RunsNode): Promise<RunsNode[]> {
    if (node?.kind === 'run') return [];
    if (node?.kind === 'group') return node.group.runs.map((run) => ({ kind: 'run', run }));
    await this.ready();
    return groupRuns(this.shownRuns, this.state.groupBy).map((group) => ({ kind: 'group', group }));
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Text from a file (a run's name, a note) shown as Markdown, with its markup characters escaped. */
function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
