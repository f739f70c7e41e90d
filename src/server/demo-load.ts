import type { Logger } from 'pino';
import type { DemoLoad } from '../shared/system.schemas.js';
import type { SenimDatabase } from './db/database.js';
import { DEMO_CASE_COUNT } from './modules/cases/demo-case-loader.js';
import type { VaultKeys } from './platform/vault/data-key.js';
import { logDemoProgress, seedDemo } from './runtime.js';

// On a busy two-core machine the demo cases take minutes to load, since they
// go through the real services, audit trail included. A first start that
// waited for them looked dead; the server listens first, loads them after,
// and says how far it has come in its health report and its log.

export interface BackgroundDemoLoad {
  /** What /api/v1/health reports. */
  status(): DemoLoad;
  /** Starts the load, once; settles when it ends, loaded, failed or stopped, and never rejects: a failed demo load must not stop the server. */
  start(): Promise<void>;
  /** Ends the load after the case being recorded and waits for it, so that the database can close. */
  stop(): Promise<void>;
}

export interface DemoLoadOptions {
  database: SenimDatabase;
  vaultKeys: VaultKeys;
  logger: Logger;
  /** How many synthetic cases (null: the demo's own number). */
  cases: number | null;
}

/** Demo organizations and users first (a demo user can sign in within seconds), then the cases. */
export function prepareDemoLoad({ database, vaultKeys, logger, cases }: DemoLoadOptions): BackgroundDemoLoad {
  const total = cases ?? DEMO_CASE_COUNT;
  let status: DemoLoad = { state: 'loading', loaded: 0, total };
  const controller = new AbortController();
  const logProgress = logDemoProgress(logger);
  let running: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    const started = Date.now();
    logger.info({ total }, `loading demo data in the background: organizations and users, then ${total} cases`);
    try {
      await seedDemo(database, vaultKeys, {
        cases: total,
        signal: controller.signal,
        onProgress: (progress) => {
          status = { state: 'loading', loaded: progress.loaded, total: progress.total };
          logProgress(progress);
        },
      });
      if (controller.signal.aborted) {
        logger.warn({ loaded: status.loaded, total }, 'demo data load stopped with the server; the cases loaded so far stay');
        return;
      }
      status = { ...status, state: 'loaded' };
      logger.info({ loaded: status.loaded, total, seconds: Math.round((Date.now() - started) / 1000) }, 'demo data loaded');
    } catch (error) {
      status = { ...status, state: 'failed' };
      logger.error({ err: error, loaded: status.loaded, total }, 'demo data could not be loaded; the server goes on without the rest');
    }
  };

  return {
    status: () => status,
    start: () => {
      running ??= run();
      return running;
    },
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}
