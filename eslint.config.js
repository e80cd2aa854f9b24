// ESLint flat config: typescript-eslint with type information, react-hooks for web/, and the
// project's import boundaries (a small local rule, see `boundaries` below). Zero warnings allowed:
// `eslint --max-warnings 0 .`
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const toPosix = (p) => p.split(path.sep).join('/');

/** Where a relative import points, as a repository-relative posix path; null for packages. */
function importTarget(filename, source) {
  if (!source.startsWith('.')) return null;
  return toPosix(path.relative(ROOT, path.resolve(path.dirname(filename), source)));
}

const MODULE_RE = /^server\/modules\/([^/]+)(?:\/(.*))?$/;
const PURE_AREAS = ['domain', 'contracts'];
const FORBIDDEN_FROM_PURE = ['server', 'cli', 'web'];

/**
 * - server/modules/<a>/** may reach server/modules/<b>/ (b ≠ a) only through its index.ts;
 * - domain/ and contracts/ are pure: they never import server/, cli/ or web/.
 */
const boundaryRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries between business modules and the pure layers' },
    schema: [],
    messages: {
      moduleInternals:
        "'{{source}}' reaches into module '{{target}}': import it through server/modules/{{target}}/index.ts.",
      impure: "{{area}}/ is pure and must not import from {{forbidden}}/ ('{{source}}').",
    },
  },
  create(context) {
    const from = toPosix(path.relative(ROOT, context.filename));
    const fromModule = MODULE_RE.exec(from)?.[1];
    const fromArea = from.split('/')[0];
    const check = (node) => {
      const source = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (source === null) return;
      const target = importTarget(context.filename, source);
      if (target === null) return;
      if (PURE_AREAS.includes(fromArea)) {
        const forbidden = FORBIDDEN_FROM_PURE.find((dir) => target === dir || target.startsWith(`${dir}/`));
        if (forbidden) {
          context.report({ node, messageId: 'impure', data: { area: fromArea, forbidden, source } });
          return;
        }
      }
      if (fromModule === undefined) return;
      const match = MODULE_RE.exec(target);
      if (!match || match[1] === fromModule) return;
      const rest = match[2] ?? '';
      if (!['', 'index', 'index.ts', 'index.js'].includes(rest)) {
        context.report({ node, messageId: 'moduleInternals', data: { source, target: match[1] } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const boundaries = { meta: { name: 'perfbudget-boundaries' }, rules: { boundaries: boundaryRule } };

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'data/',
    'server/db/migrations/',
    '.test-tmp/',
    'test-results/',
    'playwright-report/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { perfbudget: boundaries },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Fastify plugins and handlers are `async` by convention (a plugin must be async or take
      // `done`), often without an await; the promise rules below catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
      'perfbudget/boundaries': 'error',
    },
  },
  {
    // Plain JavaScript (this file, bin shims) is not part of any tsconfig.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Tests read untyped bodies (`app.inject(...).json()`, Playwright's `response.json()` are
    // `any`) and check them with expect(); `any` written by hand is still an error.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['domain/**', 'contracts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['pg', 'fastify', 'drizzle-orm', '@electric-sql/pglite'].map((name) => ({
            name,
            message: 'domain/ and contracts/ are pure: no database or HTTP here.',
          })),
          patterns: [
            {
              regex: '^(node:)?(fs|fs/promises|child_process|net|http|https|worker_threads)$',
              message: 'domain/ and contracts/ are pure: no I/O here.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
);
