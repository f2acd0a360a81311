import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  catalogs,
  fillPlaceholders,
  MISSING_PARAM,
  missingParams,
  placeholdersOf,
  translate,
} from '@core/i18n';
import type { Language } from '@core/ipc/contract';
import { cliText } from '../../src/main/cli/messages';

/**
 * No `{{placeholder}}` ever reaches a user: both languages use the same placeholders per
 * text, every call in the sources with a literal key passes each placeholder its text needs
 * (read from the TypeScript syntax of the arguments), and rendering leaves none behind.
 */

const LANGUAGES: readonly Language[] = ['de', 'en'];
const ROOT = join(import.meta.dirname, '..', '..');

/** Every text of a catalog by its dotted key. */
function flatten(node: unknown, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [name, value] of Object.entries(node as Record<string, unknown>)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') texts.set(key, value);
    else for (const [inner, text] of flatten(value, key)) texts.set(inner, text);
  }
  return texts;
}

const CORE = { de: flatten(catalogs.de), en: flatten(catalogs.en) };
const CLI = { de: flatten(catalogs.de.cli), en: flatten(catalogs.en.cli) };

const sorted = (names: string[]) => [...names].sort();

describe('the catalogs', () => {
  for (const [name, catalog] of [
    ['core', CORE],
    ['command line', CLI],
  ] as const) {
    it(`${name}: German and English have the same keys and the same placeholders per key`, () => {
      expect(sorted([...catalog.en.keys()])).toEqual(sorted([...catalog.de.keys()]));
      const differing = [...catalog.de]
        .filter(([key, text]) => {
          const other = catalog.en.get(key) ?? '';
          return sorted(placeholdersOf(text)).join() !== sorted(placeholdersOf(other)).join();
        })
        .map(([key, text]) => `${key}: ${text} / ${catalog.en.get(key)}`);
      expect(differing).toEqual([]);
    });

    it(`${name}: every text renders without a placeholder, with its parameters and without`, () => {
      for (const language of LANGUAGES) {
        for (const [key, text] of catalog[language]) {
          const params = Object.fromEntries(placeholdersOf(text).map((p) => [p, `«${p}»`]));
          const full = fillPlaceholders(text, params);
          expect(full, `${language} ${key}`).not.toMatch(/\{\{|\}\}/);
          for (const placeholder of placeholdersOf(text))
            expect(full).toContain(`«${placeholder}»`);
          const bare = fillPlaceholders(text, {});
          expect(bare, `${language} ${key}`).not.toMatch(/\{\{|\}\}/);
        }
      }
    });
  }

  it('translate and cliText render a missing parameter as an ellipsis and report it', () => {
    expect(translate('de', 'errors.INTERNAL')).toBe(
      `Unerwarteter Fehler. Bitte erneut versuchen; bleibt er, diese technische Angabe an den Support geben: ${MISSING_PARAM}`,
    );
    expect(missingParams('de', 'errors.DB_FULL', { file: 'team.sqlite' })).toEqual(['folder']);
    expect(missingParams('de', 'errors.DB_FULL', { file: 'a', folder: 'b' })).toEqual([]);
    expect(cliText('en', 'initDone')).toBe(`Database created: ${MISSING_PARAM}`);
  });
});

/** A call of a text function whose key is a literal, with what it passes as parameters. */
type Use = { where: string; catalog: 'core' | 'cli'; key: string; params: Params };

/** The parameter names a call passes; `open` when more may come from something unknown. */
type Params = { names: string[]; open: boolean };

/** Index of the key and of the parameters, per text function of the sources. */
const SIGNATURES: Record<string, { key: number; params: number; code?: number; prefix?: string }> =
  {
    AppError: { code: 0, key: 1, params: 2 },
    errorData: { code: 1, key: 2, params: 3 },
    translate: { key: 1, params: 2 },
    cliText: { key: 1, params: 2 },
    importText: { key: 1, params: 2, prefix: 'importCli.' },
  };

function literal(node: ts.Expression | undefined): string | null {
  return node !== undefined &&
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : null;
}

function sourceFiles(dir: string): ts.SourceFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => {
      const path = join(dir, name);
      const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      return ts.createSourceFile(
        path,
        readFileSync(path, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        kind,
      );
    });
}

/**
 * What the sources declare by name: variables (`const t = importText`, `const params =
 * {…}`) per file, and functions with a declared object return type (`fileParams`).
 */
type Declarations = {
  variables: Map<ts.SourceFile, Map<string, ts.Expression>>;
  functions: Map<string, ts.TypeNode>;
};

function declarationsOf(files: readonly ts.SourceFile[]): Declarations {
  const declarations: Declarations = { variables: new Map(), functions: new Map() };
  for (const file of files) {
    const variables = new Map<string, ts.Expression>();
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        variables.set(node.name.text, node.initializer);
      }
      if (ts.isFunctionDeclaration(node) && node.name && node.type) {
        declarations.functions.set(node.name.text, node.type);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    declarations.variables.set(file, variables);
  }
  return declarations;
}

