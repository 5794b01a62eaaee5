/**
 * Byte counts for people, in decimal units as download dialogs and Keras' own docs write them
 * (11,490,434 bytes = "11.5 MB"), and the percentage of a download. Not for memory sizes (those are MiB).
 */

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

/** Whole percent done, 0..100 (never 100 before the last byte). */
export function percentDone(received: number, total: number): number {
  if (total <= 0) return 0;
  return received >= total ? 100 : Math.min(99, Math.floor((received / total) * 100));
}
