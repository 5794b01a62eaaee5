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

/** CSS rgb() of shade(v). */
export function shadeCss(v: number, alpha = 1): string {
  const [r, g, b] = shade(v);
  return alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * A link or point colour that stays visible on the page: Playground's scale was made for a white page,
 * and its near-zero shades (#e8eaeb) vanish on a light theme and glare on a dark one; those are mixed
 * towards grey. Playground's orange (2.2:1 on white) gets a dark outline on light themes (see outline()).
 */
export function linkCss(v: number, light: boolean, alpha = 0.85): string {
  const [r, g, b] = shade(v);
  const f = 1 - Math.min(1, Math.abs(v)); // 1 at zero: the neutral
  const grey = light ? 150 : 110;
  const mix = (c: number) => Math.round(c + (grey - c) * f * 0.7);
  return `rgba(${mix(r!)}, ${mix(g!)}, ${mix(b!)}, ${alpha})`;
}

/** A data point's outline: white on dark themes (as Playground), near-black on light ones (3:1 at least against white). */
export function outline(light: boolean, validation: boolean): string {
  if (validation) return light ? '#ffffff' : '#000000';
  return light ? '#1f1f1f' : '#ffffff';
}
