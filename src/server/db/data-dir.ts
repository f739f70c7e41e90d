import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The embedded database's folder holds every victim's sealed identity, and on
// a laptop the key that opens it: nobody but the account running Senim may
// read it. A folder made by hand, or by an older Senim, may be wider; it is
// narrowed at every start, and what stays wide (a file owned by someone
// else) is reported.

const OWNER_ONLY_DIRECTORY = 0o700;
const OWNER_ONLY_FILE_MASK = 0o700;
const GROUP_OR_WORLD = 0o077;

/** Deep enough for PGlite's tree (base/<db>/<relation>); a deeper one is not ours. */
const MAX_DEPTH = 8;

/**
 * Creates the folder owner-only (700) if missing; otherwise narrows it and
 * everything in it: folders to 700, files to 600 (or
 * the owner's own bits: 400 stays 400). Symbolic links are left
 * alone (chmod would change what they point to). Returns the paths that are
 * still readable by the group or others.
 */
export function secureDataDir(dataDir: string): string[] {
  mkdirSync(dataDir, { recursive: true, mode: OWNER_ONLY_DIRECTORY });
  if (process.platform === 'win32') {
    return [];
  }
  narrow(dataDir, 0);
  return dataDirExposures(dataDir);
}

/** The folder, and the files and folders in it, that the group or others may read, write or enter. */
export function dataDirExposures(dataDir: string): string[] {
  const exposed: string[] = [];
  walk(dataDir, 0, (path, isDirectory, mode) => {
    if ((mode & GROUP_OR_WORLD) !== 0) {
      exposed.push(`${path} (${isDirectory ? 'folder' : 'file'}, mode ${(mode & 0o777).toString(8)})`);
    }
  });
  return exposed;
}

function narrow(dataDir: string, depth: number): void {
  walk(dataDir, depth, (path, isDirectory, mode) => {
    if ((mode & GROUP_OR_WORLD) === 0) {
      return;
    }
    try {
      // Drop the group's and others' bits; a file keeps its owner's (a read-only file stays read-only).
      chmodSync(path, isDirectory ? OWNER_ONLY_DIRECTORY : mode & OWNER_ONLY_FILE_MASK);
    } catch {
      // Not ours to change (another owner): dataDirExposures reports it.
    }
  });
}

function walk(path: string, depth: number, visit: (path: string, isDirectory: boolean, mode: number) => void): void {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    // Gone meanwhile (PGlite removes temporary files): nothing to narrow.
    return;
  }
  if (stats.isSymbolicLink()) {
    return;
  }
  const isDirectory = stats.isDirectory();
  visit(path, isDirectory, stats.mode);
  if (!isDirectory || depth >= MAX_DEPTH) {
    return;
  }
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch {
    return;
  }
  for (const entry of entries) {
    walk(join(path, entry), depth + 1, visit);
  }
}
