import type { Logger } from 'pino';
import type { SenimConfig } from '../config.js';
import type { SenimDatabase } from '../db/database.js';
import { announceBootstrap, configuredVaultKeys, openConfiguredDatabase, prepareDatabase } from '../runtime.js';
import { buildApp, type SenimApp } from './app.js';

export interface RunningServer {
  app: SenimApp;
  database: SenimDatabase;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: SenimConfig, logger: Logger): Promise<RunningServer> {
  // Keys first: a server database without SENIM_DATA_KEY must refuse to start before touching anything.
  const vaultKeys = configuredVaultKeys(config, logger);
  const database = await openConfiguredDatabase(config);
  try {
    const prepared = await prepareDatabase(database, logger, {
      demo: 'if-new-embedded',
      demoCases: config.demoCases,
      adminEmail: config.adminEmail,
      adminPassword: config.adminPassword,
      vaultKeys,
    });
    announceBootstrap(prepared.bootstrap);
    const app = await buildApp({
      database,
      logger,
      vaultKeys,
      sessionTimeouts: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionMaxHours },
      referralRules: { decisionTargetWorkingDays: config.decisionTargetWorkingDays, reflectionDays: config.reflectionDays },
      trustProxy: config.trustProxy,
    });
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
