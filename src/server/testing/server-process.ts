import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_AUDIT_KEY_HEX } from './test-audit-key.js';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `senim serve` as its own process, as a user would, and waits until /api/v1/health answers and,
 * unless `duringDemoLoad`, until the demo data a first start loads in the background are in.
 */
export async function startServerProcess(env: Record<string, string>, options: { duringDemoLoad?: boolean } = {}): Promise<ServerProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: REPO_ROOT,
    // A new embedded database gets demo data; its synthetic cases take a minute, so only when asked for.
    // A test or benchmark server chains its audit events with the test key unless told otherwise.
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', SENIM_DEMO_CASES: '0', SENIM_AUDIT_KEY: TEST_AUDIT_KEY_HEX, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`senim serve exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok && (options.duringDemoLoad === true || ((await response.json()) as { demo?: { state: string } | null }).demo?.state !== 'loading')) {
        break;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`senim serve did not answer within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) {
        child.kill(signal);
      }
      return exited;
    },
  };
}
