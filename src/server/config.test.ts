import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('configuration from the environment', () => {
  it('runs on port 8080 with ./data and the embedded database when nothing is set', () => {
    const config = readConfig({});
    expect(config.port).toBe(8080);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.databaseUrl).toBeNull();
  });

  it('takes PORT, SENIM_DATA_DIR and DATABASE_URL', () => {
    const config = readConfig({ PORT: '9090', SENIM_DATA_DIR: '/tmp/senim-x', DATABASE_URL: 'postgres://u@localhost/senim' });
    expect(config).toMatchObject({ port: 9090, dataDir: '/tmp/senim-x', databaseUrl: 'postgres://u@localhost/senim' });
  });

  it('names the variable that is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
  });
});
