import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { JusticeStatistics, JusticeStatisticsQuery } from '../../../shared/justice-statistics.schemas.js';
import type { CodeEdition, Database } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { withPersonScope } from '../../platform/person-scope.js';
import { requirePermission } from '../../platform/policy.js';
import { proceedingStages, type ProceedingStage } from './proceeding-stages.js';

// The counts the statistics of criminal proceedings chart, as the Committee
// for Legal Statistics counts them. Each function says its unit and which
// date places a record in the period; the period is inclusive at both ends,
// and an open end is unbounded. Counts only: no query here selects a person,
// a defendant's identity, a register number or a case code.

export interface CountPeriod {
  from: string | null;
  to: string | null;
}

/** True for a date column within the period. */
function within(period: CountPeriod, column: RawBuilder<unknown>): RawBuilder<boolean> {
  const from = period.from === null ? sql`true` : sql`${column} >= ${period.from}::date`;
  const to = period.to === null ? sql`true` : sql`${column} <= ${period.to}::date`;
  return sql<boolean>`(${from} and ${to})`;
}

const number = (value: string | number | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));

export interface ArticleCount {
  edition: CodeEdition;
  article: string;
  proceedings: number;
}

/**
 * Proceedings by the articles they were registered under, per edition of the
 * Code. Period: registered_on. Unit: proceedings; one under several articles
 * counts under each.
 */
export async function countProceedingsByArticle(db: Kysely<Database>, period: CountPeriod): Promise<ArticleCount[]> {
  const result = await sql<{ edition: CodeEdition; article: string; proceedings: string }>`
    select c.edition, c.article, count(distinct p.id) as proceedings
    from criminal_proceedings p
    join proceeding_qualifications q on q.proceeding_id = p.id and q.sequence = 1
    join proceeding_qualification_articles a on a.qualification_id = q.id
    join criminal_code_articles c on c.id = a.article_id
    where ${within(period, sql`p.registered_on`)}
    group by c.edition, c.article
    order by c.edition, c.article`.execute(db);
  return result.rows.map((row) => ({ edition: row.edition, article: row.article, proceedings: number(row.proceedings) }));
}

export interface MappedArticleCount extends ArticleCount {
  under1997: number;
  under2014: number;
}

/**
 * Proceedings by article across both editions: a 1997 proceeding counts
 * under its 2014 counterpart (criminal_code_article_mappings), so 2013-2016
 * read as one series. Period: registered_on. Unit: proceedings, once per
 * 2014 article even when two of its 1997 articles map to the same one.
 */
export async function countProceedingsByArticleAcrossEditions(db: Kysely<Database>, period: CountPeriod): Promise<MappedArticleCount[]> {
  const result = await sql<{ edition: CodeEdition; article: string; proceedings: string; under1997: string; under2014: string }>`
    select t.edition, t.article,
      count(distinct p.id) as proceedings,
      count(distinct p.id) filter (where c.edition = '1997') as under1997,
      count(distinct p.id) filter (where c.edition = '2014') as under2014
    from criminal_proceedings p
    join proceeding_qualifications q on q.proceeding_id = p.id and q.sequence = 1
    join proceeding_qualification_articles a on a.qualification_id = q.id
    join criminal_code_articles c on c.id = a.article_id
    left join criminal_code_article_mappings m on c.edition = '1997' and m.article_1997_id = c.id
    join criminal_code_articles t on t.id = coalesce(m.article_2014_id, c.id)
    where ${within(period, sql`p.registered_on`)}
    group by t.edition, t.article
    order by t.edition desc, t.article`.execute(db);
  return result.rows.map((row) => ({ edition: row.edition, article: row.article, proceedings: number(row.proceedings), under1997: number(row.under1997), under2014: number(row.under2014) }));
}

export interface StageCount {
  stage: ProceedingStage;
  current: number;
  reached: number;
  reachedInPeriod: number;
}

