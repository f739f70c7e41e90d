import type { DemoLoad, Health } from '../../../shared/system.schemas.js';
import { AppError } from '../../../shared/errors.js';
import type { SenimDatabase } from '../../db/database.js';
import { currentMigration } from '../../db/migrate.js';
import { SENIM_VERSION } from '../../version.js';

export interface HealthDeps {
  database: SenimDatabase;
  /** How far the demo data this start loads have come; null when it loads none. */
  demoLoadStatus: () => DemoLoad | null;
}

export async function readHealth({ database, demoLoadStatus }: HealthDeps): Promise<Health> {
  try {
    const migration = await currentMigration(database);
    return {
      status: 'ok',
      version: SENIM_VERSION,
      database: { kind: database.kind, migration },
      serverTime: new Date().toISOString(),
      demo: demoLoadStatus(),
    };
  } catch (error) {
    throw new AppError('service_unavailable', 'The database does not answer', { cause: error });
  }
}
