import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// The web app's files, as `vite build` leaves them in dist/web: index.html,
// and assets/ whose names carry a hash of their content. The build also writes
// a brotli (.br) and a gzip (.gz) copy of each text file; they are sent to a
// browser that accepts them, saving the compression on every request.

/** Cached for a year, never revalidated: a changed file gets a new name. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html and any file without a hash: the browser asks every time whether it changed. */
export const UNHASHED_FILE_CACHE = 'no-cache';

// Vite names a built file <name>-<hash>.<ext>, the hash 8 characters of [A-Za-z0-9_-].
const hashedAsset = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** Whether a file of the built web app is content-hashed; its compressed copies count as the file. */
export function isHashedAsset(relativePath: string): boolean {
  const original = relativePath.split(sep).join('/').replace(/\.(br|gz)$/, '');
  return hashedAsset.test(original);
}

export async function registerStaticFiles(app: FastifyInstance, webDistDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDistDir,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // Set below, per file: the plugin's own header would say max-age=0 for everything.
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', isHashedAsset(relative(webDistDir, path)) ? HASHED_ASSET_CACHE : UNHASHED_FILE_CACHE);
      // A cache between server and browser must keep the brotli, gzip and plain answers apart.
      reply.header('vary', 'accept-encoding');
    },
  });
}
