import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { testVaultKeys } from '../testing/test-vault.js';
import { buildApp, type SenimApp } from './app.js';

// The web app as `vite build` leaves it: index.html and content-hashed assets,
// each text file with a brotli and a gzip copy beside it. A browser on a slow
// line downloads the compressed copy once and keeps a hashed file for a year.

const indexHtml = '<!doctype html><html lang="ru"><head><script type="module" src="/assets/index-Dh4Nb1Jq.js"></script></head><body><div id="root"></div></body></html>';
const appScript = `export const greeting = ${JSON.stringify('Сенім '.repeat(400))};\n`;
const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

let webDistDir: string;
let testDatabase: TestDatabase;
let app: SenimApp;

function writeWithCompressedCopies(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

beforeAll(async () => {
  webDistDir = mkdtempSync(join(tmpdir(), 'senim-web-dist-'));
  mkdirSync(join(webDistDir, 'assets'));
  writeWithCompressedCopies(join(webDistDir, 'index.html'), indexHtml);
  writeWithCompressedCopies(join(webDistDir, 'assets', 'index-Dh4Nb1Jq.js'), appScript);
  // Too small to gain from compression: the build leaves it without copies.
  writeFileSync(join(webDistDir, 'assets', 'logo-Xq3_9zPa.svg'), logo);
  testDatabase = await createTestDatabase();
  app = await buildApp({ database: testDatabase.database, logger: false, vaultKeys: testVaultKeys(), webDistDir });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await testDatabase.drop();
  rmSync(webDistDir, { recursive: true, force: true });
});

function get(url: string, acceptEncoding?: string) {
  return app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
}

describe('the web app files', () => {
  it('go brotli-compressed to a browser that accepts brotli, and a hashed file is cached for a year', async () => {
    const response = await get('/assets/index-Dh4Nb1Jq.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.rawPayload).toString('utf8')).toBe(appScript);
  });

  it('go gzip-compressed to a browser that accepts gzip only', async () => {
    const response = await get('/assets/index-Dh4Nb1Jq.js', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(response.rawPayload).toString('utf8')).toBe(appScript);
  });

  it('go as they are to a client that accepts no compression', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const response = await get('/assets/index-Dh4Nb1Jq.js', acceptEncoding);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.body).toBe(appScript);
    }
  });

  it('go as they are when the build made no compressed copy', async () => {
    const response = await get('/assets/logo-Xq3_9zPa.svg', 'br, gzip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe(logo);
  });

  it('index.html, at / and at every page of the app, is compressed too but checked again on every visit, so a new release shows at once', async () => {
    for (const url of ['/', '/index.html', '/cases/some-case']) {
      const response = await get(url, 'br');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(response.rawPayload).toString('utf8'), url).toBe(indexHtml);
    }
    const plain = await get('/cases/some-case');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body).toBe(indexHtml);
  });

  it('the API is not cached as a file: a missing API route is a problem, not the app', async () => {
    const response = await get('/api/v1/no-such-route', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.headers['cache-control']).not.toBe('public, max-age=31536000, immutable');
  });
});
