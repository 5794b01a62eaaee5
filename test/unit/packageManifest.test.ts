import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { CommandIds, TUNING_VIEW_ID } from '../../src/shared/commandIds';

interface Manifest {
  engines: { vscode: string };
  activationEvents?: string[];
  bin: Record<string, string>;
  main: string;
  categories: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { type?: string; id: string; name: string }[]>;
  };
}

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Manifest;
const nls = JSON.parse(fs.readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
const nlsEs = JSON.parse(fs.readFileSync('package.nls.es.json', 'utf8')) as Record<string, string>;

describe('package.json', () => {
  it('contributes exactly the commands in CommandIds', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(CommandIds).sort());
  });

  it('targets VS Code 1.100 so the 1.100.3 test host loads it, with matching @types/vscode', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    const installed = JSON.parse(fs.readFileSync('node_modules/@types/vscode/package.json', 'utf8')) as { version: string };
    assert.match(installed.version, /^1\.100\./);
  });

  it('never activates on everything', () => {
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
    assert.ok(!(manifest.activationEvents ?? []).includes('onStartupFinished'));
  });

  it('has an activity-bar container with the tuning webview view', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === 'hyperlab');
    assert.ok(container, 'no hyperlab activity-bar container');
    assert.ok(fs.existsSync(container.icon), `icon ${container.icon} missing`);
    const view = manifest.contributes.views.hyperlab?.find((v) => v.id === TUNING_VIEW_ID);
    assert.equal(view?.type, 'webview');
  });

  it('points main and the hyperlab bin at built bundles', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.bin.hyperlab, './dist/cli.js');
  });

  it('declares limited support for untrusted and virtual workspaces, saying what is off', () => {
    const caps = (manifest as unknown as { capabilities: Record<string, { supported: unknown; description: string }> }).capabilities;
    assert.equal(caps.untrustedWorkspaces?.supported, 'limited');
    assert.equal(caps.virtualWorkspaces?.supported, 'limited');
    assert.match(nls[caps.untrustedWorkspaces.description.slice(1, -1)]!, /does not train experiment files or models from workspace files, read their data files, or export scripts/);
  });

  it('lists the categories of the design card', () => {
    assert.deepEqual(manifest.categories, ['Machine Learning', 'Visualization', 'Education']);
  });

  it('has an English and a Spanish string for every %key% it uses', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1] as string);
    assert.ok(keys.length >= 4, 'expected localized titles in package.json');
    for (const key of keys) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsEs[key], `package.nls.es.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nlsEs).sort(), Object.keys(nls).sort(), 'package.nls.es.json and package.nls.json differ in keys');
  });
});