/**
 * Proceedings by stage, every stage listed. current and reached: proceedings
 * registered in the period (registered_on), by the stage they stand at and by
 * every stage they ever reached; reachedInPeriod: proceedings, whenever
 * registered, that reached the stage within the period (the stage change's
 * date), as the yearly figures say "of which 94 were brought to trial".
 * Unit: proceedings.
 */
export async function countProceedingsByStage(db: Kysely<Database>, period: CountPeriod): Promise<StageCount[]> {
  const result = await sql<{ stage: ProceedingStage; current: string; reached: string; reached_in_period: string }>`
    with cohort as (select id, stage from criminal_proceedings p where ${within(period, sql`p.registered_on`)}),
    current as (select stage, count(*) as n from cohort group by stage),
    reached as (select s.stage, count(distinct s.proceeding_id) as n from proceeding_stage_changes s join cohort on cohort.id = s.proceeding_id group by s.stage),
    reached_in_period as (select s.stage, count(distinct s.proceeding_id) as n from proceeding_stage_changes s where ${within(period, sql`s.occurred_on`)} group by s.stage)
    select stages.stage, coalesce(current.n, 0) as current, coalesce(reached.n, 0) as reached, coalesce(reached_in_period.n, 0) as reached_in_period
    from unnest(${[...proceedingStages]}::text[]) as stages(stage)
    left join current on current.stage = stages.stage
    left join reached on reached.stage = stages.stage
    left join reached_in_period on reached_in_period.stage = stages.stage`.execute(db);
  const byStage = new Map(result.rows.map((row) => [row.stage, row]));
  return proceedingStages.map((stage) => {
    const row = byStage.get(stage);
    return { stage, current: number(row?.current), reached: number(row?.reached), reachedInPeriod: number(row?.reached_in_period) };
  });
}

/** Each defendant's verdict in force: the latest by decision date (then by the order recorded). */
const verdictsInForce = sql`
  select distinct on (v.defendant_id) v.defendant_id, d.proceeding_id, v.decided_on, v.outcome, v.conviction_article_id, v.sentence_kind, v.sentence_months, v.confiscation
  from defendant_verdicts v
  join proceeding_defendants d on d.id = v.defendant_id
  order by v.defendant_id, v.decided_on desc, v.id desc`;

export interface Attrition {
  registered: number;
  sentToCourt: number;
  reachedVerdict: number;
  withConviction: number;
  convictedDefendants: number;
}

/**
 * How many of the proceedings registered in the period (registered_on) were
 * sent to court, reached a first-instance verdict, and ended with at least
 * one defendant convicted by the verdict in force. Unit: proceedings, and
 * defendants for convictedDefendants. An imported proceeding carries its
 * stages but no defendants, so it counts up to reachedVerdict.
 */
export async function countAttrition(db: Kysely<Database>, period: CountPeriod): Promise<Attrition> {
  const result = await sql<{ registered: string; sent_to_court: string; reached_verdict: string; with_conviction: string; convicted_defendants: string }>`
    with cohort as (select id from criminal_proceedings p where ${within(period, sql`p.registered_on`)}),
    reached as (
      select s.proceeding_id, bool_or(s.stage = 'sent_to_court') as court, bool_or(s.stage = 'first_instance_verdict') as verdict
      from proceeding_stage_changes s join cohort on cohort.id = s.proceeding_id group by s.proceeding_id),
    convicted as (select f.proceeding_id, count(*) as defendants from (${verdictsInForce}) f join cohort on cohort.id = f.proceeding_id where f.outcome = 'convicted' group by f.proceeding_id)
    select
      (select count(*) from cohort) as registered,
      (select count(*) from reached where court) as sent_to_court,
      (select count(*) from reached where verdict) as reached_verdict,
      (select count(*) from convicted) as with_conviction,
      (select coalesce(sum(defendants), 0) from convicted) as convicted_defendants`.execute(db);
  const row = result.rows[0];
  return {
    registered: number(row?.registered),
    sentToCourt: number(row?.sent_to_court),
    reachedVerdict: number(row?.reached_verdict),
    withConviction: number(row?.with_conviction),
    convictedDefendants: number(row?.convicted_defendants),
  };
}