function namesOfType(type: ts.TypeNode): Params {
  if (!ts.isTypeLiteralNode(type)) return { names: [], open: true };
  const names = type.members.flatMap((member) =>
    member.name !== undefined && ts.isIdentifier(member.name) ? [member.name.text] : [],
  );
  return { names, open: false };
}

/** The parameter names an argument passes, as far as the sources show them. */
function paramsOf(
  node: ts.Expression | undefined,
  file: ts.SourceFile,
  declarations: Declarations,
): Params {
  if (node === undefined || node.kind === ts.SyntaxKind.UndefinedKeyword) {
    return { names: [], open: false };
  }
  if (ts.isIdentifier(node)) {
    if (node.text === 'undefined') return { names: [], open: false };
    const initializer = declarations.variables.get(file)?.get(node.text);
    return initializer === undefined
      ? { names: [], open: true }
      : paramsOf(initializer, file, declarations);
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const type = declarations.functions.get(node.expression.text);
    return type === undefined ? { names: [], open: true } : namesOfType(type);
  }
  if (!ts.isObjectLiteralExpression(node)) return { names: [], open: true };
  const result: Params = { names: [], open: false };
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) {
      const spread = paramsOf(property.expression, file, declarations);
      result.names.push(...spread.names);
      result.open ||= spread.open;
    } else if (property.name !== undefined && ts.isIdentifier(property.name)) {
      result.names.push(property.name.text);
    } else if (property.name !== undefined && ts.isStringLiteral(property.name)) {
      result.names.push(property.name.text);
    }
  }
  return result;
}

/** Every call with a literal key in `src`, main and renderer, with its parameters' names. */
function usesInSources(): Use[] {
  const files = sourceFiles(join(ROOT, 'src'));
  const declarations = declarationsOf(files);
  const uses: Use[] = [];
  for (const file of files) {
    const renderer = relative(ROOT, file.fileName).startsWith(join('src', 'renderer'));
    const variables = declarations.variables.get(file);
    const visit = (node: ts.Node): void => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
        const args = node.arguments;
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const where = `${relative(ROOT, file.fileName)}:${line}`;
        let name = ts.isIdentifier(node.expression) ? node.expression.text : null;
        // Follow aliases such as `const t = importText`.
        const alias = name === null ? undefined : variables?.get(name);
        if (alias !== undefined && ts.isIdentifier(alias)) name = alias.text;
        const signature = name === null ? undefined : SIGNATURES[name];
        if (signature !== undefined) {
          const code = signature.code === undefined ? null : literal(args[signature.code]);
          const given = literal(args[signature.key]);
          const key =
            given ?? (args[signature.key] === undefined && code !== null ? `errors.${code}` : null);
          if (key !== null) {
            uses.push({
              where,
              catalog: name === 'cliText' ? 'cli' : 'core',
              key: `${signature.prefix ?? ''}${key}`,
              params: paramsOf(args[signature.params], file, declarations),
            });
          }
        } else if (renderer && name === 't') {
          // The renderer's i18next `t(key, options)`.
          const key = literal(args[0]);
          if (key !== null) {
            uses.push({
              where,
              catalog: 'core',
              key,
              params: paramsOf(args[1], file, declarations),
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** The texts a key stands for: itself, or its plural forms (`key_one`, `key_other`). */
function textsOf(use: Use, language: Language): string[] {
  const catalog = (use.catalog === 'cli' ? CLI : CORE)[language];
  const own = catalog.get(use.key);
  if (own !== undefined) return [own];
  return [...catalog].filter(([key]) => key.startsWith(`${use.key}_`)).map(([, text]) => text);
}

describe('the sources', () => {
  it('pass every placeholder its text needs wherever a literal key is used', () => {
    const uses = usesInSources();
    // The scan sees the calls that matter: errors, the command line and the renderer.
    expect(uses.filter((use) => use.key === 'errors.DB_FULL').length).toBeGreaterThan(0);
    expect(uses.filter((use) => use.catalog === 'cli').length).toBeGreaterThan(10);
    expect(uses.length).toBeGreaterThan(400);
    const problems: string[] = [];
    for (const use of uses) {
      for (const language of LANGUAGES) {
        const texts = textsOf(use, language);
        if (texts.length === 0) {
          problems.push(`${use.where}: ${use.key} is not in the ${language} catalog`);
          continue;
        }
        const needed = [...new Set(texts.flatMap(placeholdersOf))];
        const missing = needed.filter((name) => !use.params.names.includes(name));
        if (missing.length === 0) continue;
        problems.push(
          use.params.open
            ? `${use.where}: ${use.key} needs ${missing.join(', ')}; cannot see them passed`
            : `${use.where}: ${use.key} (${language}) lacks ${missing.join(', ')}`,
        );
      }
    }
    expect([...new Set(problems)]).toEqual([]);
    // Parsing every source file takes a few seconds on a busy machine.
  }, 60_000);
});
