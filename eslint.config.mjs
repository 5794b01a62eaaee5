// Lint: typescript-eslint's type-checked rules (no floating promises, above all) and the runtime
// boundaries of STYLE.md, enforced with no-restricted-imports:
//   src/engine, src/keras, src/shared, src/worker, src/cli, src/data never import 'vscode' (they run outside VS Code);
//   src/shared also never imports Node built-ins (the webviews import it);
//   webview/ imports only webview/ and src/shared (plus browser packages).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: "This folder runs outside VS Code (worker, CLI, tests): keep 'vscode' in src/host." };
const nodeBuiltins = { group: ['node:*'], message: 'src/shared is also bundled into the webviews: no Node built-ins.' };
const webviewOnly = {
  group: ['vscode', 'node:*', '**/src/host/**', '**/src/engine/**', '**/src/keras/**', '**/src/worker/**', '**/src/cli/**', '**/src/extension*'],
  message: 'Webview code imports only webview/ and src/shared; anything else reaches the host through the message protocol.',
};

export default tseslint.config(
  { ignores: ['test/fixtures/**', 'assembly/**', 'src/engine/kernels/generated/**', 'dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'scripts/**', 'esbuild.mjs', 'eslint.config.mjs', 'test/unit/reporter.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Randomness goes through a seeded Rng (src/engine/rng.ts).' }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/keras/**/*.ts', 'src/worker/**/*.ts', 'src/cli/**/*.ts', 'src/storage/**/*.ts', 'src/runs/**/*.ts', 'src/sweeps/**/*.ts', 'src/data/**/*.ts', 'src/host/data/mnistGate.ts',
      // The sweep view's logic, tested in plain Node (its VS Code side is sweepCommands, sweepPanel, sweepHost, ...).
      ...['importanceScheduler', 'importanceWorkerClient', 'sidebarSweep', 'sweepFeed', 'sweepPlanText', 'sweepRun', 'sweepService', 'sweepSession', 'sweepViews'].map((f) => `src/host/sweeps/${f}.ts`)],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [nodeBuiltins] }] },
  },
  {
    files: ['webview/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webviewOnly] }] },
  },
);
