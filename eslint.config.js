// Lint: typescript-eslint's recommended rules, plus the fence that keeps src/core pure.
import tseslint from 'typescript-eslint';

const coreFence = {
  patterns: [
    {
      regex: '^(node:|fs$|path$|os$|crypto$|better-sqlite3|pg$|sharp|papaparse|commander|cli-progress)',
      message:
        'src/core is the pure core: no I/O, no Node built-ins, no adapters. Pass data and time in as parameters (see STYLE.md §1).',
    },
    {
      regex: '^\\.\\./\\.\\./(ingest|store|photos|simulate|server|cli)/|^\\.\\./(ingest|store|photos|simulate|server|cli)/',
      message: 'src/core must not import adapters; dependencies point inward (STYLE.md §2).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'bench/results/**', '.cache/**', 'tmp/**', 'trollmap-demo/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', coreFence] },
  },
);
