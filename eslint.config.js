// The architecture's import rules (../shared/design/ARCHITECTURE.md), enforced as errors.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'worker_threads', 'url', 'stream', 'events', 'util', 'zlib', 'module', 'process', 'buffer'];

const noNode = [
  { group: ['node:*'], message: 'This folder runs without Node: talk to the host through the contract.' },
  ...nodeBuiltins.map((name) => ({ group: [name, `${name}/*`], message: 'This folder runs without Node: talk to the host through the contract.' })),
  { group: ['better-sqlite3', 'ws'], message: 'Node-only library: it belongs in electron/core or electron/host.' },
];
const noElectron = { regex: '^electron(/.*)?$', message: 'Only electron/main and electron/preload may import electron.' };
const notUp = (...dirs) =>
  dirs.map((dir) => ({ group: [`**/${dir}/**`, `**/${dir}`], message: `Layering: this folder may not import from ${dir}/.` }));

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Boundaries are validated with schemas; a cast would only silence the compiler.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'scripts/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/consistent-type-assertions': 'off' },
  },
  { files: ['shared/**/*.ts'], rules: restrict([...noNode, noElectron, ...notUp('electron', 'renderer', 'emulator', 'test', 'scripts'), { group: ['react', 'react-*', 'maplibre-gl', '@deck.gl/*', 'zustand'], message: 'shared/ is pure TypeScript: UI libraries belong in renderer/.' }]) },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } }, rules: restrict([...noNode, noElectron, ...notUp('electron', 'emulator', 'test', 'scripts')]) },
  { files: ['electron/core/**/*.ts'], languageOptions: { globals: { ...globals.node } }, rules: restrict([noElectron, ...notUp('renderer', 'main', 'preload', 'host', 'emulator')]) },
  { files: ['electron/host/**/*.ts'], languageOptions: { globals: { ...globals.node } }, rules: restrict([noElectron, ...notUp('renderer', 'main', 'preload', 'emulator')]) },
  { files: ['electron/main/**/*.ts'], languageOptions: { globals: { ...globals.node } }, rules: restrict([...notUp('renderer', 'preload', 'host', 'emulator')]) },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', allowImportNames: ['contextBridge', 'ipcRenderer'], message: 'The preload may use contextBridge and ipcRenderer only.' }],
          patterns: [...noNode, ...notUp('renderer', 'main', 'core', 'host', 'emulator'), { regex: '^electron/', message: 'The preload may use contextBridge and ipcRenderer only.' }],
        },
      ],
    },
  },
  { files: ['emulator/**/*.ts'], languageOptions: { globals: { ...globals.node } }, rules: restrict([noElectron, ...notUp('renderer', 'electron')]) },
);
