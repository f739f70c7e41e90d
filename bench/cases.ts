// Load test of the referral mechanism at national scale: 100,000 cases and
// 1,000,000 timeline events, filled with set-based SQL, then a case worker's
// worklists and case pages read by 32 concurrent users through `senim serve`.
//   npm run bench:cases                                  (embedded PGlite only)
//   bash scripts/with-postgres.sh npm run bench:cases    (PGlite and a throwaway PostgreSQL)
//   BENCH_CASES=20000 BENCH_DURATION=5 npm run bench:cases   (a quicker run)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createBenchDatabase, printFigures, type Figure } from './bench-database.js';
import { DEMO_PASSWORD } from '../src/server/modules/directory/demo-users.js';
import { currentTotpCode } from '../src/server/platform/auth/totp.js';
import { generateDataKeyHex } from '../src/server/platform/vault/data-key.js';
import { startServerProcess } from '../src/server/testing/server-process.js';
import { prepareBenchDatabase, WORKER_EMAIL, type BenchSize } from './case-fill.js';

const size: BenchSize = { cases: Number(process.env.BENCH_CASES ?? 100_000), eventsPerCase: Number(process.env.BENCH_EVENTS_PER_CASE ?? 10) };
const caseCount = size.cases;
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

// A throwaway key: the benchmark stores no identity worth keeping.
const dataKey = generateDataKeyHex();

function log(message: string): void {
  process.stderr.write(`[bench:cases] ${message}\n`);
}

/** Signs in over HTTP as the web client does, enrolling the authenticator at first sign-in. */
async function signIn(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: WORKER_EMAIL, password: DEMO_PASSWORD }) });
  if (!login.ok) {
    throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`);
  }
  const body = (await login.json()) as { mfa: string; csrfToken: string; otpauthUrl?: string };
  const cookie = (login.headers.getSetCookie().find((entry) => entry.startsWith('senim_session=')) ?? '').split(';')[0] ?? '';
  const secret = body.otpauthUrl ? new URL(body.otpauthUrl).searchParams.get('secret') : null;
  if (body.mfa === 'enroll' || body.mfa === 'required') {
    if (!secret) {
      throw new Error(`The case worker owes a TOTP code (${body.mfa}) but no secret is known`);
    }
    const mfa = await fetch(`${url}/api/v1/auth/mfa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ code: currentTotpCode(secret) }),
    });
    if (!mfa.ok) {
      throw new Error(`TOTP failed: ${mfa.status} ${await mfa.text()}`);
    }
  }
  return cookie;
}

async function caseIdsInReach(url: string, cookie: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < 1000; offset += 200) {
    const response = await fetch(`${url}/api/v1/cases?list=in_reach&limit=200&offset=${offset}`, { headers: { cookie } });
    if (!response.ok) {
      throw new Error(`Listing cases failed: ${response.status} ${await response.text()}`);
    }
    const page = (await response.json()) as { items: { id: string }[]; total: number };
    ids.push(...page.items.map((item) => item.id));
    if (offset === 0) {
      log(`the case worker's organization reaches ${page.total} of ${caseCount} cases`);
    }
  }
  return ids;
}

async function measure(url: string, cookie: string, path: (turn: number) => string): Promise<autocannon.Result> {
  let turn = 0;
  const options = (seconds: number): autocannon.Options => ({
    url,
    connections,
    duration: seconds,
    headers: { cookie },
    // The embedded database answers one query at a time: give queued requests time rather than count them as errors.
    timeout: 60,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path(turn++) }) }],
  });
  // Warm-up, so that query plans and caches are in place before measuring.
  await autocannon(options(2));
  return autocannon(options(duration));
}

async function benchDatabase(database: string, env: Record<string, string>): Promise<Figure[]> {
  const server = await startServerProcess({ SENIM_DATA_KEY: dataKey, ...env });
  const figures: Figure[] = [];
  try {
    const cookie = await signIn(server.url);
    const ids = await caseIdsInReach(server.url, cookie);
    const at = (turn: number): string => ids[turn % ids.length] ?? '';
    const routes: { name: string; path: (turn: number) => string }[] = [
      { name: 'worklist: my cases', path: () => '/api/v1/cases?list=mine' },
      { name: 'worklist: decisions overdue', path: () => '/api/v1/cases?list=decisions_overdue' },
      { name: 'case page (1,000 ids in turn)', path: (turn) => `/api/v1/cases/${at(turn)}` },
      { name: 'case timeline (1,000 ids in turn)', path: (turn) => `/api/v1/cases/${at(turn)}/events` },
    ];
    for (const route of routes) {
      const started = performance.now();
      const single = await fetch(server.url + route.path(0), { headers: { cookie } });
      const answer = await single.text();
      if (!single.ok) {
        throw new Error(`${database} ${route.name} answered ${single.status}: ${answer}`);
      }
      log(`${database} ${route.name}: one request alone ${single.status} in ${Math.round(performance.now() - started)} ms`);
      const result = await measure(server.url, cookie, route.path);
      figures.push({
        database,
        route: route.name,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
      });
      log(`${database} ${route.name}: p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${result.timeouts} timeouts`);
    }
  } finally {
    await server.stop();
  }
  return figures;
}

const figures: Figure[] = [];
if (process.env.BENCH_SKIP_PGLITE !== 'true') {
  const dataDir = mkdtempSync(join(tmpdir(), 'senim-bench-cases-'));
  try {
    await prepareBenchDatabase({ kind: 'pglite', dataDir }, { dataKey, size, log });
    figures.push(...(await benchDatabase('pglite', { SENIM_DATA_DIR: dataDir })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const adminUrl = process.env.BENCH_DATABASE_URL;
if (adminUrl) {
  const database = await createBenchDatabase(adminUrl, 'senim_bench_cases');
  try {
    await prepareBenchDatabase({ kind: 'postgresql', connectionString: database.url, maxConnections: 5 }, { dataKey, size, log });
    figures.push(...(await benchDatabase('postgresql', { DATABASE_URL: database.url })));
  } finally {
    await database.drop();
  }
} else {
  log('BENCH_DATABASE_URL is not set: PostgreSQL skipped (run through scripts/with-postgres.sh to include it)');
}

printFigures(
  `Senim case load test, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${caseCount} cases, ${caseCount * size.eventsPerCase} events; ` +
    `${connections} connections, ${duration} s per route, as caseworker.korgau; load average ${loadavg()[0]?.toFixed(1)} at the end`,
  figures,
);
