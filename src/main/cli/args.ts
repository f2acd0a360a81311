import type { CliMessageKey } from './messages';

/** Options every command accepts. */
const GLOBAL_OPTIONS = ['db', 'json', 'lang', 'user', 'help'] as const;

/** Options that are switches; all others take a value. */
const FLAGS = new Set(['json', 'help', 'all', 'no-header', 'dry-run', 'yes', 'force']);

/** Options per command, besides the global ones. */
export const COMMAND_OPTIONS = {
  init: [],
  demo: ['count'],
  'leads list': ['stage', 'limit'],
  'leads add': [
    'first-name',
    'last-name',
    'company',
    'email',
    'phone',
    'source',
    'job-title',
    'role',
  ],
  'leads move': ['reason', 'deal-value'],
  'leads show': [],
  'activities add': ['kind', 'content', 'topic', 'url', 'at', 'text'],
  'scoring recompute': [],
  'content list': ['all'],
  import: [
    'mapping',
    'encoding',
    'delimiter',
    'sheet',
    'no-header',
    'source',
    'campaign',
    'owner',
    'on-duplicate',
    'dry-run',
    'yes',
  ],
  'imports list': [],
  'imports undo': [],
  'imports resume': [],
  'imports discard': [],
  export: ['format', 'stage', 'delimiter', 'force'],
  help: [],
} as const satisfies Record<string, readonly string[]>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

const KNOWN_OPTIONS = new Set<string>([
  ...GLOBAL_OPTIONS,
  ...Object.values(COMMAND_OPTIONS).flat(),
]);

/** Wrong usage: exit code 2, with a command-line text. */
export class UsageError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

export type ParsedArgs = {
  command: CommandName;
  /** Positional arguments after the command words. */
  args: string[];
  options: Map<string, string>;
  flags: Set<string>;
};

/**
 * Splits argv into command, positional arguments, valued options and flags. Options may come
 * anywhere, as `--name value` or `--name=value`; `--` ends the options. Unknown options, a
 * missing value and options the command does not take are usage errors.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (onlyPositionals || !token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    if (token === '--') {
      onlyPositionals = true;
      continue;
    }
    if (token === '-h') {
      flags.add('help');
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    if (!token.startsWith('--') || !KNOWN_OPTIONS.has(name)) {
      throw new UsageError('unknownOption', { option: eq === -1 ? token : token.slice(0, eq) });
    }
    if (FLAGS.has(name)) {
      if (eq !== -1) throw new UsageError('unknownOption', { option: token });
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = token.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('--')) value = argv[++i];
    if (value === undefined) throw new UsageError('optionNeedsValue', { option: `--${name}` });
    options.set(name, value);
  }

  const { command, args } = commandOf(positionals, flags.has('help'));
  const allowed = new Set<string>([...GLOBAL_OPTIONS, ...COMMAND_OPTIONS[command]]);
  for (const name of [...options.keys(), ...flags]) {
    if (!allowed.has(name))
      throw new UsageError('optionNotForCommand', { option: `--${name}`, command });
  }
  return { command, args, options, flags };
}

function commandOf(positionals: string[], help: boolean): { command: CommandName; args: string[] } {
  const [first, second, ...rest] = positionals;
  if (first === undefined) {
    if (help) return { command: 'help', args: [] };
    throw new UsageError('missingCommand');
  }
  if (first === 'help') return { command: 'help', args: [] };
  if (first === 'init' || first === 'demo' || first === 'export' || first === 'import') {
    return { command: first, args: positionals.slice(1) };
  }
  const subcommands = Object.keys(COMMAND_OPTIONS)
    .filter((name) => name.startsWith(`${first} `))
    .map((name) => name.slice(first.length + 1));
  if (subcommands.length > 0) {
    if (second === undefined) {
      if (help) return { command: 'help', args: [] };
      throw new UsageError('missingArgument', { name: subcommands.join(' | ') });
    }
    const command = `${first} ${second}`;
    if (command in COMMAND_OPTIONS) return { command: command as CommandName, args: rest };
    throw new UsageError('unknownCommand', { command });
  }
  throw new UsageError('unknownCommand', { command: first });
}

/** Requires exactly `names.length` positional arguments, named for the error message. */
export function expectArgs(parsed: ParsedArgs, names: readonly string[]): string[] {
  const missing = names[parsed.args.length];
  if (missing !== undefined) throw new UsageError('missingArgument', { name: missing });
  if (parsed.args.length > names.length) {
    throw new UsageError('tooManyArguments', { extra: parsed.args.slice(names.length).join(' ') });
  }
  return parsed.args;
}

/** Parses a whole number option within bounds; usage error otherwise. */
export function intOption(
  parsed: ParsedArgs,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = parsed.options.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError('invalidCount', { value: raw, min, max });
  }
  return value;
}
