import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/permissions.js';
import type { Database } from '../../db/schema.js';
import { systemActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { hashPassword } from '../../platform/auth/password-hash.js';
import type { VaultKeys } from '../../platform/vault/data-key.js';
import { regionIdsFor, replaceUserRegions, replaceUserRoles } from './directory.repo.js';
import { sealedEmailColumns, staffEmailDigests } from '../../platform/vault/staff-email.js';
import { sealDisplayName } from './staff-name.js';

/** Every demo user signs in with this password (documented in the README). Demo databases only. */
export const DEMO_PASSWORD = 'steppe-demo-passphrase-2026';

export interface DemoUser {
  email: string;
  displayName: string;
  organizationCode: string;
  roles: Role[];
  regionCodes: string[];
  language: 'ru' | 'kk' | 'en';
}

// One user per role, spread over state bodies, NGOs, a shelter and a hotline
// in several regions, so that scoping by organization and region shows.
export const demoUsers: DemoUser[] = [
  { email: 'admin.korgau@demo.senim.local', displayName: 'Айгерим Садыкова', organizationCode: 'NGO-KORGAU-ASTANA', roles: ['administrator'], regionCodes: [], language: 'ru' },
  { email: 'coordinator.mlsp@demo.senim.local', displayName: 'Марат Ахметов', organizationCode: 'MLSP', roles: ['coordinator'], regionCodes: [], language: 'ru' },
  { email: 'police.astana@demo.senim.local', displayName: 'Ерлан Жумабаев', organizationCode: 'MIA', roles: ['first_responder'], regionCodes: ['KZ-AST'], language: 'ru' },
  { email: 'investigator.almaty@demo.senim.local', displayName: 'Дамир Исмаилов', organizationCode: 'MIA', roles: ['investigator'], regionCodes: ['KZ-ALA'], language: 'ru' },
  { email: 'caseworker.korgau@demo.senim.local', displayName: 'Гульнара Касымова', organizationCode: 'NGO-KORGAU-ASTANA', roles: ['case_worker'], regionCodes: [], language: 'kk' },
  { email: 'caseworker.sanasezim@demo.senim.local', displayName: 'Асель Нурланова', organizationCode: 'NGO-SANA-SEZIM', roles: ['case_worker'], regionCodes: [], language: 'ru' },
  { email: 'shelter.almaty@demo.senim.local', displayName: 'Салтанат Омарова', organizationCode: 'SHELTER-ALA', roles: ['service_provider'], regionCodes: [], language: 'ru' },
  { email: 'hotline@demo.senim.local', displayName: 'Жанна Бекова', organizationCode: 'HOTLINE-11616', roles: ['hotline_operator'], regionCodes: [], language: 'ru' },
  { email: 'analyst.pgo@demo.senim.local', displayName: 'Тимур Серикбаев', organizationCode: 'PGO-CLSSA', roles: ['analyst'], regionCodes: [], language: 'en' },
  { email: 'auditor.ombudsman@demo.senim.local', displayName: 'Лаура Абдрахманова', organizationCode: 'HRC', roles: ['auditor'], regionCodes: [], language: 'ru' },
];

export async function loadDemoUsers(db: Kysely<Database>, vaultKeys: VaultKeys): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of demoUsers) {
    const organization = await db.selectFrom('organizations').select('id').where('code', '=', demo.organizationCode).executeTakeFirst();
    if (!organization) {
      throw new Error(`Demo user ${demo.email} names unknown organization ${demo.organizationCode}`);
    }
    const regionIds = await regionIdsFor(db, demo.regionCodes);
    // Under any key of the keyring: a demo user keyed by a retiring key is there already.
    const existing = await db.selectFrom('users').select('id').where('email_digest', 'in', staffEmailDigests(vaultKeys, demo.email)).executeTakeFirst();
    if (existing) {
      continue;
    }
    await db.transaction().execute(async (trx) => {
      const id = randomUUID();
      const inserted = await trx
        .insertInto('users')
        .values({
          id,
          organization_id: organization.id,
          ...sealedEmailColumns(vaultKeys, id, demo.email),
          display_name_sealed: sealDisplayName(vaultKeys, id, demo.displayName),
          password_hash: passwordHash,
          language: demo.language,
        })
        .onConflict((oc) => oc.column('email_digest').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        return;
      }
      await replaceUserRoles(trx, inserted.id, demo.roles);
      await replaceUserRegions(trx, inserted.id, [...regionIds.values()]);
      await recordAudit(trx, { actor: systemActor('seed-demo'), action: 'user.created', record: { type: 'user', id: inserted.id }, fields: ['email', 'roles'] });
    });
  }
}
