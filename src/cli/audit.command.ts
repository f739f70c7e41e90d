import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readConfig } from '../server/config.js';
import { anchorAuditChain, auditAnchorSchema, installedAuditKey, verifyAuditChain, type AuditAnchor, type AuditVerification } from '../server/platform/audit-chain.js';
import { openConfiguredDatabase } from '../server/runtime.js';

function readAnchor(file: string): AuditAnchor {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the anchor ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`The anchor ${file} is not JSON: it must be what \`senim audit anchor\` wrote`);
  }
  const parsed = auditAnchorSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'anchor'}: ${issue.message}`).join('; ');
    throw new Error(`The anchor ${file} is not a Senim audit anchor (${problems})`);
  }
  return parsed.data;
}

function printBroken(result: AuditVerification): void {
  for (const range of result.broken) {
    const where = range.fromEventId === range.toEventId ? `event ${range.fromEventId}` : `events ${range.fromEventId}-${range.toEventId}`;
    const count = range.events === 0 ? '' : range.events === 1 ? ' (1 event does not verify)' : ` (${range.events} events do not verify)`;
    console.error(`BROKEN ${where}${count}: ${range.problems.join('; ')}`);
  }
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('Work with the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'Walk the keyed hash chain of audit events (SENIM_AUDIT_KEY). Exits 0 when every event is intact; exits 1 and prints every broken range ' +
        'of events (changed, deleted, rewritten without the key). With --anchor, also proves that nothing up to the anchored event was rewritten.',
    )
    .option('--anchor <file>', 'an anchor written by `senim audit anchor`, kept outside the system')
    .action(async (options: { anchor?: string }) => {
      const anchor = options.anchor === undefined ? undefined : readAnchor(options.anchor);
      // Opening the database installs the audit key (SENIM_AUDIT_KEY, or the embedded database's key file).
      const database = await openConfiguredDatabase(readConfig());
      const key = installedAuditKey();
      try {
        const result = await verifyAuditChain(database.db, { key, ...(anchor ? { anchor } : {}) });
        if (result.anchor) {
          if (result.anchor.ok) {
            console.log(`Anchor holds: nothing up to event ${result.anchor.sequence} was rewritten.`);
          } else {
            for (const problem of result.anchor.problems) {
              console.error(`ANCHOR FAILS at event ${result.anchor.sequence}: ${problem}`);
            }
          }
        }
        if (result.unkeyedEvents > 0) {
          console.log(`${result.unkeyedEvents} events from before the chain was keyed carry plain SHA-256 hashes: only an anchor protects them against a rewrite.`);
        }
        if (result.broken.length === 0) {
          console.log(`Audit trail intact: ${result.events} events verified with audit key ${key.keyId}.`);
        } else {
          printBroken(result);
          console.error(`Audit trail BROKEN: ${result.broken.length} broken range(s) in ${result.events} events read.`);
        }
        if (!result.ok) {
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
  audit
    .command('anchor')
    .description(
      'Verify the chain, then print its head (event sequence, hash, time) signed with the Ed25519 key derived from the audit key, as JSON. ' +
        'Store it outside the system (a file elsewhere, a log, another service): `senim audit verify --anchor FILE` later proves the trail up to it intact. ' +
        'Anyone can check the signature with the publicKey it carries. Refuses, exit 1, when the chain is broken.',
    )
    .option('--out <file>', 'write the anchor to this file (refuses to overwrite one) instead of standard output')
    .action(async (options: { out?: string }) => {
      const database = await openConfiguredDatabase(readConfig());
      const key = installedAuditKey();
      try {
        const { verification, anchor } = await anchorAuditChain(database.db, { key });
        if (anchor === null) {
          printBroken(verification);
          console.error('No anchor written: the audit trail is broken, and an anchor would vouch for it.');
          process.exitCode = 1;
          return;
        }
        const text = `${JSON.stringify(anchor, null, 2)}\n`;
        if (options.out === undefined) {
          process.stdout.write(text);
          return;
        }
        writeFileSync(options.out, text, { flag: 'wx' });
        console.log(`Anchored event ${anchor.sequence} (${verification.events} events verified) in ${options.out}.`);
      } finally {
        await database.close();
      }
    });
}
