/**
 * The current run as the sidebar's controller shows it: its status in a word, how far it is, and where
 * it came from, read from the run's own `source` (RunState.source, as the run store records it) — the
 * sidebar, a model in a code file, an experiment file, an exercise of the course, a rerun of a stored
 * run, a sweep's trial or the command line. Pure (no 'vscode'): the host passes vscode.l10n.t.
 */
import * as path from 'node:path';
import type { RunSource } from '../../runs/runRecord';
import type { SidebarRun } from '../../shared/protocol/webviewProtocol';
import { type Translate, liveStatusText } from '../training/runSeries';
import type { RunState } from '../training/trainingRun';

const base = (file: string | undefined): string => (file ? path.basename(file) : '');

/** "from the sidebar", "from mnist_mlp.py (model)", "a rerun of <name>", ... */
export function sourceText(source: RunSource, label: string, t: Translate): string {
  switch (source.kind) {
    case 'sidebar':
      return t('from the sidebar');
    case 'code':
      return source.model ? t('from {0} (model {1})', base(source.file), source.model) : t('from {0}', base(source.file));
    case 'experiment':
      return t('from {0}', base(source.file));
    case 'walkthrough':
      return t('from the course exercises ({0})', label);
    case 'rerun':
      return t('a rerun of {0}', label);
    case 'sweep':
      return t('trial {0} of the sweep {1}', source.trial ?? '?', source.study ?? '');
    case 'cli':
      return t('from the command line');
  }
}

export function statusLabel(status: RunState['status'], t: Translate): string {
  switch (status) {
    case 'starting':
      return t('Starting');
    case 'running':
      return t('Running');
    case 'paused':
      return t('Paused');
    case 'finished':
      return t('Finished');
    case 'stopped':
      return t('Stopped');
    case 'failed':
      return t('Ended with an error');
  }
}

export function sidebarRun(state: RunState, t: Translate): SidebarRun {
  return {
    label: state.label, status: state.status, statusText: liveStatusText(state, t), statusLabel: statusLabel(state.status, t),
    epoch: state.epochs[state.epochs.length - 1]?.epoch ?? 0, totalEpochs: state.totalEpochs,
    source: state.source.kind, sourceText: sourceText(state.source, state.label, t),
  };
}
