/**
 * Keras-style progress text for `hyperlab train` (verbose=2 in Keras 3's progbar: one line per epoch,
 * metrics in alphabetical order with 4 decimals), and the early-stopping lines Keras prints.
 */
import type { EpochLogs } from '../engine/callbacks/callback';

function formatValue(v: number): string {
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(4);
  return v.toFixed(4);
}

export function epochHeader(epoch: number, epochs: number): string {
  return `Epoch ${epoch}/${epochs}`;
}

export function epochLine(steps: number, seconds: number, logs: Readonly<EpochLogs>): string {
  const msPerStep = steps > 0 ? (seconds * 1000) / steps : 0;
  const metrics = Object.keys(logs).sort().map((k) => `${k}: ${formatValue(logs[k]!)}`);
  return [`${steps}/${steps}`, `${Math.round(seconds)}s`, `${msPerStep < 1 ? msPerStep.toFixed(2) : Math.round(msPerStep)}ms/step`, ...metrics].join(' - ');
}
