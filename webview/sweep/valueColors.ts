/**
 * The colour of an objective value in the sweep's charts, from the worst value (the theme's red) to the
 * best (the theme's blue), read from the `--vscode-charts-*` variables so every theme gets its own pair.
 * The two colours are read once and again after a theme change (refreshValueColors), not per line.
 */

let good = '#3794ff';
let bad = '#f14c4c';

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function refreshValueColors(): void {
  good = cssVar('--vscode-charts-blue', '#3794ff');
  bad = cssVar('--vscode-charts-red', '#f14c4c');
}

function rgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `q`: 0 for the worst value, 1 for the best. */
export function valueColor(q: number): string {
  const k = Math.max(0, Math.min(1, q));
  const a = rgb(bad), b = rgb(good);
  if (!a || !b) return `color-mix(in srgb, ${good} ${Math.round(k * 100)}%, ${bad})`;
  const mix = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * k);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}
