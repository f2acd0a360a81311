import { runCli } from './cli/run';

/**
 * `npm run cli -- --db FILE <command>`: the admin and script interface over the same
 * `dispatch` as the app. The exit code is set rather than forced, so piped output is flushed.
 */
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli reports every failure itself; this is a last resort, still without a stack trace.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
