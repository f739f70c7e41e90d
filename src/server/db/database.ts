import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { secureDataDir } from './data-dir.js';
import type { Database } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';

export type DatabaseKind = 'pglite' | 'postgresql';

/** A session that runs whole SQL scripts (migrations), outside Kysely. */
export interface ScriptSession {
  exec(script: string): Promise<void>;
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface SenimDatabase {
  readonly kind: DatabaseKind;
  readonly db: Kysely<Database>;
  /** Runs fn on one dedicated session, so session-level locks hold across its calls. */
  withScriptSession<T>(fn: (session: ScriptSession) => Promise<T>): Promise<T>;
  /** A tar of the embedded database's files (tests start from such a template); fails on a server. */
  dumpEmbeddedDataDir(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null; template?: Blob }
  | { kind: 'postgresql'; connectionString: string; maxConnections?: number };

const OID_INT8 = 20;
const OID_DATE = 1082;

// bigint counts fit comfortably in a JS number here; a date is a calendar day,
// not an instant, so it stays a 'YYYY-MM-DD' string instead of a local-midnight Date.
const parseInt8 = (value: string): number => Number(value);
const keepDate = (value: string): string => value;

export async function openDatabase(target: DatabaseTarget): Promise<SenimDatabase> {
  return target.kind === 'pglite' ? openEmbedded(target.dataDir, target.template) : openServer(target);
}

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

const LOCK_FILE = 'senim.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes on one embedded data folder would corrupt it (PGlite has no
 * server to arbitrate), so the folder is claimed with a pid file. A file
 * left by a killed process is taken over.
 */
function claimDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dataDir} is in use by process ${holder}. Stop that process first, or use a PostgreSQL server (DATABASE_URL) to run several processes.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not claim the embedded database in ${dataDir}`);
}

async function openEmbedded(dataDir: string | null, template: Blob | undefined): Promise<SenimDatabase> {
  let release = (): void => undefined;
  if (dataDir) {
    // Owner-only, even when the folder was made before: it holds every sealed identity.
    secureDataDir(dataDir);
    release = claimDataDir(dataDir);
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(template ? { loadDataDir: template } : {}),
    parsers: { [OID_INT8]: parseInt8, [OID_DATE]: keepDate },
  }).catch((error: unknown) => {
    release();
    throw error;
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    withScriptSession: (fn) =>
      fn({
        exec: async (script) => {
          await pglite.exec(script);
        },
        query: async <Row>(text: string, params?: unknown[]) =>
          (await pglite.query<Row>(text, params ?? [], { rowMode: 'object' })).rows,
      }),
    dumpEmbeddedDataDir: async () => pglite.dumpDataDir('none'),
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

const PREPARED_STATEMENT_LIMIT = 2000;

const TRANSACTION_START = /^(begin|start transaction( [a-z ]+)?)$/i;
const TRANSACTION_END = /^(commit|rollback)$/i;

type QueryOutcome = pg.QueryResult | pg.QueryResult[];

/** A simple query of several statements answers with one result each; the caller asked for the last. */
function lastOf(outcome: QueryOutcome): pg.QueryResult {
  return Array.isArray(outcome) ? (outcome[outcome.length - 1] as pg.QueryResult) : outcome;
}

/**
 * The pool Kysely sees. Two savings, because every round trip to the server
 * costs both processes CPU on every request (a third of the server's profile
 * was writing to sockets):
 *
 * - Every parameterized query runs as a named prepared statement, so that each
 *   connection parses and plans it once. Planning the case page's query took
 *   4 ms of the server's CPU and running it 1 ms. Names are digests of the SQL
 *   (same text, same name); past the limit, new texts run unnamed, so a
 *   connection never holds more than the limit.
 * - A transaction's begin waits for its first statement and, when that
 *   statement has no parameters (withPersonScope's settings), travels in the
 *   same message. A transaction that ends before any statement never began.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || names.size >= PREPARED_STATEMENT_LIMIT) {
      return known;
    }
    const name = `senim_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let pendingStart: string | undefined;
      const send = (text: string, parameters: readonly unknown[]): Promise<QueryOutcome> => {
        if (parameters.length === 0) {
          return client.query(text);
        }
        const name = nameOf(text);
        return client.query(name === undefined ? { text, values: [...parameters] } : { name, text, values: [...parameters] });
      };
      const query = async (text: string, parameters: readonly unknown[] = []): Promise<pg.QueryResult> => {
        if (parameters.length === 0 && TRANSACTION_START.test(text)) {
          pendingStart = text;
          return { command: 'BEGIN', rowCount: null, oid: 0, rows: [], fields: [] };
        }
        const start = pendingStart;
        pendingStart = undefined;
        if (start === undefined) {
          return lastOf(await send(text, parameters));
        }
        if (parameters.length === 0 && TRANSACTION_END.test(text)) {
          return { command: text.toUpperCase(), rowCount: null, oid: 0, rows: [], fields: [] };
        }
        if (parameters.length === 0) {
          return lastOf(await client.query(`${start}; ${text}`));
        }
        await client.query(start);
        return lastOf(await send(text, parameters));
      };
      return {
        query: query as unknown as PostgresPoolClient['query'],
        release: () => {
          pendingStart = undefined;
          client.release();
        },
      };
    },
    end: () => pool.end(),
  };
}

async function openServer(target: { connectionString: string; maxConnections?: number }): Promise<SenimDatabase> {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: target.maxConnections ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
        if (oid === OID_INT8) {
          return parseInt8;
        }
        if (oid === OID_DATE) {
          return keepDate;
        }
        return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // Fail fast with a clear error when the server is unreachable, instead of on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  let closed = false;
  return {
    kind: 'postgresql',
    db,
    withScriptSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <Row>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as Row[],
        });
      } finally {
        client.release();
      }
    },
    dumpEmbeddedDataDir: async () => {
      throw new Error('Only the embedded database can be dumped to a template');
    },
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself: after migrations
      // alone, which go through withScriptSession, the pool's connections
      // would stay open (a CLI command waited for their idle timeout, and a
      // test's database could not be dropped).
      if (!pool.ending) {
        await pool.end();
      }
    },
  };
}
