import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './server-process.js';

// Someone who clones Senim has the repository and nothing beside it: a test or
// script that reads the seed documents kept beside the repository passes on the
// developers' machines and fails on theirs.

const scannedFolders = ['src', 'e2e', 'bench', 'scripts', 'bin', '.ci'];
const scannedRootFiles = ['package.json', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js', 'tsconfig.json', 'index.html'];
const codeFile = /\.(ts|tsx|js|mjs|cjs|json|sh|html)$|^run$/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (entry === 'node_modules') {
      return [];
    }
    if (statSync(path).isDirectory()) {
      return filesUnder(path);
    }
    return codeFile.test(entry) ? [path] : [];
  });
}

const thisFile = resolve(new URL(import.meta.url).pathname);
const scanned = [
  ...scannedFolders.map((folder) => join(REPO_ROOT, folder)).filter((folder) => existsSync(folder)).flatMap(filesUnder),
  ...scannedRootFiles.map((file) => join(REPO_ROOT, file)).filter((file) => existsSync(file)),
].filter((file) => resolve(file) !== thisFile);

const root = resolve(REPO_ROOT);

/** Quoted relative paths of a file that lead out of the repository, as file:line. */
function pathsLeavingTheRepository(file: string): string[] {
  const found: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      for (const match of line.matchAll(/(['"`])((?:\.\.\/)+[^'"`]*)\1/g)) {
        const target = resolve(dirname(file), match[2] ?? '');
        if (target !== root && !target.startsWith(root + sep)) {
          found.push(`${relative(root, file)}:${index + 1} ${match[2]}`);
        }
      }
      // join(REPO_ROOT, '..', ...) and the like: a step up from the repository's root.
      if (/ROOT\s*,\s*['"]\.\.['"]/.test(line) || /['"]shared['"]\s*,\s*['"]seeds['"]|shared\/seeds/.test(line)) {
        found.push(`${relative(root, file)}:${index + 1} ${line.trim()}`);
      }
    });
  return found;
}

describe('a clean clone', () => {
  it('scans the code, the tests and the scripts', () => {
    expect(scanned.some((file) => file.endsWith('plan-table-parser.test.ts'))).toBe(true);
    expect(scanned.some((file) => file.endsWith(join('.ci', 'run')))).toBe(true);
  });

  it('needs nothing beside the repository: no file reads a path outside it', () => {
    expect(scanned.flatMap(pathsLeavingTheRepository)).toEqual([]);
  });
});
