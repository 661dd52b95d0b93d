// Type-aware strict lint, zero warnings (npm run lint uses --max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'static/*/build/', 'tools/', 'coverage/', '.sandbox-data/', 'test/fixtures/**/node_modules/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['static/**/*.tsx', 'static/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Layering: pure domain code and the Custom UI never reach the platform or the sandbox.
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@forge/*', '**/platform/**', '**/services/**', '**/resolvers/**', '**/sandbox/**', 'node:*'] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@forge/kvs', '@forge/api', '**/sandbox/**'] }] },
  },
  {
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/src/services/**', '**/src/platform/**', '**/src/resolvers/**', '@forge/api', '@forge/kvs', '**/sandbox/**'] }] },
  },
);
