/**
 * The messages between the extension host and the tuning sidebar (the training panel's are in
 * panelProtocol.ts). Each direction is a discriminated union on `type`; each receiving edge calls the
 * matching guard before it looks inside. Requests are imperative (`startTraining`), replies and
 * events past tense (`didLoadSnapshot`). Protocol: the webview posts `ready` once its script runs;
 * the host answers with a full snapshot, and only then sends increments.
 */
import type { HyperparamSettings } from '../hyperparams';
import { isHyperparamSettings } from '../hyperparamSettings';
import { isArrayOf, isRecord, isString, isStringTable } from './guards';
import { RUN_STATUSES, type RunViewStatus } from './panelProtocol';

// ---- tuning sidebar -------------------------------------------------------------------------------

export const SIDEBAR_STRING_KEYS = [
  'intro', 'openPanel', 'train', 'stop', 'addLayer', 'removeLayer', 'layerN', 'inputLayer', 'outputLayer', 'parameters', 'iterations',
  'kerasDefault', 'noDefault', 'allowed', 'allowedWhole', 'notANumber', 'oneFeature', 'regenerate', 'presets', 'otherValue', 'appliesNext', 'rejected', 'noRun', 'dropoutHint',
  'trainBlocked',
  'pause', 'resume', 'reset', 'removeLayerN', 'helpFor', 'presetsFor', 'runControls', 'runProgress', 'currentRun',
] as const;
export type SidebarStrings = Record<(typeof SIDEBAR_STRING_KEYS)[number], string>;

/** Where a run came from (the run store's RunSource kinds). */
export const RUN_SOURCE_KINDS = ['code', 'experiment', 'sidebar', 'walkthrough', 'cli', 'sweep', 'rerun'] as const;
export type RunSourceKind = (typeof RUN_SOURCE_KINDS)[number];

/** The current training run as the sidebar's controller shows it: a compact status, and which controls apply. */
export interface SidebarRun {
  readonly label: string;
  readonly status: RunViewStatus;
  /** The run's long status line (the panel's). */
  readonly statusText: string;
  /** One localized word or two for the status ("Running", "Paused", "Finished"). */
  readonly statusLabel: string;
  /** Epochs done, and of how many (null until the run knows). */
  readonly epoch: number;
  readonly totalEpochs: number | null;
  /** What started it (RunState.source.kind: a sidebar run takes learning-rate changes at once). */
  readonly source: RunSourceKind;
  /** Where it came from, localized: "from the sidebar", "from circle.experiment.json", "a rerun of ...". */
  readonly sourceText: string;
}

export interface SidebarSnapshot {
  readonly strings: SidebarStrings;
  /** The display language for our numbers (displayLanguage.ts). */
  readonly locale: string;
  /** The schema's English texts (labels, tooltips, option names) → the display language's. */
  readonly texts: Readonly<Record<string, string>>;
  readonly settings: HyperparamSettings;
  readonly run: SidebarRun | null;
}

export type SidebarToHost =
  /** `settings`: the webview's own saved copy (already restored), used when the host has none. */
  | { readonly type: 'ready'; readonly settings: HyperparamSettings | null }
  | { readonly type: 'updateSettings'; readonly settings: HyperparamSettings }
  | { readonly type: 'startTraining'; readonly settings: HyperparamSettings }
  | { readonly type: 'stopTraining' }
  | { readonly type: 'pauseTraining' }
  | { readonly type: 'resumeTraining' }
  /** Playground's Reset: the current run again from the start. */
  | { readonly type: 'restartTraining' }
  | { readonly type: 'openTrainingPanel' };

export type HostToSidebar =
  | { readonly type: 'didLoadSnapshot'; readonly snapshot: SidebarSnapshot }
  | { readonly type: 'didUpdateRun'; readonly run: SidebarRun | null }
  /** The host replaced the settings (Load from Code, a walkthrough exercise): the view shows these now. */
  | { readonly type: 'didUpdateSettings'; readonly settings: HyperparamSettings }
  /** The host refused settings the webview sent (each line: the setting and what it allows). */
  | { readonly type: 'didRejectSettings'; readonly problems: readonly string[] };

// ---- guards ---------------------------------------------------------------------------------------

const hasKeys = (raw: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(raw).length === keys.length && keys.every((k) => k in raw);

export function isSidebarToHost(raw: unknown): raw is SidebarToHost {
  if (!isRecord(raw)) return false;
  switch (raw.type) {
    case 'ready':
      return hasKeys(raw, ['type', 'settings']) && (raw.settings === null || isHyperparamSettings(raw.settings));
    case 'updateSettings':
    case 'startTraining':
      return hasKeys(raw, ['type', 'settings']) && isHyperparamSettings(raw.settings);
    case 'stopTraining':
    case 'pauseTraining':
    case 'resumeTraining':
    case 'restartTraining':
    case 'openTrainingPanel':
      return hasKeys(raw, ['type']);
    default:
      return false;
  }
}

function isSidebarRun(v: unknown): v is SidebarRun {
  return isRecord(v) && isString(v.label) && RUN_STATUSES.includes(v.status as RunViewStatus) && isString(v.statusText) && isString(v.statusLabel) &&
    Number.isInteger(v.epoch) && (v.epoch as number) >= 0 && (v.totalEpochs === null || Number.isInteger(v.totalEpochs)) &&
    RUN_SOURCE_KINDS.includes(v.source as RunSourceKind) && isString(v.sourceText);
}

const isTextTable = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every(isString);

export function isHostToSidebar(raw: unknown): raw is HostToSidebar {
  if (!isRecord(raw)) return false;
  if (raw.type === 'didUpdateRun') return raw.run === null || isSidebarRun(raw.run);
  if (raw.type === 'didRejectSettings') return isArrayOf(raw.problems, isString);
  if (raw.type === 'didUpdateSettings') return isHyperparamSettings(raw.settings);
  if (raw.type !== 'didLoadSnapshot' || !isRecord(raw.snapshot)) return false;
  const s = raw.snapshot;
  return isStringTable(s.strings, SIDEBAR_STRING_KEYS) && isString(s.locale) && isTextTable(s.texts) && isHyperparamSettings(s.settings) && (s.run === null || isSidebarRun(s.run));
}
