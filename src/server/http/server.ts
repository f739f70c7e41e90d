import type { Logger } from 'pino';
import type { SenimConfig } from '../config.js';
import type { SenimDatabase } from '../db/database.js';
import { openConfiguredDatabase, prepareDatabase } from '../runtime.js';
import { buildApp, type SenimApp } from './app.js';

export interface RunningServer {
  app: SenimApp;
  database: SenimDatabase;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: SenimConfig, logger: Logger): Promise<RunningServer> {
  const database = await openConfiguredDatabase(config);
  try {
    await prepareDatabase(database, logger);
    const app = await buildApp({ database, logger });
    const address = await app.listen({ port: config.port, host: config.host });
    logger.info({ url: address, database: database.kind }, 'Senim is listening');
    return {
      app,
      database,
      url: address,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