export interface RequalificationCell {
  registeredEdition: CodeEdition;
  registeredArticle: string;
  laterEdition: CodeEdition;
  laterArticle: string;
  count: number;
}

/**
 * The re-qualification matrices of proceedings registered in the period
 * (registered_on). atCourt: article at registration × article the proceeding
 * went to court or was tried under (its last indictment or court
 * qualification, else the qualification in force), for proceedings that
 * reached court; unit: proceedings, once per pair of articles. atConviction:
 * article at registration × article of conviction of the verdict in force;
 * unit: convicted defendants. The diagonal is the proceedings that kept their
 * article.
 */
export async function countRequalifications(db: Kysely<Database>, period: CountPeriod): Promise<{ atCourt: RequalificationCell[]; atConviction: RequalificationCell[] }> {
  const cohortArticles = sql`
    select p.id as proceeding_id, c.edition, c.article
    from criminal_proceedings p
    join proceeding_qualifications q on q.proceeding_id = p.id and q.sequence = 1
    join proceeding_qualification_articles a on a.qualification_id = q.id
    join criminal_code_articles c on c.id = a.article_id
    where ${within(period, sql`p.registered_on`)}`;
  const atCourt = await sql<{ registered_edition: CodeEdition; registered_article: string; later_edition: CodeEdition; later_article: string; n: string }>`
    with registered as (${cohortArticles}),
    at_court as (
      select distinct on (q.proceeding_id) q.proceeding_id, q.id
      from proceeding_qualifications q
      where q.proceeding_id in (select proceeding_id from registered)
        and exists (select 1 from proceeding_stage_changes s where s.proceeding_id = q.proceeding_id and s.stage = 'sent_to_court')
      order by q.proceeding_id, (q.phase in ('indictment', 'court')) desc, q.sequence desc),
    later as (
      select at_court.proceeding_id, c.edition, c.article
      from at_court join proceeding_qualification_articles a on a.qualification_id = at_court.id join criminal_code_articles c on c.id = a.article_id)
    select r.edition as registered_edition, r.article as registered_article, l.edition as later_edition, l.article as later_article, count(distinct r.proceeding_id) as n
    from registered r join later l on l.proceeding_id = r.proceeding_id
    group by r.edition, r.article, l.edition, l.article
    order by r.edition, r.article, l.edition, l.article`.execute(db);
  const atConviction = await sql<{ registered_edition: CodeEdition; registered_article: string; later_edition: CodeEdition; later_article: string; n: string }>`
    with registered as (${cohortArticles})
    select r.edition as registered_edition, r.article as registered_article, c.edition as later_edition, c.article as later_article, count(distinct f.defendant_id) as n
    from registered r
    join (${verdictsInForce}) f on f.proceeding_id = r.proceeding_id and f.outcome = 'convicted'
    join criminal_code_articles c on c.id = f.conviction_article_id
    group by r.edition, r.article, c.edition, c.article
    order by r.edition, r.article, c.edition, c.article`.execute(db);
  const cellOf = (row: { registered_edition: CodeEdition; registered_article: string; later_edition: CodeEdition; later_article: string; n: string }): RequalificationCell => ({
    registeredEdition: row.registered_edition,
    registeredArticle: row.registered_article,
    laterEdition: row.later_edition,
    laterArticle: row.later_article,
    count: number(row.n),
  });
  return { atCourt: atCourt.rows.map(cellOf), atConviction: atConviction.rows.map(cellOf) };
}

export interface VerdictCounts {
  byOutcome: { outcome: 'convicted' | 'acquitted' | 'dismissed'; defendants: number }[];
  convictionsBySentence: { sentenceKind: 'imprisonment' | 'suspended' | 'restricted_freedom' | 'fine'; defendants: number; withConfiscation: number; medianMonths: number | null }[];
}

