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
] as const;
export type SidebarStrings = Record<(typeof SIDEBAR_STRING_KEYS)[number], string>;

/** The current training run as the sidebar shows it (a line of status, and whether Stop applies). */
export interface SidebarRun {
  readonly label: string;
  readonly status: RunViewStatus;
  readonly statusText: string;
  /** Whether the sidebar started it (a learning-rate change then applies to it at once). */
  readonly fromSidebar: boolean;
}

export interface SidebarSnapshot {
  readonly strings: SidebarStrings;
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
    case 'openTrainingPanel':
      return hasKeys(raw, ['type']);
    default:
      return false;
  }
}

function isSidebarRun(v: unknown): v is SidebarRun {
  return isRecord(v) && isString(v.label) && RUN_STATUSES.includes(v.status as RunViewStatus) && isString(v.statusText) && typeof v.fromSidebar === 'boolean';
}

const isTextTable = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every(isString);

export function isHostToSidebar(raw: unknown): raw is HostToSidebar {
  if (!isRecord(raw)) return false;
  if (raw.type === 'didUpdateRun') return raw.run === null || isSidebarRun(raw.run);
  if (raw.type === 'didRejectSettings') return isArrayOf(raw.problems, isString);
  if (raw.type === 'didUpdateSettings') return isHyperparamSettings(raw.settings);
  if (raw.type !== 'didLoadSnapshot' || !isRecord(raw.snapshot)) return false;
  const s = raw.snapshot;
  return isStringTable(s.strings, SIDEBAR_STRING_KEYS) && isTextTable(s.texts) && isHyperparamSettings(s.settings) && (s.run === null || isSidebarRun(s.run));
}
