/**
 * A sweep as a standalone Optuna script for a cluster: the same search space as trial.suggest_* calls
 * (the names, distributions and order HyperLab records, so its trials and the script's share one
 * study), the same sampler and pruner, the metric and direction, and the storage argument (the
 * sweep's journal file by default, or an RDB URL). Its objective fits the Keras model the experiment
 * describes, or with --backend hyperlab trains through `hyperlab train`. Pure: definition in, text out.
 */
import { OPTIMIZER_DEFAULTS } from '../engine/optimizers/optimizerRegistry';
import { PLAYGROUND_PYTHON } from '../keras/export/playgroundPython';
import { type Json, pyLiteral } from '../keras/export/pythonLiteral';
import type { Distribution } from './distributions';
import { LAYER_ARGS, type PathSegment } from './parameterPaths';
import { RUNTIME_PYTHON } from './optunaScriptRuntime';
import type { SweepDefinition } from './sweepDefinition';

export interface ScriptOptions {
  /** The sweep file's name, for the docstring. */
  readonly sweepFile: string;
  /** The default --storage (the journal HyperLab writes). */
  readonly storage: string;
  /** The default --data-dir (where the experiment's relative paths resolve). */
  readonly dataDir: string;
}

/** A JSON value as a Python literal (True, False, None; nested dicts and lists). */
const pyJson = (v: unknown): string => pyLiteral(JSON.parse(JSON.stringify(v ?? null)) as Json);

function suggestCall(name: string, d: Distribution): string {
  const n = JSON.stringify(name);
  if (d.kind === 'categorical') return `trial.suggest_categorical(${n}, ${pyLiteral(d.choices)})`;
  if (d.kind === 'int') return `trial.suggest_int(${n}, ${d.low}, ${d.high}${d.step !== 1 ? `, step=${d.step}` : ''}${d.log ? ', log=True' : ''})`;
  return `trial.suggest_float(${n}, ${pyLiteral(d.low)}, ${pyLiteral(d.high)}${d.log ? ', log=True' : ''}${d.step !== null ? `, step=${pyLiteral(d.step)}` : ''})`;
}

const segmentJson = (s: PathSegment): string | number => ('key' in s ? s.key : 'index' in s ? s.index : '*');

export function optunaScript(def: SweepDefinition, options: ScriptOptions): string {
  const lower = Object.fromEntries(Object.keys(OPTIMIZER_DEFAULTS).map((c) => [c.toLowerCase(), c]));
  const optimizerArgs = Object.fromEntries(Object.entries(OPTIMIZER_DEFAULTS).map(([c, args]) => [c, Object.keys(args)]));
  const pruner = def.earlyTerminate;
  const title = `${def.name}: the HyperLab sweep ${options.sweepFile} as a standalone Optuna script`;
  return [
    '#!/usr/bin/env python3',
    `"""${title.replace(/"""/g, "'''")}.`,
    '',
    `Search space, sampler (${def.method}) and pruner (${pruner?.type ?? 'none'}) are the sweep's; the objective ${def.metric.goal}s ${def.metric.name}.`,
    'Every process running this script (and HyperLab itself) adds trials to the same study:',
    '',
    `    python3 ${def.name}_optuna.py --storage ${options.storage} --n-trials 10`,
    `    python3 ${def.name}_optuna.py --storage postgresql://user@host/db --study ${def.name}`,
    '',
    'The default backend fits the Keras model (pip install keras jax optuna); --backend hyperlab trains each',
    'trial with `hyperlab train` instead (no TensorFlow or JAX needed).',
    '"""',
    'import argparse',
    'import json',
    'import math',
    'import os',
    'import shlex',
    'import subprocess',
    'import tempfile',
    'import warnings',
    '',
    'import numpy as np',
    'import optuna',
    '',
    `EXPERIMENT = ${pyJson(def.experiment)}`,
    `PARAMETERS = ${pyJson(def.parameters.map((p) => ({ name: p.path.name, kind: p.path.kind, segments: p.path.segments.map(segmentJson) })))}`,
    `METHOD = ${JSON.stringify(def.method)}`,
    `GRID = ${pyJson(Object.fromEntries(def.parameters.map((p) => [p.path.name, p.grid ?? []])))}`,
    `PRUNER = ${pyJson(pruner)}`,
    `METRIC = ${JSON.stringify(def.metric.name)}`,
    `DIRECTION = ${JSON.stringify(def.metric.goal)}`,
    `MAX_TRIALS = ${def.maxTrials}`,
    `STUDY = ${JSON.stringify(def.name)}`,
    `STORAGE = ${JSON.stringify(options.storage)}`,
    `DATA_DIR = ${JSON.stringify(options.dataDir)}`,
    `LAYER_ARGS = ${pyJson(LAYER_ARGS)}`,
    `OPTIMIZER_NAMES = ${pyJson(lower)}`,
    `OPTIMIZER_ARGS = ${pyJson(optimizerArgs)}`,
    '',
    '',
    'def suggest(trial):',
    '    """The sweep\'s parameters, in its order, as HyperLab records them."""',
    '    return {',
    ...def.parameters.map((p) => `        ${JSON.stringify(p.path.name)}: ${suggestCall(p.path.name, p.distribution)},`),
    '    }',
    '',
    PLAYGROUND_PYTHON.trimEnd(),
    '',
    RUNTIME_PYTHON.trimEnd(),
    '',
  ].join('\n');
}
