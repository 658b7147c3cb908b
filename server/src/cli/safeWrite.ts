// Writes a fixed file without ever damaging it: never through a symbolic link, never over a file
// that changed since it was read or that is read-only, and atomically (a temporary file in the same
// folder, then a rename), so a crash leaves either the old or the new text.
import { chmodSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

/**
 * @param original the exact bytes the fix was computed from.
 * @param beforeRename a seam for tests: runs after the temporary file is written.
 */
export function writeIfUnchanged(file: string, original: Uint8Array, next: Uint8Array, beforeRename?: () => void): WriteOutcome {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    return { ok: false, reason: `could not be checked before writing (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (stat.isSymbolicLink()) return { ok: false, reason: 'is a symbolic link; fix the file it points to by naming it directly' };
  if (!stat.isFile()) return { ok: false, reason: 'is not a regular file' };
  if ((stat.mode & 0o222) === 0) return { ok: false, reason: 'is read-only; make it writable to apply fixes' };
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.postmortem-fix`);
  try {
    writeFileSync(temporary, next, { flag: 'wx', mode: stat.mode & 0o777 });
    chmodSync(temporary, stat.mode & 0o777);
    beforeRename?.();
    if (!Buffer.from(readFileSync(file)).equals(Buffer.from(original))) {
      rmSync(temporary, { force: true });
      return { ok: false, reason: 'changed on disk while postmortem-lint ran; not overwritten (run --fix again)' };
    }
    renameSync(temporary, file);
    return { ok: true };
  } catch (error) {
    rmSync(temporary, { force: true });
    return { ok: false, reason: `could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}
