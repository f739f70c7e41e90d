import { buildApp, type SenimApp } from '../http/app.js';
import type { SenimDatabase } from '../db/database.js';
import { createTestDatabase } from './test-database.js';

export interface TestServer {
  url: string;
  app: SenimApp;
  database: SenimDatabase;
  close(): Promise<void>;
}

/** The whole app on a random loopback port over a fresh test database with demo data, serving the built UI. */
export async function startTestServer(): Promise<TestServer> {
  const testDatabase = await createTestDatabase({ demo: true });
  const app = await buildApp({ database: testDatabase.database, logger: false });
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
