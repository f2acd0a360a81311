import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Renderer layers: `app/` (the shell) → `features/<x>/` → `shared/` → `api/` → `@core`. A feature
 * imports neither another feature nor the shell, `shared/` imports no feature and not the shell,
 * `api/` only `@core`, and nothing leaves `src/renderer` except through `@core`. Imports are
 * relative, so each rule is spelled for the folder depth of the importing file.
 */
function rendererBoundaries() {
  const up = (levels) => `^(\\./)?${'\\.\\./'.repeat(levels)}`;
  const rule = (files, patterns) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  });
  /** One block per depth below `src/renderer` (1 = `folder/x.ts`, 2 = `folder/y/x.ts`, …). */
  const layer = (folder, patterns) =>
    [1, 2, 3, 4].map((depth) =>
      rule([`src/renderer/${folder}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`], patterns(depth)),
    );
  const outside = (depth) => ({
    regex: up(depth + 1),
    message: 'The renderer reaches other code only through @core.',
  });
  return [
    rule(['src/renderer/*.{ts,tsx}'], [outside(0)]),
    ...layer('app', (depth) => [outside(depth)]),
    ...layer('features', (depth) => [
      outside(depth),
      {
        regex: `${up(depth)}(app|features)(/|$)`,
        message: 'A feature imports neither the shell (app/) nor another feature; use shared/.',
      },
      // `features/x/file.ts` importing `../y/…` reaches into another feature.
      ...(depth > 1
        ? [
            {
              regex: `${up(depth - 1)}[^./]`,
              message: 'A feature does not import another feature; share through shared/.',
            },
          ]
        : []),
    ]),
    ...layer('shared', (depth) => [
      outside(depth),
      {
        regex: `${up(depth)}(app|features)(/|$)`,
        message: 'shared/ sits below the features and the shell and imports neither.',
      },
    ]),
    ...layer('api', (depth) => [{ regex: up(depth), message: 'api/ imports only @core.' }]),
  ];
}

/**
 * Import boundaries of the main process (docs/architecture.md): each folder may import only
 * the layers below it. `above(...)` matches a relative import of one of those main folders or
 * top-level modules, seen from any depth below `src/main`.
 */
const above = (...names) => `^(\\.\\.?/)+(${names.join('|')})(/|$)`;
const ENTRY_POINTS = ['app', 'index', 'host', 'cli', 'web', 'electron', 'ipc'];
const electronPackage = { name: 'electron', message: 'Only main/electron talks to Electron.' };
const boundary = (files, message, names, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { paths: [electronPackage], patterns: [{ regex: above(...names), message }, ...extra] },
    ],
  },
});

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...rendererBoundaries(),
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'setTimeout', 'fetch'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core is pure: pass the time in',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'core is pure: use createRandom(seed)',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core is pure: pass the time in',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPackage],
          patterns: [
            {
              regex: '(^|/)(main|renderer|preload)(/|$)',
              message:
                'core is pure and shared: it imports nothing from main, renderer or preload.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/errors.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPackage],
          patterns: [
            {
              regex: '^\\.',
              message: 'main/errors.ts is the bottom of main: it imports core only.',
            },
          ],
        },
      ],
    },
  },
  boundary(
    ['src/main/db/**/*.ts'],
    'db is the bottom layer above errors: no repositories, domain, services, import, demo or entry points.',
    ['repositories', 'domain', 'services', 'import', 'demo', 'formats', ...ENTRY_POINTS],
  ),
  boundary(
    ['src/main/repositories/**/*.ts'],
    'repositories are queries on db: no domain, services, import, demo or entry points.',
    ['domain', 'services', 'import', 'demo', 'formats', ...ENTRY_POINTS],
  ),
  boundary(
    ['src/main/formats/**/*.ts'],
    'formats read and write files and know nothing of leads: no db, repositories, domain, services, import or entry points.',
    ['db', 'repositories', 'domain', 'services', 'import', 'demo', ...ENTRY_POINTS],
    [
      {
        regex:
          '^@core/(domain/(lead|channels|transitions)|scoring|import/(mapping|match-keys|convert|values|company-name)|ipc/schemas)(/|$)',
        message: 'formats know nothing of leads.',
      },
    ],
  ),
  boundary(
    ['src/main/domain/**/*.ts'],
    'domain holds write-side rules below the use cases: no services, import, demo or entry points.',
    ['services', 'import', 'demo', ...ENTRY_POINTS],
  ),
  boundary(
    ['src/main/services/**/*.ts'],
    'services are use cases: the handlers, CLI, web bridge and Electron call them, not the other way.',
    ENTRY_POINTS.filter((name) => name !== 'host'),
  ),
  boundary(
    ['src/main/import/**/*.ts', 'src/main/demo/**/*.ts'],
    'the import pipeline and the demo use domain rules, never services or entry points.',
    ['services', ...ENTRY_POINTS],
  ),
  {
    files: ['scripts/**/*.mjs', 'src/main/cli.ts', 'src/main/web.ts'],
    rules: { 'no-console': 'off' },
  },
);
