import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import {
  questionnaireDefinitionSchema,
  screeningAssessmentSchema,
  type identificationRequestSchema,
  type newQuestionnaireRequestSchema,
  type questionnaireSchema,
  type screeningRequestSchema,
  type screeningSchema,
} from '../../../shared/case.schemas.js';
import { AppError, pathwayRefusal } from '../../../shared/errors.js';
import type { CaseScreeningsTable, Database, ScreeningObservationsTable, ScreeningQuestionnairesTable } from '../../db/schema.js';
import type { AppContext } from '../../http/app.js';
import type { RequestOrigin, UserActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { requirePermission } from '../../platform/policy.js';
import { insertInvolvement } from '../persons/person.repo.js';
import { isChild } from './case-pathway.js';
import { onCase, recordStep } from './case-step.js';
import { decisionOf } from './case-view.js';
import { defaultQuestionnaires } from './default-questionnaires.js';
import { assessScreening } from './delphi-assessment.js';

type Questionnaire = z.infer<typeof questionnaireSchema>;

function questionnaireOf(row: Selectable<ScreeningQuestionnairesTable>): Questionnaire {
  return {
    id: row.id,
    audience: row.audience,
    version: row.version,
    title: row.title,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    definition: questionnaireDefinitionSchema.parse(row.definition),
  };
}

/** Version 1 of each default questionnaire, on a new installation; later versions are the administrators'. */
export async function ensureDefaultQuestionnaires(db: Kysely<Database>): Promise<void> {
  for (const questionnaire of defaultQuestionnaires) {
    await db
      .insertInto('screening_questionnaires')
      .values({ id: randomUUID(), audience: questionnaire.audience, version: 1, title: questionnaire.title, definition: JSON.stringify(questionnaire.definition) })
      .onConflict((oc) => oc.columns(['audience', 'version']).doNothing())
      .execute();
  }
}

export async function listQuestionnaires(input: { context: AppContext; actor: UserActor; audience?: 'adult' | 'child' }) {
  requirePermission(input.actor, 'cases.read');
  let query = input.context.database.db.selectFrom('screening_questionnaires').selectAll().where('active', '=', true);
  if (input.audience) {
    query = query.where('audience', '=', input.audience);
  }
  const rows = await query.orderBy('audience').orderBy('version', 'desc').execute();
  return { items: rows.map(questionnaireOf) };
}

/** A new version replaces the active one for its audience; screenings keep the version they used. */
export async function publishQuestionnaire(input: { context: AppContext; actor: UserActor; questionnaire: z.infer<typeof newQuestionnaireRequestSchema>; origin: RequestOrigin }) {
  requirePermission(input.actor, 'screening.configure');
  const { questionnaire } = input;
  return input.context.database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('screening_questionnaires'))`.execute(trx);
    const latest = await trx
      .selectFrom('screening_questionnaires')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('audience', '=', questionnaire.audience)
      .executeTakeFirstOrThrow();
    await trx.updateTable('screening_questionnaires').set({ active: false }).where('audience', '=', questionnaire.audience).execute();
    const row = await trx
      .insertInto('screening_questionnaires')
      .values({
        id: randomUUID(),
        audience: questionnaire.audience,
        version: Number(latest.version ?? 0) + 1,
        title: questionnaire.title,
        definition: JSON.stringify(questionnaire.definition),
        created_by: input.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: input.actor,
      action: 'screening.questionnaire_published',
      record: { type: 'screening_questionnaire', id: row.id },
      origin: input.origin,
      details: { audience: row.audience, version: row.version },
    });
    return questionnaireOf(row);
  });
}

export async function screeningsOf(trx: Transaction<Database>, caseId: string): Promise<z.infer<typeof screeningSchema>[]> {
  const rows = await trx
    .selectFrom('case_screenings')
    .innerJoin('screening_questionnaires', 'screening_questionnaires.id', 'case_screenings.questionnaire_id')
    .selectAll('case_screenings')
    .select(['screening_questionnaires.version', 'screening_questionnaires.audience'])
    .where('case_screenings.case_id', '=', caseId)
    .orderBy('case_screenings.recorded_at')
    .execute();
  if (rows.length === 0) {
    return [];
  }
  const answers = await trx
    .selectFrom('screening_observations')
    .selectAll()
    .where(
      'screening_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) => screeningOf(row, answers.filter((answer) => answer.screening_id === row.id)));
}

/** One interview as the API shows it; rows may come from json_agg, so instants may be strings. */
export function screeningOf(
  row: Pick<Selectable<CaseScreeningsTable>, 'id' | 'questionnaire_id' | 'interviewed_on' | 'organization_id' | 'assessment'> & {
    recorded_at: Date | string;
    version: number;
    audience: ScreeningQuestionnairesTable['audience'];
  },
  answers: readonly Pick<Selectable<ScreeningObservationsTable>, 'indicator_code' | 'answer' | 'note'>[],
): z.infer<typeof screeningSchema> {
  return {
    id: row.id,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.version,
    audience: row.audience,
    interviewedOn: row.interviewed_on,
    organizationId: row.organization_id,
    recordedAt: new Date(row.recorded_at).toISOString(),
    assessment: screeningAssessmentSchema.parse(row.assessment),
    answers: answers.map((answer) => ({ indicatorCode: answer.indicator_code, answer: answer.answer, note: answer.note })),
  };
}

/**
 * One interview's answers, each an observed fact, and the Delphi rule's
 * reading of them. Interviews can be repeated; earlier ones are kept as they
 * were, since answers change as trust grows.
 */
export async function recordScreening(input: { context: AppContext; actor: UserActor; caseId: string; screening: z.infer<typeof screeningRequestSchema>; origin: RequestOrigin }) {
  return onCase(input.context, input.actor, 'cases.screen', input.caseId, async (trx, caseRow) => {
    if (caseRow.status === 'closed') {
      throw pathwayRefusal('case_closed');
    }
    const consent = await trx
      .selectFrom('case_consents')
      .select('id')
      .where('case_id', '=', caseRow.id)
      .where('scope', '=', 'processing')
      .where('given', '=', true)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!consent) {
      throw pathwayRefusal('processing_consent_first');
    }
    const row = await trx.selectFrom('screening_questionnaires').selectAll().where('id', '=', input.screening.questionnaireId).executeTakeFirst();
    if (!row) {
      throw new AppError('validation_failed', 'No such questionnaire', { fields: [{ field: 'body.questionnaireId', message: 'no such questionnaire' }] });
    }
    const questionnaire = questionnaireOf(row);
    const child = isChild(caseRow.age_years, caseRow.age_basis);
    if (child && questionnaire.audience !== 'child') {
      throw pathwayRefusal('child_questionnaire', {
        fields: [{ field: 'body.questionnaireId', message: 'is for adults' }],
      });
    }
    const known = new Set(questionnaire.definition.indicators.map((indicator) => indicator.code));
    const fields = input.screening.answers.flatMap((answer, index) =>
      known.has(answer.indicatorCode) ? [] : [{ field: `body.answers.${index}.indicatorCode`, message: `not in questionnaire version ${questionnaire.version}` }],
    );
    const codes = input.screening.answers.map((answer) => answer.indicatorCode);
    if (new Set(codes).size !== codes.length) {
      fields.push({ field: 'body.answers', message: 'an indicator is answered twice' });
    }
    if (fields.length > 0) {
      throw new AppError('validation_failed', 'Some answers do not match the questionnaire', { fields });
    }
    const assessment = assessScreening(questionnaire.definition, input.screening.answers, questionnaire.audience);
    const screeningId = randomUUID();
    await trx
      .insertInto('case_screenings')
      .values({
        id: screeningId,
        case_id: caseRow.id,
        questionnaire_id: questionnaire.id,
        interviewed_on: input.screening.interviewedOn,
        recorded_by: input.actor.userId,
        organization_id: input.actor.organizationId,
        assessment: JSON.stringify(assessment),
      })
      .execute();
    await trx
      .insertInto('screening_observations')
      .values(input.screening.answers.map((answer) => ({ screening_id: screeningId, indicator_code: answer.indicatorCode, answer: answer.answer, note: answer.note ?? null })))
      .execute();
    await recordStep(trx, {
      caseId: caseRow.id,
      actor: input.actor,
      event: 'screening.recorded',
      audit: 'case.screened',
      origin: input.origin,
      details: { screeningId, preliminary: assessment.preliminary, questionnaireVersion: questionnaire.version },
    });
    const [recorded] = (await screeningsOf(trx, caseRow.id)).filter((screening) => screening.id === screeningId);
    if (!recorded) {
      throw new Error('The screening just recorded is not readable');
    }
    return recorded;
  });
}

/**
 * The identification decision, by an organization authorized under the
 * Criteria. It never waits for a criminal case or for cooperation with the
 * police; for a child the means are not required.
 */
export async function recordIdentificationDecision(input: {
  context: AppContext;
  actor: UserActor;
  caseId: string;
  decision: z.infer<typeof identificationRequestSchema>;
  origin: RequestOrigin;
}) {
  return onCase(input.context, input.actor, 'cases.identify', input.caseId, async (trx, caseRow) => {
    const { decision, actor } = input;
    if (caseRow.status === 'closed') {
      throw pathwayRefusal('case_closed');
    }
    const organization = await trx.selectFrom('organizations').select('may_identify').where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
    if (!organization.may_identify) {
      throw pathwayRefusal('not_authorized_to_identify');
    }
    if (decision.reviewsDecisionId) {
      const reviewed = await trx.selectFrom('identification_decisions').select('id').where('id', '=', decision.reviewsDecisionId).where('case_id', '=', caseRow.id).executeTakeFirst();
      if (!reviewed) {
        throw new AppError('validation_failed', 'No such decision on this case', { fields: [{ field: 'body.reviewsDecisionId', message: 'not a decision of this case' }] });
      }
    } else if (caseRow.latest_decision === 'identified' || caseRow.latest_decision === 'not_identified') {
      throw pathwayRefusal('decision_exists', { fields: [{ field: 'body.reviewsDecisionId', message: 'name the decision reviewed' }] });
    }
    const row = await trx
      .insertInto('identification_decisions')
      .values({
        id: randomUUID(),
        case_id: caseRow.id,
        organization_id: actor.organizationId,
        decided_by: actor.userId,
        outcome: decision.outcome,
        exploitation_forms: decision.exploitationForms,
        trafficking_scope: decision.traffickingScope,
        reasons: decision.reasons,
        reviews_decision_id: decision.reviewsDecisionId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('nrm_cases')
      .set({
        latest_decision: decision.outcome,
        ...(decision.outcome === 'identified'
          ? {
              exploitation_forms: decision.exploitationForms,
              trafficking_scope: decision.traffickingScope,
              labour_sectors: decision.labourSectors,
              methods_of_control: decision.methodsOfControl,
              recruitment_methods: decision.recruitmentMethods,
            }
          : {}),
      })
      .where('id', '=', caseRow.id)
      .execute();
    await insertInvolvement(trx, { personId: caseRow.person_id, organizationId: actor.organizationId, basis: 'identification', grantedBy: actor.userId });
    await recordStep(trx, {
      caseId: caseRow.id,
      actor,
      event: 'identification.decided',
      audit: 'case.identification_decided',
      origin: input.origin,
      details: { decisionId: row.id, outcome: decision.outcome, review: decision.reviewsDecisionId !== undefined },
    });
    return decisionOf(row);
  });
}
