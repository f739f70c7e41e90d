// Load test: starts Senim on each database and measures a public route and a
// database-backed read route with autocannon.
//   npm run bench                                  (embedded PGlite only)
//   bash scripts/with-postgres.sh npm run bench    (PGlite and a throwaway PostgreSQL)
//   BENCH_DURATION=30 BENCH_CONNECTIONS=50 npm run bench
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createBenchDatabase, printFigures, type Figure } from './bench-database.js';
import { generateDataKeyHex } from '../src/server/platform/vault/data-key.js';
import { startServerProcess } from '../src/server/testing/server-process.js';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const routes = [
  { name: 'health', path: '/api/v1/health' },
  { name: 'regions (database read)', path: '/api/v1/reference/regions?limit=50' },
  { name: 'criminal code articles (database read)', path: '/api/v1/reference/criminal-code/articles?limit=50' },
];

async function measure(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration, pipelining: 1 });
}

// A throwaway key: the benchmark stores no identity worth keeping.
const dataKey = generateDataKeyHex();

async function benchDatabase(database: string, env: Record<string, string>): Promise<Figure[]> {
  const server = await startServerProcess({ SENIM_DATA_KEY: dataKey, ...env });
  const figures: Figure[] = [];
  try {
    for (const route of routes) {
      // Warm-up, so that query plans and JIT are in place before measuring.
      await autocannon({ url: server.url + route.path, connections, duration: 2 });
      const result = await measure(server.url + route.path);
      figures.push({
        database,
        route: `${route.name} ${route.path}`,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
      });
    }
  } finally {
    await server.stop();
  }
  return figures;
}

const figures: Figure[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'senim-bench-'));
try {
  figures.push(...(await benchDatabase('pglite', { SENIM_DATA_DIR: dataDir })));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const adminUrl = process.env.BENCH_DATABASE_URL;
if (adminUrl) {
  const database = await createBenchDatabase(adminUrl, 'senim_bench');
  try {
    figures.push(...(await benchDatabase('postgresql', { DATABASE_URL: database.url })));
  } finally {
    await database.drop();
  }
} else {
  console.log('BENCH_DATABASE_URL is not set: PostgreSQL skipped (run through scripts/with-postgres.sh to include it)');
}

printFigures(
  `Senim load test, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${connections} connections, ${duration} s per route`,
  figures,
);
