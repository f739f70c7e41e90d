import { buildApp, type SenimApp } from '../http/app.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-database.js';
import { testVaultKeys } from './test-vault.js';

export interface TestApp {
  app: SenimApp;
  testDatabase: TestDatabase;
}

/** The whole API over a fresh test database, without a listening socket (requests go through app.inject). */
export async function createTestApp(options: TestDatabaseOptions = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase(options);
  const app = await buildApp({ database: testDatabase.database, logger: false, vaultKeys: testVaultKeys() });
  await app.ready();
  return { app, testDatabase };
}

export async function closeTestApp(testApp: TestApp | undefined): Promise<void> {
  if (!testApp) {
    return;
  }
  await testApp.app.close();
  await testApp.testDatabase.drop();
}
