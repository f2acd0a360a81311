import { parseArgs } from 'node:util';

export type WebArgs = {
  /** Database file to open, or create when it does not exist yet. */
  db: string | null;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Fill a newly created file with demo data. */
  demo: boolean;
};

export const WEB_USAGE = 'Usage: npm run web -- [--db FILE] [--port N] [--demo]';

/** Parses `web` arguments; returns a message instead when they are wrong. */
export function parseWebArgs(
  argv: string[],
): { ok: true; args: WebArgs } | { ok: false; message: string } {
  let values: { db?: string; port?: string; demo?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        demo: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port > 65_535) {
    return {
      ok: false,
      message: `--port must be a whole number from 0 to 65535, got "${values.port}"`,
    };
  }
  if (values.db !== undefined && values.db.trim() === '') {
    return { ok: false, message: '--db needs a file name' };
  }
  if (values.demo === true && values.db === undefined) {
    return { ok: false, message: '--demo needs --db FILE (the file to fill with demo data)' };
  }
  return { ok: true, args: { db: values.db ?? null, port, demo: values.demo === true } };
}
