// Every installed package must run on the Node.js the project supports
// (package.json engines): a dependency that needs a newer Node fails here, in
// CI, rather than in production.
import { readFileSync } from 'node:fs';
import semver from 'semver';

interface LockFile {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

const projectEngine = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
const lowest = semver.minVersion(projectEngine);
if (!lowest) {
  throw new Error(`package.json engines.node "${projectEngine}" is not a version range`);
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as LockFile;
const unsupported = Object.entries(lock.packages).flatMap(([path, entry]) => {
  const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
  return path && range && !semver.satisfies(lowest, range) ? [`${path}@${entry.version ?? '?'} needs node ${range}`] : [];
});
if (unsupported.length > 0) {
  console.error(`Dependencies that do not support node ${lowest.version} (engines.node "${projectEngine}"):\n  ${unsupported.join('\n  ')}`);
  process.exit(1);
}
console.log(`All ${Object.keys(lock.packages).length - 1} locked packages support node ${lowest.version}.`);
