/** TensorFlow Playground's colour scale (src/heatmap.ts): #f59322 at −1, #e8eaeb at 0, #0877bd at +1, in 30 shades. */

const SHADES = 30;
const NEGATIVE = [0xf5, 0x93, 0x22], NEUTRAL = [0xe8, 0xea, 0xeb], POSITIVE = [0x08, 0x77, 0xbd];

/** RGB of a value in [−1, 1] (clamped), quantized to Playground's 30 shades. */
export function shade(v: number): readonly number[] {
  const t = Math.max(-1, Math.min(1, v));
  const q = (Math.round(((t + 1) / 2) * (SHADES - 1)) / (SHADES - 1)) * 2 - 1;
  const [from, to, f] = q < 0 ? [NEUTRAL, NEGATIVE, -q] : [NEUTRAL, POSITIVE, q];
  return from.map((c, i) => Math.round(c + (to[i]! - c) * f));
}
