import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Small files several processes of this machine share (the local config): written whole
 * through a temporary file and a rename, and changed under a short lock file.
 */

/** A name next to `path` that no other process or call uses. */
function uniqueSibling(path: string, suffix: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${suffix}`,
  );
}

/** Flushes a folder's entry list, so a rename survives a power cut; not possible everywhere. */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open folders; the rename itself is still atomic there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Replaces `path` with `text` atomically: readers see the old or the new content, never a
 * mix, and two writers never share a temporary file. The data is on disk before the rename.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = uniqueSibling(path, '.tmp');
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or never written: nothing to clean up.
    }
    throw error;
  }
  syncFolder(dirname(path));
}

export type LockOptions = {
  /** A lock file older than this is left over from a crashed process and is broken. */
  staleMs: number;
  /** Pause between two attempts to take the lock. */
  retryMs: number;
};

export const DEFAULT_LOCK_OPTIONS: LockOptions = { staleMs: 5_000, retryMs: 5 };

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether the lock's owner is a process of this machine that no longer runs. */
function ownerIsGone(content: string): boolean {
  const [pidText, host] = content.split('\n');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a lock file that is stale (older than `staleMs`, or its process is gone). The file
 * is first renamed away, so that of several processes breaking it only one succeeds; if what
 * was renamed turns out to be a fresh lock taken meanwhile, it is put back.
 */
function breakIfStale(lockPath: string, options: LockOptions): void {
  let seen;
  let content: string;
  try {
    seen = statSync(lockPath);
    content = readFileSync(lockPath, 'utf8');
  } catch {
    return;
  }
  const old = Date.now() - seen.mtimeMs > options.staleMs;
  if (!old && !ownerIsGone(content)) return;
  const aside = uniqueSibling(lockPath, '.stale');
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  try {
    if (statSync(aside).ino !== seen.ino) linkSync(aside, lockPath);
  } catch {
    // Someone holds a new lock already; theirs stays.
  } finally {
    unlinkSync(aside);
  }
}

/**
 * Runs `work` while holding `lockPath` (created with O_EXCL, holding this process's id and
 * host name). Waits for another holder, breaking a stale lock; the lock is removed
 * afterwards whatever `work` does.
 */
export function withFileLock<T>(
  lockPath: string,
  work: () => T,
  options: LockOptions = DEFAULT_LOCK_OPTIONS,
): T {
  let fd: number;
  for (;;) {
    try {
      fd = openSync(lockPath, 'wx', 0o600);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      breakIfStale(lockPath, options);
      sleepSync(options.retryMs);
    }
  }
  let ino: number | null = null;
  try {
    try {
      writeSync(fd, `${process.pid}\n${hostname()}\n`);
      ino = fstatSync(fd).ino;
    } finally {
      closeSync(fd);
    }
    return work();
  } finally {
    try {
      // Only our own lock: after taking us for stale, another process may hold a new one.
      if (ino === null || statSync(lockPath).ino === ino) unlinkSync(lockPath);
    } catch {
      // Broken by another process already: nothing left to remove.
    }
  }
}
