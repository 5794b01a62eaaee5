/**
 * Child process of the benchmark runner: trains W2 (2-8-8-1, tanh hidden, sigmoid output, binary
 * cross-entropy, SGD 0.03, batch 10) on the same 500 circle points with the object-per-neuron baseline of
 * playgroundNet.ts and prints one BenchResult line. Each epoch reshuffles the points with a seeded Rng and
 * sums the loss of every sample, as HyperLab's fit does, so the work per sample matches.
 *
 * usage: node out/bench/baselineBench.js
 */
import path from 'node:path';
import { Rng } from '../src/engine/rng';
import { peakRssMb, printResult, timePlan } from './benchResult';
import { BINARY_CROSSENTROPY, SIGMOID, TANH, backProp, buildNetwork, forwardProp, updateWeights } from './playgroundNet';
import { SEED, WORKLOADS, loadWorkloadData, planFor } from './workloads';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const w = WORKLOADS.W2;
  const data = await loadWorkloadData('W2', path.join(ROOT, 'media', 'mnist'));
  const { x, y, n } = data.train;
  // Playground keeps its points as objects; here each sample is a small array, built once.
  const inputs = Array.from({ length: n }, (_, r) => [x[r * w.inputs]!, x[r * w.inputs + 1]!]);
  const targets = Array.from(y);
  const rng = new Rng(SEED);
  const network = buildNetwork([w.inputs, ...w.layers.map((l) => l.units)], TANH, SIGMOID, rng);
  let lastEpochLoss = 0;

  const train = (samples: number, epochs: number): void => {
    const order = Array.from({ length: samples }, (_, i) => i);
    for (let e = 0; e < epochs; e++) {
      rng.shuffle(order);
      let lossSum = 0;
      for (let i = 0; i < samples; i++) {
        const s = order[i]!;
        const out = forwardProp(network, inputs[s]!);
        lossSum += BINARY_CROSSENTROPY.error(out, targets[s]!);
        backProp(network, targets[s]!, BINARY_CROSSENTROPY);
        if ((i + 1) % w.batchSize === 0 || i === samples - 1) updateWeights(network, w.learningRate);
      }
      lastEpochLoss = lossSum / samples;
    }
    if (!Number.isFinite(lastEpochLoss)) throw new Error(`baseline loss ${lastEpochLoss}`);
  };

  const plan = planFor('W2', 'baseline');
  const timing = await timePlan(plan, train);
  printResult({
    workload: 'W2',
    implementation: 'object-per-neuron (Playground nn.ts style)',
    samplesPerSecond: timing.median,
    repetitions: timing.repetitions,
    samplesPerRep: plan.samples * plan.epochs,
    warmupSamples: plan.warmup.samples * plan.warmup.epochs,
    peakRssMb: peakRssMb(),
    notes: [data.note, `per-sample forward/backprop over Neuron and Link objects, mean gradient applied every ${w.batchSize} samples; final epoch loss ${lastEpochLoss.toFixed(4)}`],
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`baselineBench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
