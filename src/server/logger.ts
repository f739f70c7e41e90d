import pino, { type Logger } from 'pino';
import type { SenimConfig } from './config.js';

export function createLogger(config: Pick<SenimConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Session cookies and credentials must never reach a log file.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  });
}
