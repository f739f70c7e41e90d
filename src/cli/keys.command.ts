import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { readConfig } from '../server/config.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createLogger } from '../server/logger.js';
import { sealClearStaffEmails } from '../server/modules/directory/staff-email-backfill.js';
import { rotateDataKey } from '../server/modules/keys/key-rotation.service.js';
import { DATA_KEY_FILE_NAME, parseNamedDataKey, readingKeys, replaceDataKeyFile, type VaultKeys } from '../server/platform/vault/data-key.js';
import { configuredVaultKeys, openConfiguredDatabase } from '../server/runtime.js';

interface RotateOptions {
  newKeyFile?: string;
  batchSize: number;
  maxBatches?: number;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('must be a whole number of at least 1');
  }
  return parsed;
}

/** The new key as written (for the embedded key file) and derived; null when none is given. */
function newKeyOf(options: RotateOptions): { text: string; keys: VaultKeys } | null {
  if (options.newKeyFile) {
    let text: string;
    try {
      text = readFileSync(options.newKeyFile, 'utf8').trim();
    } catch (error) {
      throw new Error(`Cannot read the new key file ${options.newKeyFile}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return { text, keys: parseNamedDataKey(text, `The new key file ${options.newKeyFile}`) };
  }
  const fromEnvironment = process.env.SENIM_NEW_DATA_KEY?.trim();
  return fromEnvironment ? { text: fromEnvironment, keys: parseNamedDataKey(fromEnvironment, 'SENIM_NEW_DATA_KEY') } : null;
}

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('Manage the data key that seals identifying data (SENIM_DATA_KEY)');
  keys
    .command('rotate')
    .description(
      'Re-encrypt the identity vault, staff names, emails and authenticator secrets, and re-key every look-up digest, under a new data key. ' +
        'The configured key (SENIM_DATA_KEY, or the embedded key file) is the old one; the new one comes from --new-key-file or SENIM_NEW_DATA_KEY, ' +
        'or, without either, the rotation goes from SENIM_PREVIOUS_DATA_KEY to SENIM_DATA_KEY. Works in batches, each its own transaction: ' +
        'if it stops, run it again with the same keys and it goes on where it stopped. At the end no row uses the old key.',
    )
    .option('--new-key-file <file>', 'file holding the new key: 64 hex characters (openssl rand -hex 32)')
    .option('--batch-size <n>', 'users or persons per transaction', positiveInteger, 200)
    .option('--max-batches <n>', 'stop after this many batches (run again to go on)', positiveInteger)
    .action(async (options: RotateOptions) => {
      const config = readConfig();
      const logger = createLogger(config);
      const configured = configuredVaultKeys(config, logger);
      const given = newKeyOf(options);
      const [, ...previous] = readingKeys(configured);
      let oldKeys: VaultKeys;
      let newKeys: VaultKeys;
      if (given) {
        oldKeys = configured;
        newKeys = given.keys;
      } else if (previous[0]) {
        // The server already runs with the new key and reads with the old one: finish the move.
        oldKeys = previous[0];
        newKeys = configured;
      } else {
        throw new Error('Give the new key: --new-key-file FILE or SENIM_NEW_DATA_KEY (generate one with `openssl rand -hex 32`)');
      }
      const database = await openConfiguredDatabase(config);
      try {
        await migrateToLatest(database);
        await sealClearStaffEmails(database.db, configured);
        console.log(`Rotating the data key from ${oldKeys.keyId} to ${newKeys.keyId}...`);
        const outcome = await rotateDataKey({
          db: database.db,
          oldKeys,
          newKeys,
          batchSize: options.batchSize,
          maxBatches: options.maxBatches ?? null,
          onBatch: ({ kind, rows, batches }) => {
            console.log(`  batch ${batches}: ${rows} ${kind} re-encrypted`);
          },
        });
        if (outcome.resumed) {
          console.log(`Carried on the rotation started earlier (rotation ${outcome.rotationId}).`);
        }
        if (!outcome.finished) {
          console.log(
            `Stopped after ${outcome.batches} batches; rows are left under key ${outcome.oldKeyId}. Run the same command again to go on. ` +
              `Until it finishes, a server needs both keys: SENIM_DATA_KEY=<new key> and SENIM_PREVIOUS_DATA_KEY=<old key>.`,
          );
          return;
        }
        console.log(
          `Done: ${outcome.users} users, ${outcome.persons} persons and ${outcome.defendants} defendants re-encrypted; no row uses key ${outcome.oldKeyId} any more.`,
        );
        const keyFileInUse = config.databaseUrl === null && config.dataDir !== null && !process.env.SENIM_DATA_KEY?.trim();
        if (given && keyFileInUse && config.dataDir !== null) {
          replaceDataKeyFile(config.dataDir, given.text);
          console.log(`The new key replaced ${config.dataDir}/${DATA_KEY_FILE_NAME}; the old key ${outcome.oldKeyId} is gone from it.`);
        } else {
          console.log(
            `Key ${outcome.oldKeyId} is retired: set SENIM_DATA_KEY to the new key (${outcome.newKeyId}), remove SENIM_PREVIOUS_DATA_KEY and SENIM_NEW_DATA_KEY ` +
              'from the configuration, and restart the server.',
          );
        }
        console.log(`Backups made before this rotation open only with the old key ${outcome.oldKeyId}: keep it apart with them, or destroy both.`);
      } finally {
        await database.close();
      }
    });
}
