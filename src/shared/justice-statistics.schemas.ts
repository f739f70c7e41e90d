import { z } from 'zod';

// Counts of criminal proceedings for analysts: numbers only, never a person,
// a register number or a case code. Each count says what it counts (its
// unit) and which date places a record in the period.

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const count = z.number().int().nonnegative();
const edition = z.enum(['1997', '2014']);
const stage = z.enum([
  'registered',
  'pre_trial_investigation',
  'suspended_perpetrator_unknown',
  'discontinued_non_rehabilitating',
  'discontinued_rehabilitating',
  'sent_to_court',
  'first_instance_verdict',
  'appeal',
  'cassation',
  'final',
]);

export const justiceStatisticsQuerySchema = z.object({
  from: isoDate.optional().describe('First day of the period (inclusive); each count says which date it reads'),
  to: isoDate.optional().describe('Last day of the period (inclusive)'),
});

export type JusticeStatisticsQuery = z.infer<typeof justiceStatisticsQuerySchema>;

export const articleCountSchema = z.object({ edition, article: z.string(), proceedings: count });

export const mappedArticleCountSchema = z.object({
  /** The 2014 article; a 1997 article without a 2014 counterpart stands as itself. */
  edition,
  article: z.string(),
  proceedings: count,
  under1997: count,
  under2014: count,
});

export const stageCountSchema = z.object({
  stage,
  /** Proceedings registered in the period that stand at this stage today. */
  current: count,
  /** Proceedings registered in the period that reached this stage at some time. */
  reached: count,
  /** Proceedings, whenever registered, that reached this stage within the period. */
  reachedInPeriod: count,
});

export const attritionSchema = z.object({
  registered: count,
  sentToCourt: count,
  reachedVerdict: count,
  /** Proceedings with at least one defendant convicted by the verdict in force. */
  withConviction: count,
  convictedDefendants: count,
});

export const requalificationCellSchema = z.object({
  registeredEdition: edition,
  registeredArticle: z.string(),
  laterEdition: edition,
  laterArticle: z.string(),
  count,
});

export const sentenceCountSchema = z.object({
  sentenceKind: z.enum(['imprisonment', 'suspended', 'restricted_freedom', 'fine']),
  defendants: count,
  withConfiscation: count,
  /** Median term in months where the sentence has one; null otherwise. */
  medianMonths: z.number().nullable(),
});

export const outcomeCountSchema = z.object({ outcome: z.enum(['convicted', 'acquitted', 'dismissed']), defendants: count });

export const justiceStatisticsSchema = z
  .object({
    period: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }),
    proceedingsByArticle: z.object({
      unit: z.literal('proceedings'),
      periodBy: z.literal('registered_on'),
      /** A proceeding under several articles counts under each: the rows add up to more than the proceedings. */
      byEdition: z.array(articleCountSchema),
      /** 1997 proceedings counted under their 2014 counterpart (criminal_code_article_mappings). */
      acrossEditions: z.array(mappedArticleCountSchema),
    }),
    proceedingsByStage: z.object({ unit: z.literal('proceedings'), periodBy: z.literal('registered_on, and the stage change date for reachedInPeriod'), stages: z.array(stageCountSchema) }),
    attrition: attritionSchema.extend({ unit: z.literal('proceedings, and defendants for convictedDefendants'), periodBy: z.literal('registered_on') }),
    requalifications: z.object({
      periodBy: z.literal('registered_on'),
      /** Article at registration × article when sent to court or tried (the last indictment or court qualification, else the one in force); unit: proceedings that reached court. */
      atCourt: z.array(requalificationCellSchema),
      /** Article at registration × article of conviction of the verdict in force; unit: convicted defendants. */
      atConviction: z.array(requalificationCellSchema),
    }),
    verdicts: z.object({
      unit: z.literal('defendants'),
      periodBy: z.literal('decided_on of the verdict in force'),
      byOutcome: z.array(outcomeCountSchema),
      convictionsBySentence: z.array(sentenceCountSchema),
    }),
    timeToVerdict: z.object({
      unit: z.literal('proceedings'),
      periodBy: z.literal('date of the first-instance verdict'),
      proceedings: count,
      /** Days from registration to the first-instance verdict; null when no proceeding had one. */
      medianDays: z.number().nullable(),
    }),
    compensation: z.object({
      civilClaims: z.object({
        unit: z.literal('civil claims, and victims’ cases for cases; amounts in tenge'),
        periodBy: z.literal('claimed_on'),
        claims: count,
        cases: count,
        claimedTenge: count,
        awardedTenge: count,
        paidTenge: count,
      }),
      fund: z.object({
        unit: z.literal('applications to the Victims Compensation Fund, and victims’ cases for cases; amounts in MCI and tenge'),
        periodBy: z.literal('applied_on'),
        applications: count,
        cases: count,
        granted: count,
        refused: count,
        pending: count,
        paid: count,
        grantedMci: z.number().nonnegative(),
        grantedTenge: count,
        paidTenge: count,
      }),
    }),
  })
  .meta({ id: 'JusticeStatistics' });

export type JusticeStatistics = z.infer<typeof justiceStatisticsSchema>;
