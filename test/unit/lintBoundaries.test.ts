import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';

// Lints snippets as if they lived in each folder, with the project's own eslint.config.mjs, keeping only the
// boundary rule (the type-aware rules need files that exist on disk).
const eslint = new ESLint({
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint boundaries', function () {
  this.timeout(60_000);

  for (const folder of ['src/engine', 'src/keras', 'src/shared', 'src/worker', 'src/cli', 'src/storage', 'src/runs', 'src/sweeps', 'src/data']) {
    it(`forbid 'vscode' in ${folder}`, async () => {
      const errors = await boundaryErrors(`${folder}/probe.ts`, "import * as vscode from 'vscode';\nexport const v = vscode;\n");
      assert.equal(errors.length, 1, `expected one boundary error, got ${JSON.stringify(errors)}`);
    });
  }

  it('forbid Node built-ins in src/shared', async () => {
    assert.equal((await boundaryErrors('src/shared/probe.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).length, 1);
  });

  it('forbid host and engine imports in webview code but allow src/shared', async () => {
    assert.equal((await boundaryErrors('webview/panel/probe.ts', "import { TrainingPanel } from '../../src/host/trainingPanel';\nexport const p = TrainingPanel;\n")).length, 1);
    assert.equal((await boundaryErrors('webview/panel/probe.ts', "import { Rng } from '../../src/engine/rng';\nexport const r = Rng;\n")).length, 1);
    assert.deepEqual(await boundaryErrors('webview/panel/probe.ts', "import { isHostToPanel } from '../../src/shared/protocol/webviewProtocol';\nexport const g = isHostToPanel;\n"), []);
  });

  it("forbid 'vscode' in the MNIST gate, a host controller tested in plain Node", async () => {
    assert.equal((await boundaryErrors('src/host/data/mnistGate.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n")).length, 1);
  });

  it("allow 'vscode' in src/host", async () => {
    assert.deepEqual(await boundaryErrors('src/host/probe.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"), []);
  });
});
