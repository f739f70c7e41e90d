import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The root is the repository, so the web app imports src/shared like the server does.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // A brotli and a gzip copy of each text file, which the server sends as they are (src/server/http/static-files.ts).
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
});
