import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Health } from '../../shared/system.schemas.js';
import { DEMO_PASSWORD } from '../modules/directory/demo-users.js';
import { generateDataKeyHex } from '../platform/vault/data-key.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { testDatabaseKind } from '../testing/test-database.js';

// Someone tries Senim: `npm start` on a laptop, a new embedded database. The
// demo cases take minutes to load on a busy machine; the server must answer
// at once and say how far the load has come, not look dead until it is done.
// Always on an embedded database: only a new one gets demo data at start.

const DEMO_CASES = 20;
const dataDir = mkdtempSync(join(tmpdir(), 'senim-first-start-'));
const environment = {
  SENIM_DATA_DIR: dataDir,
  DATABASE_URL: '',
  SENIM_DATA_KEY: generateDataKeyHex(),
  SENIM_ADMIN_PASSWORD: 'first start chosen passphrase',
  SENIM_DEMO_CASES: String(DEMO_CASES),
};
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function health(url: string): Promise<Health> {
  const response = await fetch(`${url}/api/v1/health`);
  expect(response.status).toBe(200);
  return (await response.json()) as Health;
}

// These start the CLI on an embedded database of its own (DATABASE_URL is
// emptied), whichever database the suite runs on: the PostgreSQL pass of CI
// would only repeat the embedded run, at a minute or more a file.
const onPostgresPass = testDatabaseKind() === 'postgresql';

describe.skipIf(onPostgresPass)('the first start of a new embedded database', () => {
  it('answers while the demo data load, shows the load moving, and lets a demo user sign in before it ends', async () => {
    server = await startServerProcess({ ...environment, LOG_LEVEL: 'info' }, { duringDemoLoad: true });
    const first = await health(server.url);
    expect(first.demo).toMatchObject({ state: 'loading', total: DEMO_CASES });
    expect(first.demo?.loaded).toBeLessThan(DEMO_CASES);

    const seen = new Set<number>();
    let signedInDuringLoad = false;
    let last = first;
    const deadline = Date.now() + 240_000;
    while (last.demo?.state === 'loading' && Date.now() < deadline) {
      seen.add(last.demo.loaded);
      if (!signedInDuringLoad && last.demo.loaded > 0) {
        // Users and organizations come first: a demo user signs in while the cases still load.
        const signIn = await fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'analyst.pgo@demo.senim.local', password: DEMO_PASSWORD }),
        });
        expect(signIn.status, await signIn.text()).toBe(200);
        signedInDuringLoad = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = await health(server.url);
    }

    expect(last.demo).toEqual({ state: 'loaded', loaded: DEMO_CASES, total: DEMO_CASES });
    expect([...seen].some((loaded) => loaded > 0 && loaded < DEMO_CASES), `progress seen: ${[...seen].join(', ')}`).toBe(true);
    expect(signedInDuringLoad).toBe(true);
    // The log says it too, for whoever watches the terminal (it comes through a pipe, maybe after the health report).
    const running = server;
    await expect.poll(() => running.output(), { timeout: 10_000 }).toContain(`demo cases loaded: ${DEMO_CASES} of ${DEMO_CASES}`);
    await expect.poll(() => running.output(), { timeout: 10_000 }).toContain('"msg":"demo data loaded"');
  }, 400_000);

  it('at the next start, finds the demo data there and loads nothing', async () => {
    await server?.stop();
    server = await startServerProcess(environment);
    expect((await health(server.url)).demo).toBeNull();
  }, 180_000);
});
