import pg from 'pg';

// What both load tests share: their row of figures, and a throwaway database on the server they are given.

export interface Figure {
  database: string;
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * Prints the figures as a Markdown table for docs/benchmarks.md, and fails the
 * run when a route answered with errors: a figure of failed requests measures
 * nothing, and CI runs a small benchmark to catch exactly that.
 */
export function printFigures(heading: string, figures: readonly Figure[]): void {
  console.log(`\n${heading}\n`);
  console.log('| database | route | requests/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const figure of figures) {
    console.log(`| ${figure.database} | ${figure.route} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p99} | ${figure.errors} | ${figure.non2xx} |`);
  }
  const failed = figures.filter((figure) => figure.errors > 0 || figure.non2xx > 0 || figure.requestsPerSecond === 0);
  if (failed.length > 0) {
    console.error(`\nThese routes failed or answered nothing: ${failed.map((figure) => `${figure.database} ${figure.route}`).join('; ')}`);
    process.exitCode = 1;
  }
}

/** A new database on the server of `adminUrl`, named after `prefix`, and a way to drop it afterwards. */
export async function createBenchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
