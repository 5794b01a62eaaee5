/**
 * A training run's status as the views show it, and the one "is this run still going" check that the
 * service, the panel, the sidebar, the status bar and the API share.
 */
export type RunStatus = 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'failed';

export const ACTIVE_STATUSES: readonly RunStatus[] = ['starting', 'running', 'paused'];

export function isActiveStatus(status: string): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}
