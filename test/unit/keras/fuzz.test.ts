/**
 * Fuzzing the analysis with 1,000 truncated or mutated versions of the fixtures (seeded Rng, so every run
 * is the same): analyzeDocument never throws, finishes each file in bounded time, and every number it
 * reports for a layer whose source — and everything that layer depends on — lies before the mutation is
 * the number of the unmutated file or unknown. "Depends on" is the text before the layer, except for
 * layers inside functions (their call sites come later), layers applied on another line than the one
 * that creates them, and the fixture that sets input shapes and trainable after the layers (model.build,
 * `x.trainable = False`); those are fuzzed for robustness only. When the original number is unknown,
 * nothing can be said about the mutated one.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';
import { parser as pyParser } from '@lezer/python';
import { Rng } from '../../../src/engine/rng';
import { type DocumentLanguage, analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { DocumentAnalysis, LayerOutcome } from '../../../src/keras/kerasModel';

const DIR = path.resolve('test/fixtures/keras');
const CASES = 1_000;
/** Generous (CI machines are shared): the bound catches hangs and blow-ups, not speed (bench/kerasSummaryBench.ts does). */
const MAX_MS_PER_FILE = 1_000;
/** Fixtures whose earlier layers depend on later statements (model.build, `.trainable = False`). */
const LATE_DEPENDENCIES = new Set(['build_and_trainable.py']);

interface Source {
  readonly name: string;
  readonly text: string;
  readonly language: DocumentLanguage;
}

const FIXTURES: Source[] = readdirSync(DIR)
  .filter((f) => /\.(py|js|ts)$/.test(f))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(DIR, name), 'utf8'), language: name.endsWith('.py') ? 'python' : name.endsWith('.ts') ? 'typescript' : 'javascript' }));

/** The Python fixtures three times over: long enough (over 300 lines) to be parsed in segments (pySegments.ts). */
const LONG: Source = {
  name: 'all-python-fixtures-x3.py', language: 'python',
  text: Array.from({ length: 3 }, () => FIXTURES.filter((f) => f.language === 'python' && !LATE_DEPENDENCIES.has(f.name)).map((f) => f.text).join('\n')).join('\n'),
};

const SOURCES: Source[] = [...FIXTURES, LONG];

const JUNK = ['(', ')', '[', ']', ',', ':', '=', '\n', '    ', '#', "'", '"""', '\\', 'Dense(', 'for i in x:\n', 'if a:\n', '.add(', '*', '//', '0', '-', 'None', '{', '}', ';', '@'];

interface Mutation {
  readonly text: string;
  /** Offset in the original text where the first change is. */
  readonly from: number;
  readonly kind: string;
}

function mutate(text: string, rng: Rng): Mutation {
  const at = rng.int(text.length + 1);
  switch (rng.int(5)) {
    case 0: return { text: text.slice(0, at), from: at, kind: 'truncate' };
    case 1: { const len = 1 + rng.int(20); return { text: text.slice(0, at) + text.slice(at + len), from: at, kind: 'delete' }; }
    case 2: return { text: text.slice(0, at) + JUNK[rng.int(JUNK.length)]! + text.slice(at), from: at, kind: 'insert' };
    case 3: return { text: text.slice(0, at) + JUNK[rng.int(JUNK.length)]! + text.slice(at + 1), from: at, kind: 'replace' };
    default: {
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      const from = lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
      return { text: [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n'), from, kind: 'duplicate-line' };
    }
  }
}


/** Ranges of function bodies (their layers depend on call sites further down). */
function functionRanges(src: Source): [number, number][] {
  const out: [number, number][] = [];
  if (src.language === 'python') {
    pyParser.parse(src.text).iterate({ enter: (n) => { if (n.name === 'FunctionDefinition') out.push([n.from, n.to]); } });
    return out;
  }
  const sf = ts.createSourceFile('fuzz.ts', src.text, ts.ScriptTarget.Latest, false, src.language === 'typescript' ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n)) out.push([n.getStart(sf), n.end]);
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** Where the application of a layer created at `to` ends: `Dense(4)(x)` or `dense({...}).apply(x)`; null if not inline. */
function applicationEnd(text: string, to: number): number | null {
  const m = /^\s*(\.apply)?\(/.exec(text.slice(to, to + 20));
  if (!m) return null;
  let depth = 0;
  for (let i = to + m[0].length - 1; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return null;
}

interface Reported { readonly className: string; readonly outcome: LayerOutcome }

/** Layers whose numbers depend only on text before `limit`, keyed by the position of their call. */
function checkable(src: Source, a: DocumentAnalysis, limit: number, defs: readonly [number, number][]): Map<number, Reported> {
  const out = new Map<number, Reported>();
  for (const m of a.models) {
    for (const { node, outcome } of m.layers) {
      const { from, to } = node.call.span;
      const end = m.graph.kind === 'functional' && !node.isInput ? applicationEnd(src.text, to) : to;
      if (end === null || end > limit || defs.some(([s, e]) => from >= s && from < e) || node.sharedWith !== null) continue;
      out.set(from, { className: node.call.className, outcome });
    }
  }
  return out;
}

function sameOrUnknown(original: LayerOutcome, mutated: LayerOutcome, where: string): void {
  if (original.params && mutated.params) assert.deepEqual(mutated.params, original.params, `params changed ${where}`);
  if (original.outputShape && mutated.outputShape) assert.deepEqual(mutated.outputShape, original.outputShape, `shape changed ${where}`);
  if (!original.params) return;
  assert.ok(mutated.params === null || JSON.stringify(mutated.params) === JSON.stringify(original.params), where);
}

describe('keras analysis fuzz', function () {
  this.timeout(120_000);

  it(`survives ${CASES} truncated or mutated fixtures: no throw, bounded time, numbers right or unknown`, () => {
    const rng = new Rng(20_240_611);
    const originals = SOURCES.map((s) => ({ src: s, analysis: analyzeDocument(s.text, s.language), defs: functionRanges(s) }));
    let compared = 0;
    for (let i = 0; i < CASES; i++) {
      const { src, analysis, defs } = originals[rng.int(originals.length)]!;
      const mutation = mutate(src.text, rng);
      const where = `(case ${i}, ${src.name}, ${mutation.kind} at ${mutation.from})`;
      const started = performance.now();
      let result: DocumentAnalysis;
      assert.doesNotThrow(() => { result = analyzeDocument(mutation.text, src.language); }, where);
      const ms = performance.now() - started;
      assert.ok(ms < MAX_MS_PER_FILE, `${ms.toFixed(1)} ms ${where}`);
      if (LATE_DEPENDENCIES.has(src.name)) continue;
      const before = checkable(src, analysis, mutation.from, defs);
      const after = new Map<number, Reported[]>();
      for (const m of result!.models) for (const l of m.layers) after.set(l.node.call.span.from, [...(after.get(l.node.call.span.from) ?? []), { className: l.node.call.className, outcome: l.outcome }]);
      for (const [from, original] of before) {
        for (const mutated of after.get(from) ?? []) {
          if (mutated.className !== original.className) continue;
          sameOrUnknown(original.outcome, mutated.outcome, `for ${original.className} at ${from} ${where}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 500, `only ${compared} layer comparisons: the fuzz corpus is too small`);
  });
});