/**
 * Defendants by the outcome of the verdict in force, and the convicted by
 * sentence kind with confiscation and the median term. Period: the decision
 * date of the verdict in force. Unit: defendants. Every outcome and kind is
 * listed, with zeros.
 */
export async function countVerdicts(db: Kysely<Database>, period: CountPeriod): Promise<VerdictCounts> {
  const outcomes = await sql<{ outcome: 'convicted' | 'acquitted' | 'dismissed'; n: string }>`
    select f.outcome, count(*) as n from (${verdictsInForce}) f where ${within(period, sql`f.decided_on`)} group by f.outcome`.execute(db);
  const sentences = await sql<{ sentence_kind: 'imprisonment' | 'suspended' | 'restricted_freedom' | 'fine'; n: string; confiscation: string; median_months: string | number | null }>`
    select f.sentence_kind, count(*) as n, count(*) filter (where f.confiscation) as confiscation,
      percentile_cont(0.5) within group (order by f.sentence_months) filter (where f.sentence_months is not null) as median_months
    from (${verdictsInForce}) f
    where f.outcome = 'convicted' and ${within(period, sql`f.decided_on`)}
    group by f.sentence_kind`.execute(db);
  return {
    byOutcome: (['convicted', 'acquitted', 'dismissed'] as const).map((outcome) => ({ outcome, defendants: number(outcomes.rows.find((row) => row.outcome === outcome)?.n) })),
    convictionsBySentence: (['imprisonment', 'suspended', 'restricted_freedom', 'fine'] as const).map((sentenceKind) => {
      const row = sentences.rows.find((entry) => entry.sentence_kind === sentenceKind);
      return {
        sentenceKind,
        defendants: number(row?.n),
        withConfiscation: number(row?.confiscation),
        medianMonths: row?.median_months === null || row?.median_months === undefined ? null : Number(row.median_months),
      };
    }),
  };
}

/**
 * Days from registration to the first-instance verdict (the first time the
 * proceeding reached that stage): how many proceedings and the median.
 * Period: the date of that verdict. Unit: proceedings.
 */
export async function measureTimeToVerdict(db: Kysely<Database>, period: CountPeriod): Promise<{ proceedings: number; medianDays: number | null }> {
  const result = await sql<{ proceedings: string; median_days: string | number | null }>`
    with verdicts as (
      select p.id, min(s.occurred_on) as verdict_on, p.registered_on
      from criminal_proceedings p join proceeding_stage_changes s on s.proceeding_id = p.id and s.stage = 'first_instance_verdict'
      group by p.id, p.registered_on)
    select count(*) as proceedings, percentile_cont(0.5) within group (order by verdict_on - registered_on) as median_days
    from verdicts where ${within(period, sql`verdict_on`)}`.execute(db);
  const row = result.rows[0];
  return { proceedings: number(row?.proceedings), medianDays: row?.median_days === null || row?.median_days === undefined ? null : Number(row.median_days) };
}

export interface CompensationCounts {
  civilClaims: { claims: number; cases: number; claimedTenge: number; awardedTenge: number; paidTenge: number };
  fund: { applications: number; cases: number; granted: number; refused: number; pending: number; paid: number; grantedMci: number; grantedTenge: number; paidTenge: number };
}

/**
 * Civil claims in criminal cases (period: claimed_on; unit: claims, and
 * victims' cases; tenge) and applications to the Victims Compensation Fund
 * (period: applied_on; unit: applications, and victims' cases; MCI and tenge
 * as decided, tenge as paid).
 */
