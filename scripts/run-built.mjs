// Usage: node scripts/run-built.mjs <web|cli> [args…]
// Builds with electron-vite when the output is missing or older than the sources, then runs
// `node out/main/<target>.js args…` with the terminal attached and passes on its exit code or
// signal. Build output goes to stderr so the target's stdout stays clean (the web mode prints
// exactly one line there).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'out');
const STAMP = join(OUT, '.build-stamp');
const TARGETS = ['web', 'cli'];
const INPUTS = ['src', 'electron.vite.config.ts', 'package.json', 'tsconfig.base.json'];
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(target) {
  if (!existsSync(STAMP) || !existsSync(join(OUT, 'main', `${target}.js`))) return true;
  const stamp = statSync(STAMP).mtimeMs;
  return INPUTS.some((input) => newestMtime(join(ROOT, input)) > stamp);
}

function electronViteBin() {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('electron-vite/package.json');
  return join(dirname(manifestPath), require(manifestPath).bin['electron-vite']);
}

/** Runs `node args…`, forwarding our stop signals to it; resolves with how it ended. */
function runNode(args, options) {
  const child = spawn(process.execPath, args, options);
  const forward = (signal) => child.kill(signal);
  for (const signal of SIGNALS) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of SIGNALS) process.off(s, forward);
      resolve({ code, signal });
    });
  });
}

async function main() {
  const [target, ...args] = process.argv.slice(2);
  if (!TARGETS.includes(target)) {
    console.error(`Usage: node scripts/run-built.mjs <${TARGETS.join('|')}> [args…]`);
    return 2;
  }
  if (isStale(target)) {
    // Dated to the build start, so files saved during the build count as newer next time.
    const started = Date.now();
    const build = await runNode([electronViteBin(), 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    });
    if (build.code !== 0) {
      console.error(`Build failed (${build.signal ?? `exit code ${build.code}`}).`);
      return build.code || 1;
    }
    writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
    utimesSync(STAMP, started / 1000, started / 1000);
  }
  const result = await runNode([join(OUT, 'main', `${target}.js`), ...args], { stdio: 'inherit' });
  if (result.signal) {
    // End the same way the target did, so callers see the signal too.
    process.kill(process.pid, result.signal);
    return null;
  }
  return result.code ?? 1;
}

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
