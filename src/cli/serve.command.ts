import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { startServer } from '../server/http/server.js';
import { createLogger } from '../server/logger.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Start the web UI and the API (http://localhost:8080; PORT and HOST override). Applies pending migrations first; ' +
        'a new embedded database also gets demo data, loaded after the server answers (the start page and the log show the progress).',
    )
    .action(async () => {
      const config = readConfig();
      const logger = createLogger(config);
      const server = await startServer(config, logger);
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) {
          return;
        }
        stopping = true;
        logger.info({ signal }, 'stopping');
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'error while stopping');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
}
