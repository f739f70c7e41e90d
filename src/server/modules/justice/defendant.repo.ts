import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { SentenceKind, VerdictOutcome } from '../../../shared/defendant.schemas.js';
import type { Database, DefendantVerdictsTable, ProceedingDefendantsTable } from '../../db/schema.js';

type Queryable = Kysely<Database> | Transaction<Database>;

const defendantColumns = [
  'id',
  'proceeding_id',
  'sealed_identity',
  'key_id',
  'sex',
  'age_years',
  'citizenship',
  'organized_group',
  'role',
  'procedural_status',
  'created_at',
  'updated_at',
] as const;

export type DefendantRow = Pick<ProceedingDefendantsTable, 'id' | 'proceeding_id' | 'sealed_identity' | 'key_id' | 'sex' | 'age_years' | 'citizenship' | 'role' | 'procedural_status'> & {
  organized_group: boolean;
  created_at: Date | string;
  updated_at: Date | string;
};

export async function insertDefendant(
  trx: Transaction<Database>,
  row: Omit<ProceedingDefendantsTable, 'created_at' | 'updated_at' | 'organized_group'> & { organized_group: boolean },
): Promise<DefendantRow> {
  return trx.insertInto('proceeding_defendants').values(row).returning(defendantColumns).executeTakeFirstOrThrow();
}

export async function updateDefendant(
  trx: Transaction<Database>,
  input: { proceedingId: string; defendantId: string; changes: Updateable<ProceedingDefendantsTable> },
): Promise<DefendantRow | undefined> {
  return trx
    .updateTable('proceeding_defendants')
    .set({ ...input.changes, updated_at: sql`now()` })
    .where('id', '=', input.defendantId)
    .where('proceeding_id', '=', input.proceedingId)
    .returning(defendantColumns)
    .executeTakeFirst();
}

export async function selectDefendants(trx: Queryable, proceedingId: string): Promise<DefendantRow[]> {
  return trx.selectFrom('proceeding_defendants').select(defendantColumns).where('proceeding_id', '=', proceedingId).orderBy('created_at').orderBy('id').execute();
}

export async function selectDefendant(trx: Queryable, proceedingId: string, defendantId: string): Promise<DefendantRow | undefined> {
  return trx.selectFrom('proceeding_defendants').select(defendantColumns).where('proceeding_id', '=', proceedingId).where('id', '=', defendantId).executeTakeFirst();
}

export interface VerdictRow {
  id: number;
  defendant_id: string;
  instance: DefendantVerdictsTable['instance'];
  decided_on: string;
  outcome: VerdictOutcome;
  conviction_article_id: number | null;
  conviction_part: string | null;
  sentence_kind: SentenceKind | null;
  sentence_months: number | null;
  fine_tenge: number | null;
  confiscation: boolean;
  recorded_at: Date | string;
  article_edition: '1997' | '2014' | null;
  article: string | null;
  title_ru: string | null;
  title_kk: string | null;
  title_en: string | null;
}

/** Every verdict on these defendants with its article of conviction, latest first. */
export async function selectVerdicts(trx: Queryable, defendantIds: readonly string[]): Promise<VerdictRow[]> {
  if (defendantIds.length === 0) {
    return [];
  }
  return trx
    .selectFrom('defendant_verdicts as v')
    .leftJoin('criminal_code_articles as a', 'a.id', 'v.conviction_article_id')
    .select([
      'v.id',
      'v.defendant_id',
      'v.instance',
      'v.decided_on',
      'v.outcome',
      'v.conviction_article_id',
      'v.conviction_part',
      'v.sentence_kind',
      'v.sentence_months',
      'v.fine_tenge',
      'v.confiscation',
      'v.recorded_at',
      'a.edition as article_edition',
      'a.article',
      'a.title_ru',
      'a.title_kk',
      'a.title_en',
    ])
    .where('v.defendant_id', 'in', defendantIds)
    .orderBy('v.decided_on', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

export async function insertVerdict(
  trx: Transaction<Database>,
  row: Omit<DefendantVerdictsTable, 'id' | 'recorded_at' | 'confiscation'> & { confiscation: boolean },
): Promise<number> {
  const inserted = await trx.insertInto('defendant_verdicts').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function selectArticle(trx: Queryable, articleId: number) {
  return trx.selectFrom('criminal_code_articles').select(['id', 'edition', 'article']).where('id', '=', articleId).executeTakeFirst();
}

export interface ProceedingVerdicts {
  /** Defendants recorded on the proceeding, with or without a verdict. */
  defendants: number;
  convicted: number;
  acquitted: number;
  dismissed: number;
  /** Convicted defendants by the kind of their sentence in force. */
  sentenceKinds: Record<SentenceKind, number>;
  /** Convicted defendants whose sentence includes confiscation of property. */
  confiscations: number;
}

function noVerdicts(): ProceedingVerdicts {
  return { defendants: 0, convicted: 0, acquitted: 0, dismissed: 0, sentenceKinds: { imprisonment: 0, suspended: 0, restricted_freedom: 0, fine: 0 }, confiscations: 0 };
}

/**
 * The outcome in force on each proceeding, counted without a name: per
 * defendant the latest verdict by decision date (then by id, when an appeal
 * court decided the same day), so an appeal supersedes the first instance.
 * Every proceeding asked for has an entry, with zeros when it has no
 * defendants. The case's view of its proceedings and the statistics read this.
 */
export async function verdictsInForce(db: Queryable, proceedingIds: readonly string[]): Promise<Map<string, ProceedingVerdicts>> {
  const result = new Map<string, ProceedingVerdicts>(proceedingIds.map((id) => [id, noVerdicts()]));
  if (proceedingIds.length === 0) {
    return result;
  }
  const rows = await db
    .selectFrom('proceeding_defendants as d')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('defendant_verdicts')
          .distinctOn('defendant_verdicts.defendant_id')
          .innerJoin('proceeding_defendants as own', 'own.id', 'defendant_verdicts.defendant_id')
          .where('own.proceeding_id', 'in', proceedingIds)
          .select(['defendant_verdicts.defendant_id', 'defendant_verdicts.outcome', 'defendant_verdicts.sentence_kind', 'defendant_verdicts.confiscation'])
          .orderBy('defendant_verdicts.defendant_id')
          .orderBy('defendant_verdicts.decided_on', 'desc')
          .orderBy('defendant_verdicts.id', 'desc')
          .as('v'),
      (join) => join.onRef('v.defendant_id', '=', 'd.id'),
    )
    .select(['d.proceeding_id', 'v.outcome', 'v.sentence_kind', 'v.confiscation'])
    .where('d.proceeding_id', 'in', proceedingIds)
    .execute();
  for (const row of rows) {
    const counts = result.get(row.proceeding_id);
    if (!counts) {
      continue;
    }
    counts.defendants += 1;
    if (row.outcome) {
      counts[row.outcome] += 1;
    }
    if (row.outcome === 'convicted' && row.sentence_kind) {
      counts.sentenceKinds[row.sentence_kind] += 1;
      counts.confiscations += row.confiscation ? 1 : 0;
    }
  }
  return result;
}
