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
  it("refuses SENIM_TRUST_PROXY=true and hop counts, and says what to write instead", () => {
    expect(() => readConfig({ SENIM_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => readConfig({ SENIM_TRUST_PROXY: 'true' })).toThrow(/SENIM_TRUST_PROXY: .*by address or CIDR.*'false'/);
    expect(() => readConfig({ SENIM_TRUST_PROXY: '1' })).toThrow(/hop count/);
    expect(() => readConfig({ SENIM_TRUST_PROXY: '10.0.0.5,proxy.example.kz' })).toThrow(/not an address or CIDR: proxy\.example\.kz/);
    expect(() => readConfig({ SENIM_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/10\.0\.0\.0\/33/);
  });

  it('trusts only the proxies named by address or CIDR', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ SENIM_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(readConfig({ SENIM_TRUST_PROXY: ' 10.0.0.5, 10.1.0.0/16 ,fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it('takes the public address and the retention of sessions and sign-in attempts', () => {
    expect(readConfig({})).toMatchObject({ publicUrl: null, sessionRetentionDays: 90, signInAttemptRetentionDays: 90 });
    expect(readConfig({ SENIM_PUBLIC_URL: 'https://senim.example.kz', SENIM_SESSION_RETENTION_DAYS: '30', SENIM_SIGN_IN_ATTEMPT_RETENTION_DAYS: '7' })).toMatchObject({
      publicUrl: 'https://senim.example.kz',
      sessionRetentionDays: 30,
      signInAttemptRetentionDays: 7,
    });
    expect(() => readConfig({ SENIM_PUBLIC_URL: 'senim.example.kz' })).toThrow(/SENIM_PUBLIC_URL: must be the address users open/);
    expect(() => readConfig({ SENIM_SESSION_RETENTION_DAYS: '0' })).toThrow(/SENIM_SESSION_RETENTION_DAYS/);
  });
});
