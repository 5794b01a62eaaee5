/** What the host's views and commands share for the extension's lifetime; built once in activate(). */
import type * as vscode from 'vscode';
import type { DataPreviewSource } from './sidebar/dataPreview';
import type { TrainingService } from './training/trainingService';
import type { WebviewReadiness } from './webviewReadiness';
import type { WorkspaceTrustGate } from './workspaceTrust';

export interface HostContext {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly readiness: WebviewReadiness;
  readonly training: TrainingService;
  /** The data of the sidebar's settings, which the training panel shows before a run trains on it. */
  readonly preview: DataPreviewSource;
  /** The run store's folder now (the setting may change), or null when runs cannot be recorded. */
  runsDir(): string | null;
  /** Workspace Trust: what is off in Restricted Mode (any command that acts on the workspace's files asks it). */
  readonly trust: WorkspaceTrustGate;
}
