/**
 * The Python parse worker (parseHelper.ts, dist/pythonParseWorker.js built by `npm run build`): trees sent
 * back as plain data rebuild into the trees the parser made, and a long file analysed with half of its
 * segments parsed by the worker gives exactly the analysis of one thread.
 */
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { IterMode, type Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { packTree, unpackTree } from '../../../src/keras/python/treeTransfer';
import { usePythonParseWorker } from '../../../src/keras/python/pythonModels';
import { kerasFixture } from './analysisFixtures';

const PYTHON_FIXTURES = ['mnist_mlp.py', 'functional.py', 'toy_resnet.py', 'syntax_error.py', 'control_flow.py', 'spellings.py', 'loss_pairing.py'];

/** Every node (anonymous ones too) as name@from-to, in document order. */
function nodes(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.cursor(IterMode.IncludeAnonymous);
  do out.push(`${cursor.name}@${cursor.from}-${cursor.to}`); while (cursor.next());
  return out;
}

describe('python parse worker', () => {
  it('sends trees as plain data that rebuild into the same trees (syntax errors included)', () => {
    for (const name of PYTHON_FIXTURES) {
      const tree = parser.parse(kerasFixture(name));
      const copy = unpackTree(structuredClone(packTree(tree)), parser.nodeSet);
      assert.deepEqual(nodes(copy), nodes(tree), name);
    }
  });

  it('analyses a long file exactly as one thread does, with part of it parsed by the worker', async function () {
    this.timeout(20_000);
    // About 1,400 lines (52,000 characters): seven fixtures (one with syntax errors) several times, and an unclosed bracket near the end.
    const text = Array.from({ length: 8 }, () => PYTHON_FIXTURES.map(kerasFixture).join('\n')).join('\n') + '\nplt.plot(history[\n' + kerasFixture('mnist_mlp.py');
    analyzeDocument('', 'python');
    const alone = analyzeDocument(text, 'python');
    const helper = usePythonParseWorker(path.resolve('dist', 'pythonParseWorker.js'))!;
    try {
      for (let waited = 0; !helper.ready; waited += 20) {
        assert.ok(waited < 15_000, 'the worker did not start');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      analyzeDocument('', 'python');
      const paired = analyzeDocument(text, 'python');
      assert.equal(helper.jobs, 1, 'the worker parsed no segment');
      assert.deepEqual(paired, alone);
      assert.ok(alone.models.length >= 20 && alone.diagnostics.some((d) => d.code === 'syntax'));
      // An unclosed bracket in the half the worker parses: error recovery nests trees thousands deep (they used to
      // overflow this thread's stack when the reply was read, and an overflow in the worker's larger stack is not
      // one here), so the worker leaves such segments to this thread: same analysis, no internal error.
      const tail = 'if total_1 > 1:\nplt.plot(history[3])\nx_1 = np.zeros((1, 4))\n';
      const deep = `${text}\n${text}\nplt.plot(history[\n${tail.repeat(600)}`;
      analyzeDocument('', 'python');
      usePythonParseWorker(null);
      const deepAlone = analyzeDocument(deep, 'python');
      const again = usePythonParseWorker(path.resolve('dist', 'pythonParseWorker.js'))!;
      for (let waited = 0; !again.ready; waited += 20) {
        assert.ok(waited < 15_000, 'the worker did not restart');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      analyzeDocument('', 'python');
      const deepPaired = analyzeDocument(deep, 'python');
      assert.equal(again.jobs, 1);
      assert.deepEqual(deepPaired.diagnostics.filter((d) => d.code === 'internal'), []);
      assert.deepEqual(deepPaired, deepAlone);
    } finally {
      usePythonParseWorker(null);
    }
  });
});
