/**
 * The messages between the extension host and HyperLab's two webviews (the training panel and the
 * tuning sidebar). Each direction is a discriminated union on `type`; each receiving edge calls the
 * matching guard before it looks inside. Requests are imperative (`openTrainingPanel`), replies and
 * events past tense (`didLoadSnapshot`). Protocol: the webview posts `ready` once its script runs;
 * the host answers with a full snapshot, and only then sends increments.
 */
import { isArrayOf, isFiniteNumber, isRecord, isString, isStringTable } from './guards';

// ---- training panel -------------------------------------------------------------------------------

export const PANEL_STRING_KEYS = ['title', 'emptyState', 'logScale', 'epochAxis', 'lossAxis', 'trainLoss', 'valLoss'] as const;
export type PanelStrings = Record<(typeof PANEL_STRING_KEYS)[number], string>;

/** One finished epoch as the panel draws it (Keras history keys). */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly val_loss: number | null;
}

export interface RunView {
  readonly label: string;
  readonly epochs: readonly EpochPoint[];
}

export interface PanelSnapshot {
  readonly strings: PanelStrings;
  /** The run to draw, or null before the first run. */
  readonly run: RunView | null;
}

export type PanelToHost = { readonly type: 'ready' };

export type HostToPanel = { readonly type: 'didLoadSnapshot'; readonly snapshot: PanelSnapshot };

// ---- tuning sidebar -------------------------------------------------------------------------------

export const SIDEBAR_STRING_KEYS = ['intro', 'openPanel', 'kerasDefault', 'noDefault'] as const;
export type SidebarStrings = Record<(typeof SIDEBAR_STRING_KEYS)[number], string>;

export interface SidebarItem {
  readonly id: string;
  readonly label: string;
  readonly keras: string;
  readonly kerasDefault: string | null;
}

export interface SidebarGroup {
  readonly id: string;
  readonly label: string;
  readonly items: readonly SidebarItem[];
}

export interface SidebarSnapshot {
  readonly strings: SidebarStrings;
  readonly groups: readonly SidebarGroup[];
}

export type SidebarToHost = { readonly type: 'ready' } | { readonly type: 'openTrainingPanel' };

export type HostToSidebar = { readonly type: 'didLoadSnapshot'; readonly snapshot: SidebarSnapshot };

// ---- guards ---------------------------------------------------------------------------------------

export function isPanelToHost(raw: unknown): raw is PanelToHost {
  return isRecord(raw) && raw.type === 'ready' && Object.keys(raw).length === 1;
}

export function isSidebarToHost(raw: unknown): raw is SidebarToHost {
  return isRecord(raw) && (raw.type === 'ready' || raw.type === 'openTrainingPanel') && Object.keys(raw).length === 1;
}

function isEpochPoint(v: unknown): v is EpochPoint {
  return (
    isRecord(v) &&
    Number.isInteger(v.epoch) &&
    isFiniteNumber(v.loss) &&
    (v.val_loss === null || isFiniteNumber(v.val_loss))
  );
}

function isRunView(v: unknown): v is RunView {
  return isRecord(v) && isString(v.label) && isArrayOf(v.epochs, isEpochPoint);
}

export function isHostToPanel(raw: unknown): raw is HostToPanel {
  if (!isRecord(raw) || raw.type !== 'didLoadSnapshot' || !isRecord(raw.snapshot)) return false;
  const s = raw.snapshot;
  return isStringTable(s.strings, PANEL_STRING_KEYS) && (s.run === null || isRunView(s.run));
}

function isSidebarItem(v: unknown): v is SidebarItem {
  return (
    isRecord(v) && isString(v.id) && isString(v.label) && isString(v.keras) && (v.kerasDefault === null || isString(v.kerasDefault))
  );
}

function isSidebarGroup(v: unknown): v is SidebarGroup {
  return isRecord(v) && isString(v.id) && isString(v.label) && isArrayOf(v.items, isSidebarItem);
}

export function isHostToSidebar(raw: unknown): raw is HostToSidebar {
  if (!isRecord(raw) || raw.type !== 'didLoadSnapshot' || !isRecord(raw.snapshot)) return false;
  const s = raw.snapshot;
  return isStringTable(s.strings, SIDEBAR_STRING_KEYS) && isArrayOf(s.groups, isSidebarGroup);
}
