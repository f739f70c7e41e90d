import { buildApp, type SenimApp } from '../http/app.js';
import type { SenimDatabase } from '../db/database.js';
import type { SessionTimeouts } from '../platform/session.js';
import { createTestDatabase } from './test-database.js';
import { testVaultKeys } from './test-vault.js';

export interface TestServer {
  url: string;
  app: SenimApp;
  database: SenimDatabase;
  close(): Promise<void>;
}

/** The whole app on a random loopback port over a fresh test database with demo data, serving the built UI. */
export async function startTestServer(options: { sessionTimeouts?: SessionTimeouts } = {}): Promise<TestServer> {
  const testDatabase = await createTestDatabase({ demo: true });
  const app = await buildApp({ database: testDatabase.database, logger: false, vaultKeys: testVaultKeys(), ...(options.sessionTimeouts ? { sessionTimeouts: options.sessionTimeouts } : {}) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    database: testDatabase.database,
    close: async () => {
      await app.close();
      await testDatabase.drop();
    },
  };
}
