import type { Logger } from 'pino';
import type { SenimConfig } from '../config.js';
import type { SenimDatabase } from '../db/database.js';
import { prepareDemoLoad } from '../demo-load.js';
import { useAuditKey } from '../platform/audit-chain.js';
import { announceBootstrap, configuredAuditKey, configuredVaultKeys, openConfiguredDatabase, prepareDatabase } from '../runtime.js';
import { schedulePurge } from '../modules/auth/retention.service.js';
import { scheduleCaseReadSealing } from '../modules/audit/case-read.service.js';
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
  useAuditKey(configuredAuditKey(config, logger));
  const database = await openConfiguredDatabase(config);
  try {
    const prepared = await prepareDatabase(database, logger, {
      demo: 'if-new-embedded',
      demoCases: config.demoCases,
      adminEmail: config.adminEmail,
      adminPassword: config.adminPassword,
      vaultKeys,
      demoLater: true,
    });
    announceBootstrap(prepared.bootstrap);
    const demoLoad = prepared.demoDue ? prepareDemoLoad({ database, vaultKeys, logger, cases: config.demoCases }) : null;
    const app = await buildApp({
      database,
      logger,
      vaultKeys,
      sessionTimeouts: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionMaxHours },
      referralRules: { decisionTargetWorkingDays: config.decisionTargetWorkingDays, reflectionDays: config.reflectionDays },
      trustProxy: config.trustProxy,
      demoLoadStatus: () => demoLoad?.status() ?? null,
      publicUrl: config.publicUrl,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    logger.info({ url: address, database: database.kind }, 'Senim is listening');
    // Not awaited: the server answers while the demo data load, and a failed load leaves it running.
    void demoLoad?.start();
    const stopSealing = scheduleCaseReadSealing({ db: database.db, logger });
    const stopPurge = schedulePurge({
      db: database.db,
      retention: { sessionDays: config.sessionRetentionDays, attemptDays: config.signInAttemptRetentionDays },
      logger,
    });
    return {
      app,
      database,
      url: address,
      close: async () => {
        await demoLoad?.stop();
        await stopPurge();
        await stopSealing();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
