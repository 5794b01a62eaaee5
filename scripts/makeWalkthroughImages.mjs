#!/usr/bin/env node
// Draws the walkthrough's dataset pictures (media/walkthrough/*.svg) from HyperLab's own Playground
// generators: 500 points of each dataset over [-6, 6]², in Playground's orange/blue. Run once after the
// generators change: node scripts/makeWalkthroughImages.mjs
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'out', 'walkthrough');
await esbuild.build({
  entryPoints: { generators: path.join(root, 'src/engine/datasets/playgroundGenerators.ts'), rng: path.join(root, 'src/engine/rng.ts') },
  bundle: true, platform: 'node', format: 'cjs', outdir, outExtension: { '.js': '.cjs' }, logLevel: 'warning',
});
const { PLAYGROUND_DATASETS } = await import(path.join(outdir, 'generators.cjs'));
const { Rng } = await import(path.join(outdir, 'rng.cjs'));
const SIZE = 240, toPx = (v) => ((v + 6) / 12) * SIZE;
fs.mkdirSync(path.join(root, 'media/walkthrough'), { recursive: true });
for (const name of ['circle', 'gauss', 'xor', 'spiral']) {
  const points = PLAYGROUND_DATASETS.get(name).generate(500, 0, new Rng(7));
  const dots = points.map((p) => `<circle cx="${toPx(p.x).toFixed(1)}" cy="${(SIZE - toPx(p.y)).toFixed(1)}" r="2.5" fill="${p.label === 1 ? '#0877bd' : '#f59322'}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" fill="#e8eaeb"/>${dots}</svg>\n`;
  fs.writeFileSync(path.join(root, `media/walkthrough/${name}.svg`), svg);
  console.log(`media/walkthrough/${name}.svg: ${points.length} points, ${svg.length} bytes`);
}