export async function countCompensation(db: Kysely<Database>, period: CountPeriod): Promise<CompensationCounts> {
  const claims = await sql<{ claims: string; cases: string; claimed: string | null; awarded: string | null; paid: string | null }>`
    select count(*) as claims, count(distinct case_id) as cases, sum(claimed_tenge) as claimed, sum(awarded_tenge) as awarded, sum(paid_tenge) as paid
    from civil_claims where ${within(period, sql`claimed_on`)}`.execute(db);
  const fund = await sql<{ applications: string; cases: string; granted: string; refused: string; pending: string; paid: string; granted_mci: string | null; granted_tenge: string | null; paid_tenge: string | null }>`
    select count(*) as applications, count(distinct case_id) as cases,
      count(*) filter (where decision = 'granted') as granted,
      count(*) filter (where decision = 'refused') as refused,
      count(*) filter (where decision = 'pending') as pending,
      count(*) filter (where paid_on is not null) as paid,
      sum(amount_mci) filter (where decision = 'granted') as granted_mci,
      sum(amount_tenge) filter (where decision = 'granted') as granted_tenge,
      sum(amount_tenge) filter (where paid_on is not null) as paid_tenge
    from fund_compensations where ${within(period, sql`applied_on`)}`.execute(db);
  const claim = claims.rows[0];
  const application = fund.rows[0];
  return {
    civilClaims: { claims: number(claim?.claims), cases: number(claim?.cases), claimedTenge: number(claim?.claimed), awardedTenge: number(claim?.awarded), paidTenge: number(claim?.paid) },
    fund: {
      applications: number(application?.applications),
      cases: number(application?.cases),
      granted: number(application?.granted),
      refused: number(application?.refused),
      pending: number(application?.pending),
      paid: number(application?.paid),
      grantedMci: number(application?.granted_mci),
      grantedTenge: number(application?.granted_tenge),
      paidTenge: number(application?.paid_tenge),
    },
  };
}

const countingActor = systemActor('justice:statistics');

/**
 * Every count above for one period, for an analyst (statistics.read). A
 * period that ends before it starts is refused naming `to`.
 */
export async function readJusticeStatistics(input: { context: AppContext; actor: Actor; query: JusticeStatisticsQuery }): Promise<JusticeStatistics> {
  requirePermission(input.actor, 'statistics.read');
  const period: CountPeriod = { from: input.query.from ?? null, to: input.query.to ?? null };
  if (period.from !== null && period.to !== null && period.to < period.from) {
    throw new AppError('unprocessable', 'The period ends before it starts', { fields: [{ field: 'query.to', message: 'is before from' }] });
  }
  // Counts cross every case's wall (compensation sits behind it), and return no row of any.
  const [byEdition, acrossEditions, stages, attrition, requalifications, verdicts, timeToVerdict, compensation] = await withPersonScope(
    input.context.database.db,
    countingActor,
    async (db) => [
      await countProceedingsByArticle(db, period),
      await countProceedingsByArticleAcrossEditions(db, period),
      await countProceedingsByStage(db, period),
      await countAttrition(db, period),
      await countRequalifications(db, period),
      await countVerdicts(db, period),
      await measureTimeToVerdict(db, period),
      await countCompensation(db, period),
    ] as const,
  );
  return {
    period,
    proceedingsByArticle: { unit: 'proceedings', periodBy: 'registered_on', byEdition, acrossEditions },
    proceedingsByStage: { unit: 'proceedings', periodBy: 'registered_on, and the stage change date for reachedInPeriod', stages },
    attrition: { unit: 'proceedings, and defendants for convictedDefendants', periodBy: 'registered_on', ...attrition },
    requalifications: { periodBy: 'registered_on', ...requalifications },
    verdicts: { unit: 'defendants', periodBy: 'decided_on of the verdict in force', ...verdicts },
    timeToVerdict: { unit: 'proceedings', periodBy: 'date of the first-instance verdict', ...timeToVerdict },
    compensation: {
      civilClaims: { unit: 'civil claims, and victims’ cases for cases; amounts in tenge', periodBy: 'claimed_on', ...compensation.civilClaims },
      fund: { unit: 'applications to the Victims Compensation Fund, and victims’ cases for cases; amounts in MCI and tenge', periodBy: 'applied_on', ...compensation.fund },
    },
  };
}
