import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, scopeOf, type Permission, type Role } from '../../shared/permissions.js';
import type { SenimApp } from './app.js';
import { closeTestApp, createTestApp } from '../testing/test-app.js';
import { asSenimItself, type TestDatabase } from '../testing/test-database.js';
import { createTestUser, signIn, type SignedIn, type TestUser } from '../testing/test-users.js';
import { createTestCommission, type TestCommission } from '../testing/test-commission.js';

// Generated from the routes' own access declarations (x-senim-access in the
// OpenAPI document) and the permission table: every operation, every role,
// inside and outside the organization and region that own the record. A new
// route without a sample request below fails this test on purpose.

const HOME = { organizationCode: 'NGO-KORGAU-ASTANA', region: 'KZ-AST' };
const AWAY = { organizationCode: 'NGO-SANA-SEZIM', region: 'KZ-SHY' };

// A two-measure plan in the 2009-2011 layout, read without problems.
const SMALL_PLAN = [
  '**The Action Plan  ',
  ' of the Government of the Republic of Kazakhstan  ',
  ' to Combat and Prevent Human Trafficking Crimes for 2012-2014**',
  '',
  'No.\tAction\tCompletion Form\tResponsible for Performance\tDate of Performance\tEstimated Costs (ths. of KZT)\tSource of Financing',
  '1\t2\t3\t4\t5\t6\t7',
  '1.\tTo train labour inspectors\tInformation to MJ\tMLSP\tAnnually, by January 20th\tNot required\t-',
  '2.\tTo inform the public\tInformation to MJ\tNGO-KORGAU-ASTANA, NGO-SANA-SEZIM\tQuarterly, by the 20th of the month following the reporting quarter\tNot required\t-',
].join('\n');

interface World {
  /** An adult foreign person's case recorded by HOME, with consent to processing and to referral anywhere. */
  cases: MatrixCases;
  planId: string;
  /** Served and sat on by HOME: HOME's record. */
  commission: TestCommission;
  reportId: string;
  freshSubmittedReportId(): Promise<string>;
  attachmentId: string;
  freshAttachmentId(): Promise<string>;
  freshDraftPlanId(): Promise<string>;
  personId: string;
  /** A proceeding HOME registered and investigates in HOME's region, sent to court, with one defendant. */
  defendants: MatrixDefendants;
  homeOrganizationId: string;
  homeUser: TestUser;
  freshSessionId(): Promise<string>;
}

interface SampleRequest {
  url: string;
  payload?: unknown;
  /** True when the route acts on a record owned by the HOME organization. */
  targetsHomeRecord: boolean;
}

const unique = () => randomBytes(4).toString('hex');

interface MatrixCases {
  caseId: string;
  adultQuestionnaireId: string;
  serviceId: string;
  consentId: string;
  /** A referral from AWAY to HOME: HOME's to answer. */
  incomingReferralId: string;
  shelterId: string;
}

const matrixIntake = {
  referralSource: 'self_referral',
  meetingContext: 'came_to_office',
  firstContactDate: '2026-11-02',
  regionCode: 'KZ-AST',
  sex: 'male',
  ageYears: 31,
  ageBasis: 'documented',
  citizenship: 'KGZ',
};

interface MatrixDefendants {
  proceedingId: string;
  defendantId: string;
}

async function createMatrixDefendants(database: TestDatabase['database'], homeOrganizationId: string): Promise<MatrixDefendants> {
  const region = await database.db.selectFrom('regions').select('id').where('code', '=', HOME.region).executeTakeFirstOrThrow();
  const proceedingId = randomUUID();
  const defendantId = randomUUID();
  await database.db
    .insertInto('criminal_proceedings')
    .values({
      id: proceedingId,
      register_number: `2575${unique().replace(/\D/g, '7').padEnd(11, '0')}`,
      registered_on: '2025-03-10',
      code_edition: '2014',
      registering_organization_id: homeOrganizationId,
      investigating_organization_id: homeOrganizationId,
      region_id: region.id,
      investigator_user_id: null,
      stage: 'sent_to_court',
      stage_since: '2025-05-20',
    })
    .execute();
  await database.db
    .insertInto('proceeding_defendants')
    .values({ id: defendantId, proceeding_id: proceedingId, sealed_identity: null, key_id: null, sex: 'male', age_years: 40, citizenship: 'KAZ', role: 'organizer', procedural_status: 'accused', created_by: null })
    .execute();
  return { proceedingId, defendantId };
}

interface MatrixCaseJustice {
  proceedingId: string;
  protectionId: string;
  claimId: string;
  compensationId: string;
}

let matrixCaseJustice: Promise<MatrixCaseJustice> | undefined;

/** The matrix case linked as a victim to HOME's proceeding, with a protection request, a civil claim and a Fund application on it. */
function caseJusticeOf(world: World): Promise<MatrixCaseJustice> {
  matrixCaseJustice ??= (async () => {
    const proceedingId = world.defendants.proceedingId;
    const caseId = world.cases.caseId;
    const [protectionId, claimId, compensationId] = [randomUUID(), randomUUID(), randomUUID()];
    // A case's justice records sit behind its wall (migration 0022).
    await asSenimItself(testDatabase.database, async (db) => {
      await db.insertInto('proceeding_cases').values({ proceeding_id: proceedingId, case_id: caseId, procedural_status: 'victim', non_punishment_review: null, non_punishment_note: null }).execute();
      await db.insertInto('state_protections').values({ id: protectionId, proceeding_id: proceedingId, case_id: caseId, requested_on: '2025-04-01', decided_on: null, starts_on: null, ends_on: null, refusal_reason: null }).execute();
      await db.insertInto('civil_claims').values({ id: claimId, proceeding_id: proceedingId, case_id: caseId, claimed_tenge: 500_000, claimed_on: '2025-06-01', awarded_tenge: null, awarded_on: null, paid_tenge: null, paid_on: null }).execute();
      await db
        .insertInto('fund_compensations')
        .values({ id: compensationId, case_id: caseId, proceeding_id: proceedingId, applied_on: '2025-06-01', decided_on: null, amount_mci: null, mci_year: null, amount_tenge: null, paid_on: null, refusal_reason: null })
        .execute();
    });
    return { proceedingId, protectionId, claimId, compensationId };
  })();
  return matrixCaseJustice;
}

let matrixProceeding: Promise<{ proceedingId: string; caseCode: string; requalifyTo: number }> | undefined;

/**
 * A registered proceeding of HOME in HOME's region, qualified under 2014 art. 128, with the matrix case linked as
 * a suspect: its own, so that moving its stage leaves the defendants' proceeding at court. Written directly, as
 * HOME is no law-enforcement body and could not register it through the API.
 */
function proceedingOf(world: World): Promise<{ proceedingId: string; caseCode: string; requalifyTo: number }> {
  matrixProceeding ??= (async () => {
    const db = testDatabase.database.db;
    const proceedingId = randomUUID();
    const region = await db.selectFrom('regions').select('id').where('code', '=', HOME.region).executeTakeFirstOrThrow();
    const article = await db.selectFrom('criminal_code_articles').select('id').where('edition', '=', '2014').where('article', '=', '128').executeTakeFirstOrThrow();
    const requalifyTo = await db.selectFrom('criminal_code_articles').select('id').where('edition', '=', '2014').where('article', '=', '309').executeTakeFirstOrThrow();
    await db
      .insertInto('criminal_proceedings')
      .values({
        id: proceedingId,
        register_number: `2675${unique().replace(/\D/g, '3').padEnd(11, '0')}`,
        registered_on: '2025-03-10',
        code_edition: '2014',
        registering_organization_id: world.homeOrganizationId,
        investigating_organization_id: world.homeOrganizationId,
        investigating_unit: null,
        region_id: region.id,
        investigator_user_id: null,
        stage_since: '2025-03-10',
      })
      .execute();
    await db.insertInto('proceeding_stage_changes').values({ proceeding_id: proceedingId, stage: 'registered', occurred_on: '2025-03-10' }).execute();
    const qualification = await db
      .insertInto('proceeding_qualifications')
      .values({ proceeding_id: proceedingId, sequence: 1, decided_on: '2025-03-10', phase: 'registration' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('proceeding_qualification_articles').values({ qualification_id: qualification.id, article_id: article.id, part: '3' }).execute();
    await asSenimItself(testDatabase.database, (trx) =>
      trx.insertInto('proceeding_cases').values({ proceeding_id: proceedingId, case_id: world.cases.caseId, procedural_status: 'suspect', non_punishment_review: 'pending' }).execute(),
    );
    const matrixCase = await asSenimItself(testDatabase.database, (trx) => trx.selectFrom('nrm_cases').select('code').where('id', '=', world.cases.caseId).executeTakeFirstOrThrow());
    return { proceedingId, caseCode: matrixCase.code, requalifyTo: requalifyTo.id };
  })();
  return matrixProceeding;
}

async function createMatrixCases(app: SenimApp, home: SignedIn, away: SignedIn, database: TestDatabase['database']): Promise<MatrixCases> {
  const organizationId = async (code: string) => (await database.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [homeId, awayId, shelterId] = [await organizationId(HOME.organizationCode), await organizationId(AWAY.organizationCode), await organizationId('SHELTER-ALA')];
  const send = async (user: SignedIn, method: 'POST' | 'GET', url: string, payload?: object) => {
    const response = await app.inject({ method, url: `/api/v1${url}`, headers: user.headers(), ...(payload ? { payload } : {}) });
    if (response.statusCode >= 300) {
      throw new Error(`${method} ${url} for the matrix cases failed: ${response.body}`);
    }
    return response.json<Record<string, unknown> & { id: string }>();
  };
  const intake = await send(home, 'POST', '/cases', {
    ...matrixIntake,
    consents: [
      { scope: 'processing', given: true, method: 'written' },
      { scope: 'referral', given: true, method: 'written' },
    ],
  });
  const service = await send(home, 'POST', `/cases/${intake.id}/services`, { serviceType: 'legal', providerOrganizationId: homeId });
  const consent = await send(home, 'POST', `/cases/${intake.id}/consents`, { scope: 'referral', organizationId: awayId, given: true, method: 'oral' });
  const questionnaires = await send(home, 'GET', '/screening/questionnaires?audience=adult');
  const awayIntake = await send(away, 'POST', '/cases', {
    ...matrixIntake,
    regionCode: 'KZ-SHY',
    consents: [
      { scope: 'processing', given: true, method: 'written' },
      { scope: 'referral', organizationId: homeId, given: true, method: 'written' },
    ],
    referral: { toOrganizationId: homeId, serviceTypes: ['legal'], reason: 'Legal aid in Astana' },
  });
  const incoming = await asSenimItself(database, (trx) => trx.selectFrom('case_referrals').select('id').where('case_id', '=', awayIntake.id).executeTakeFirstOrThrow());
  return {
    caseId: intake.id,
    adultQuestionnaireId: (questionnaires.items as { id: string }[])[0]?.id ?? '',
    serviceId: service.id,
    consentId: consent.id,
    incomingReferralId: incoming.id,
    shelterId,
  };
}

const caseOf = (world: World, path = '') => `/api/v1/cases/${world.cases.caseId}${path}`;

const samples: Record<string, (world: World) => Promise<SampleRequest> | SampleRequest> = {
  'GET /api/v1/health': () => ({ url: '/api/v1/health', targetsHomeRecord: false }),
  'GET /api/v1/reference/regions': () => ({ url: '/api/v1/reference/regions?limit=5', targetsHomeRecord: false }),
  'GET /api/v1/reference/regions/{code}': () => ({ url: '/api/v1/reference/regions/KZ-AST', targetsHomeRecord: false }),
  'GET /api/v1/reference/state-bodies': () => ({ url: '/api/v1/reference/state-bodies', targetsHomeRecord: false }),
  'GET /api/v1/reference/organizations': () => ({ url: '/api/v1/reference/organizations?kind=shelter', targetsHomeRecord: false }),
  'GET /api/v1/reference/organizations/{id}': (world) => ({ url: `/api/v1/reference/organizations/${world.homeOrganizationId}`, targetsHomeRecord: false }),
  'GET /api/v1/reference/criminal-code/articles': () => ({ url: '/api/v1/reference/criminal-code/articles', targetsHomeRecord: false }),
  'POST /api/v1/auth/login': (world) => ({
    url: '/api/v1/auth/login',
    payload: { email: world.homeUser.email, password: world.homeUser.password },
    targetsHomeRecord: false,
  }),
  'POST /api/v1/auth/mfa': () => ({ url: '/api/v1/auth/mfa', payload: { code: '123456' }, targetsHomeRecord: false }),
  'POST /api/v1/auth/logout': () => ({ url: '/api/v1/auth/logout', targetsHomeRecord: false }),
  'GET /api/v1/me': () => ({ url: '/api/v1/me', targetsHomeRecord: false }),
  'POST /api/v1/me/mfa/enrolment': () => ({ url: '/api/v1/me/mfa/enrolment', targetsHomeRecord: false }),
  'POST /api/v1/me/mfa/enrolment/confirm': () => ({ url: '/api/v1/me/mfa/enrolment/confirm', payload: { code: '123456' }, targetsHomeRecord: false }),
  'PUT /api/v1/me/preferences': () => ({ url: '/api/v1/me/preferences', payload: { language: 'ru' }, targetsHomeRecord: false }),
  'GET /api/v1/users': () => ({ url: '/api/v1/users', targetsHomeRecord: false }),
  'POST /api/v1/users': () => ({
    url: '/api/v1/users',
    // An organization-bound role: the analyst, the auditor and the national administrator are the national administrator's to grant.
    payload: { email: `new.${unique()}@matrix.test`, displayName: 'New colleague', roles: ['coordinator'], password: 'walnut harbor evening light' },
    targetsHomeRecord: false,
  }),
  'GET /api/v1/users/{id}': (world) => ({ url: `/api/v1/users/${world.homeUser.id}`, targetsHomeRecord: true }),
  'PATCH /api/v1/users/{id}': (world) => ({ url: `/api/v1/users/${world.homeUser.id}`, payload: { displayName: `Renamed ${unique()}` }, targetsHomeRecord: true }),
  'GET /api/v1/users/{id}/sessions': (world) => ({ url: `/api/v1/users/${world.homeUser.id}/sessions`, targetsHomeRecord: true }),
  'POST /api/v1/sessions/{id}/revoke': async (world) => ({ url: `/api/v1/sessions/${await world.freshSessionId()}/revoke`, targetsHomeRecord: true }),
  // Empty fields: refused by validation after access is decided, so no caller's password changes and no failure counts.
  'POST /api/v1/me/password': () => ({ url: '/api/v1/me/password', payload: { currentPassword: '', newPassword: '' }, targetsHomeRecord: false }),
  // A colleague of its own each time: a reset ends the target's sessions.
  'POST /api/v1/users/{id}/password-reset': async () => ({
    url: `/api/v1/users/${(await createTestUser(testDatabase.database, { organizationCode: HOME.organizationCode, roles: ['case_worker'] })).id}/password-reset`,
    targetsHomeRecord: true,
  }),
  'POST /api/v1/organizations': () => ({
    url: '/api/v1/organizations',
    payload: {
      code: `NGO-MATRIX-${unique().toUpperCase()}`,
      kind: 'ngo',
      name: { ru: 'Новая НПО', kk: 'Жаңа ҮЕҰ', en: 'New NGO' },
      abbreviation: { ru: 'НПО', kk: 'ҮЕҰ', en: 'NGO' },
    },
    targetsHomeRecord: false,
  }),
  'PATCH /api/v1/organizations/{id}': (world) => ({ url: `/api/v1/organizations/${world.homeOrganizationId}`, payload: { publicPhone: '+7 7172 000000' }, targetsHomeRecord: true }),
  'POST /api/v1/persons': () => ({ url: '/api/v1/persons', payload: { identity: { names: [{ given: 'Matrix' }] } }, targetsHomeRecord: false }),
  'GET /api/v1/persons/{id}/identity': (world) => ({ url: `/api/v1/persons/${world.personId}/identity?purpose=access%20matrix%20check`, targetsHomeRecord: true }),
  'GET /api/v1/persons/{id}/identity/versions': (world) => ({
    url: `/api/v1/persons/${world.personId}/identity/versions?purpose=access%20matrix%20check`,
    targetsHomeRecord: true,
  }),
  'PUT /api/v1/persons/{id}/identity': (world) => ({
    url: `/api/v1/persons/${world.personId}/identity`,
    payload: { identity: { names: [{ given: 'Matrix', family: unique() }] } },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/persons/search': () => ({ url: '/api/v1/persons/search', payload: { name: 'Matrix', purpose: 'access matrix check' }, targetsHomeRecord: false }),
  'GET /api/v1/audit/events': () => ({ url: '/api/v1/audit/events?limit=5', targetsHomeRecord: false }),
  'GET /api/v1/audit/case-reads': (world) => ({ url: `/api/v1/audit/case-reads?caseId=${world.cases.caseId}&limit=5`, targetsHomeRecord: false }),
  'POST /api/v1/plans/import/preview': () => ({ url: '/api/v1/plans/import/preview', payload: { text: SMALL_PLAN }, targetsHomeRecord: false }),
  // A coordinator imports plans its own body coordinates: the HOME plan is HOME's record.
  'POST /api/v1/plans': () => ({ url: '/api/v1/plans', payload: { text: SMALL_PLAN, coordinatorCode: HOME.organizationCode }, targetsHomeRecord: true }),
  'GET /api/v1/plans': () => ({ url: '/api/v1/plans', targetsHomeRecord: false }),
  'GET /api/v1/plans/{id}/calendar': (world) => ({ url: `/api/v1/plans/${world.planId}/calendar`, targetsHomeRecord: false }),
  'PUT /api/v1/plans/{id}/measures/{number}/deadline': (world) => ({
    url: `/api/v1/plans/${world.planId}/measures/1/deadline`,
    payload: { rule: { kind: 'annual', month: 1, day: 20 } },
    // Only the body that coordinates the plan (HOME here) edits its rules.
    targetsHomeRecord: true,
  }),
  'GET /api/v1/plans/{id}/obligations': (world) => ({ url: `/api/v1/plans/${world.planId}/obligations`, targetsHomeRecord: false }),
  'PUT /api/v1/plans/{id}/reports': (world) => ({
    url: `/api/v1/plans/${world.planId}/reports`,
    // Saving a draft again is allowed, so every caller may use the same period.
    payload: { measure: 2, periodLabel: '2014-Q4', workStatus: 'in_progress', narrative: 'Leaflets printed' },
    targetsHomeRecord: false,
  }),
  // The sample plan is coordinated by the HOME organization, which reviews its reports.
  'GET /api/v1/plans/{id}/consolidated-report': (world) => ({
    url: `/api/v1/plans/${world.planId}/consolidated-report?date=2013-01-20&format=xlsx`,
    targetsHomeRecord: true,
  }),
  'GET /api/v1/plan-reports/{id}': (world) => ({ url: `/api/v1/plan-reports/${world.reportId}`, targetsHomeRecord: true }),
  'POST /api/v1/plan-reports/{id}/return': async (world) => ({
    url: `/api/v1/plan-reports/${await world.freshSubmittedReportId()}/return`,
    payload: { reason: 'Add the number of leaflets' },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/plan-reports/{id}/accept': async (world) => ({ url: `/api/v1/plan-reports/${await world.freshSubmittedReportId()}/accept`, targetsHomeRecord: true }),
  'GET /api/v1/plans/{id}/reminders': (world) => ({ url: `/api/v1/plans/${world.planId}/reminders?on=2013-01-15`, targetsHomeRecord: true }),
  'GET /api/v1/plan-reminders': () => ({ url: '/api/v1/plan-reminders?on=2013-01-15', targetsHomeRecord: false }),
  // Files go on the HOME body's draft report; only HOME and the plan's coordinator (HOME too) reach them.
  'POST /api/v1/plan-reports/{id}/attachments': (world) => ({
    url: `/api/v1/plan-reports/${world.reportId}/attachments`,
    payload: { fileName: 'leaflet.txt', content: Buffer.from('Leaflet text').toString('base64') },
    targetsHomeRecord: true,
  }),
  'GET /api/v1/plan-report-attachments/{id}': (world) => ({ url: `/api/v1/plan-report-attachments/${world.attachmentId}`, targetsHomeRecord: true }),
  'DELETE /api/v1/plan-report-attachments/{id}': async (world) => ({ url: `/api/v1/plan-report-attachments/${await world.freshAttachmentId()}`, targetsHomeRecord: true }),
  'GET /api/v1/plans/{id}/assessment': (world) => ({ url: `/api/v1/plans/${world.planId}/assessment`, targetsHomeRecord: true }),
  'GET /api/v1/plans/{id}/assessment/document': (world) => ({ url: `/api/v1/plans/${world.planId}/assessment/document?format=xlsx`, targetsHomeRecord: true }),
  'POST /api/v1/plans/{id}/next-plan': (world) => ({
    url: `/api/v1/plans/${world.planId}/next-plan`,
    payload: { title: 'Action Plan for 2015-2017', periodFromYear: 2015, periodToYear: 2017 },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/plans/{id}/confirm': async (world) => ({ url: `/api/v1/plans/${await world.freshDraftPlanId()}/confirm`, targetsHomeRecord: true }),
  'GET /api/v1/plans/{id}/measures': (world) => ({ url: `/api/v1/plans/${world.planId}/measures`, targetsHomeRecord: false }),
  // Measure 2 was partly done, so every seeded draft carries it.
  'DELETE /api/v1/plans/{id}/measures/{number}': async (world) => ({ url: `/api/v1/plans/${await world.freshDraftPlanId()}/measures/2`, targetsHomeRecord: true }),
  'GET /api/v1/public/commissions': () => ({ url: '/api/v1/public/commissions', targetsHomeRecord: false }),
  'GET /api/v1/commissions': () => ({ url: '/api/v1/commissions', targetsHomeRecord: false }),
  'GET /api/v1/commission-notices': () => ({ url: '/api/v1/commission-notices', targetsHomeRecord: false }),
  'GET /api/v1/public/commission-reports/{id}': (world) => ({ url: `/api/v1/public/commission-reports/${world.commission.publishedReportId}`, targetsHomeRecord: false }),
  // Only the coordinator of the working body (HOME), which coordinates the decisions plan, publishes.
  'POST /api/v1/commissions/{id}/reports': (world) => ({ url: `/api/v1/commissions/${world.commission.id}/reports`, payload: { date: '2021-01-20' }, targetsHomeRecord: true }),
  // A coordinator sets up a commission its own body serves as working body.
  'POST /api/v1/commissions': () => ({
    url: '/api/v1/commissions',
    payload: { level: 'national', name: { ru: 'Комиссия', kk: 'Комиссия', en: 'Commission' }, establishedOn: '2020-01-01', workingBody: HOME.organizationCode },
    targetsHomeRecord: true,
  }),
  'GET /api/v1/commissions/{id}': (world) => ({ url: `/api/v1/commissions/${world.commission.id}`, targetsHomeRecord: true }),
  'PATCH /api/v1/commissions/{id}': (world) => ({ url: `/api/v1/commissions/${world.commission.id}`, payload: { noticeDays: 12 }, targetsHomeRecord: true }),
  'POST /api/v1/commissions/{id}/members': (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/members`,
    payload: { organizationCode: 'MIA', kind: 'state_body', from: '2020-01-01' },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/commissions/{id}/members/{memberId}/leave': (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/members/${world.commission.otherMemberId}/leave`,
    payload: { on: '2021-01-01' },
    targetsHomeRecord: true,
  }),
  // Handing over to the body already serving is refused (409) but reaches the service; a real hand-over would change who may manage.
  'POST /api/v1/commissions/{id}/working-body': (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/working-body`,
    payload: { organizationCode: HOME.organizationCode, from: '2021-01-01' },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/commissions/{id}/meetings': (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/meetings`,
    payload: { date: '2030-01-01', place: 'Astana', agenda: ['Matrix item'] },
    targetsHomeRecord: true,
  }),
  'GET /api/v1/commissions/{id}/meetings/{number}': (world) => ({ url: `/api/v1/commissions/${world.commission.id}/meetings/${world.commission.heldMeeting}`, targetsHomeRecord: true }),
  'POST /api/v1/commissions/{id}/meetings/{number}/cancel': async (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/meetings/${await world.commission.freshScheduledMeeting()}/cancel`,
    targetsHomeRecord: true,
  }),
  'POST /api/v1/commissions/{id}/meetings/{number}/notice': (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/meetings/${world.commission.scheduledMeeting}/notice`,
    targetsHomeRecord: true,
  }),
  'PUT /api/v1/commissions/{id}/meetings/{number}/minutes': (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/meetings/${world.commission.heldMeeting}/minutes`,
    payload: { text: 'Minutes revised' },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/commissions/{id}/meetings/{number}/decisions': (world) => ({
    url: `/api/v1/commissions/${world.commission.id}/meetings/${world.commission.heldMeeting}/decisions`,
    payload: { text: 'Report on shelters', responsible: ['MIA'], dueDate: '2031-01-01' },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/cases': () => ({
    url: '/api/v1/cases',
    payload: { ...matrixIntake, citizenship: 'KAZ', consents: [{ scope: 'processing', given: true, method: 'oral' }] },
    targetsHomeRecord: false,
  }),
  'GET /api/v1/cases': () => ({ url: '/api/v1/cases?list=mine', targetsHomeRecord: false }),
  'GET /api/v1/cases/intakes': () => ({ url: '/api/v1/cases/intakes', targetsHomeRecord: false }),
  'GET /api/v1/cases/{id}': (world) => ({ url: caseOf(world), targetsHomeRecord: true }),
  'GET /api/v1/cases/{id}/events': (world) => ({ url: caseOf(world, '/events'), targetsHomeRecord: true }),
  'GET /api/v1/cases/{id}/summary.pdf': (world) => ({ url: caseOf(world, '/summary.pdf?language=en'), targetsHomeRecord: true }),
  'POST /api/v1/cases/{id}/consents': (world) => ({ url: caseOf(world, '/consents'), payload: { scope: 'processing', given: true, method: 'written' }, targetsHomeRecord: true }),
  // Withdrawn once, then refused as already withdrawn (409): either way the caller reached it.
  'POST /api/v1/cases/{id}/consents/{consentId}/withdraw': (world) => ({ url: caseOf(world, `/consents/${world.cases.consentId}/withdraw`), targetsHomeRecord: true }),
  'GET /api/v1/screening/questionnaires': () => ({ url: '/api/v1/screening/questionnaires', targetsHomeRecord: false }),
  'POST /api/v1/screening/questionnaires': () => ({
    url: '/api/v1/screening/questionnaires',
    payload: {
      audience: 'adult',
      title: 'Matrix questionnaire',
      definition: { indicators: [{ code: 'matrix.one', dimension: 'exploitation', strength: 'strong', text: { ru: 'Признак', en: 'Indicator' } }] },
    },
    targetsHomeRecord: false,
  }),
  'POST /api/v1/cases/{id}/screenings': (world) => ({
    url: caseOf(world, '/screenings'),
    payload: { questionnaireId: world.cases.adultQuestionnaireId, interviewedOn: '2026-11-03', answers: [{ indicatorCode: 'exploitation.excessive_hours', answer: 'yes' }] },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/cases/{id}/identification-decisions': (world) => ({
    url: caseOf(world, '/identification-decisions'),
    payload: { outcome: 'pending', reasons: 'Waiting for a second interview' },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/cases/{id}/referrals': (world) => ({
    url: caseOf(world, '/referrals'),
    payload: { toOrganizationId: world.cases.shelterId, serviceTypes: ['medical'], reason: 'Medical check' },
    targetsHomeRecord: true,
  }),
  'GET /api/v1/referrals/incoming': () => ({ url: '/api/v1/referrals/incoming', targetsHomeRecord: false }),
  'POST /api/v1/referrals/{id}/response': (world) => ({ url: `/api/v1/referrals/${world.cases.incomingReferralId}/response`, payload: { decision: 'accept' }, targetsHomeRecord: true }),
  'GET /api/v1/referral-providers': () => ({ url: '/api/v1/referral-providers?regionCode=KZ-AST', targetsHomeRecord: false }),
  'POST /api/v1/cases/{id}/services': (world) => ({
    url: caseOf(world, '/services'),
    payload: { serviceType: 'psychological', providerOrganizationId: world.homeOrganizationId },
    targetsHomeRecord: true,
  }),
  'PUT /api/v1/cases/{id}/services/{serviceId}': (world) => ({ url: caseOf(world, `/services/${world.cases.serviceId}`), payload: { status: 'in_progress' }, targetsHomeRecord: true }),
  'PUT /api/v1/cases/{id}/migration-status': (world) => ({ url: caseOf(world, '/migration-status'), payload: { documentsStatus: 'withheld_by_exploiter' }, targetsHomeRecord: true }),
  // An adult's case: refused as not a child (409), after the caller has reached it.
  'PUT /api/v1/cases/{id}/child-protection': (world) => ({ url: caseOf(world, '/child-protection'), payload: { guardianKind: 'parent' }, targetsHomeRecord: true }),
  'POST /api/v1/cases/{id}/workers': (world) => ({ url: caseOf(world, '/workers'), payload: { email: world.homeUser.email }, targetsHomeRecord: true }),
  // Services are still open: refused (409) after the caller has reached the case.
  'POST /api/v1/cases/{id}/closure': (world) => ({ url: caseOf(world, '/closure'), payload: { outcome: 'reintegrated' }, targetsHomeRecord: true }),
  'POST /api/v1/cases/{id}/follow-ups': (world) => ({ url: caseOf(world, '/follow-ups'), payload: { contactedOn: '2026-11-20', method: 'phone', note: 'Doing well' }, targetsHomeRecord: true }),
  'POST /api/v1/cases/{id}/reopen': (world) => ({ url: caseOf(world, '/reopen'), payload: { reason: 'Came back', contactDate: '2026-11-21' }, targetsHomeRecord: true }),
  'POST /api/v1/anonymous-notifications': () => ({
    url: '/api/v1/anonymous-notifications',
    payload: { contactDate: '2026-11-10', regionCode: 'KZ-AST', referralSource: 'police', meetingContext: 'raid', ageGroup: 'adult' },
    targetsHomeRecord: false,
  }),
  'GET /api/v1/anonymous-notifications': () => ({ url: '/api/v1/anonymous-notifications', targetsHomeRecord: false }),
  'GET /api/v1/cases/{id}/proceedings': async (world) => {
    await caseJusticeOf(world);
    return { url: caseOf(world, '/proceedings'), targetsHomeRecord: true };
  },
  'GET /api/v1/proceedings/{id}/protections': async (world) => ({ url: `/api/v1/proceedings/${(await caseJusticeOf(world)).proceedingId}/protections`, targetsHomeRecord: true }),
  'POST /api/v1/proceedings/{id}/protections': async (world) => ({
    url: `/api/v1/proceedings/${(await caseJusticeOf(world)).proceedingId}/protections`,
    payload: { caseId: world.cases.caseId, requestedOn: '2025-04-02' },
    targetsHomeRecord: true,
  }),
  'PATCH /api/v1/proceedings/{id}/protections/{protectionId}': async (world) => {
    const { proceedingId, protectionId } = await caseJusticeOf(world);
    return {
      url: `/api/v1/proceedings/${proceedingId}/protections/${protectionId}`,
      payload: { decision: 'granted', decidedOn: '2025-04-03', measures: ['personal_security'] },
      targetsHomeRecord: true,
    };
  },
  'POST /api/v1/cases/{id}/civil-claims': async (world) => ({
    url: caseOf(world, '/civil-claims'),
    payload: { proceedingId: (await caseJusticeOf(world)).proceedingId, claimedTenge: 100_000, claimedOn: '2025-06-02' },
    targetsHomeRecord: true,
  }),
  'PATCH /api/v1/cases/{id}/civil-claims/{claimId}': async (world) => ({
    url: caseOf(world, `/civil-claims/${(await caseJusticeOf(world)).claimId}`),
    payload: { paidTenge: 1_000, paidOn: '2025-07-01' },
    targetsHomeRecord: true,
  }),
  'POST /api/v1/cases/{id}/fund-compensations': async (world) => ({ url: caseOf(world, '/fund-compensations'), payload: { appliedOn: '2025-06-02' }, targetsHomeRecord: true }),
  'PATCH /api/v1/cases/{id}/fund-compensations/{compensationId}': async (world) => ({
    url: caseOf(world, `/fund-compensations/${(await caseJusticeOf(world)).compensationId}`),
    payload: { decision: 'granted', decidedOn: '2025-07-01', amountMci: 10 },
    targetsHomeRecord: true,
  }),
  'GET /api/v1/reference/monthly-calculation-indices': () => ({ url: '/api/v1/reference/monthly-calculation-indices', targetsHomeRecord: false }),
  'GET /api/v1/justice/statistics': () => ({ url: '/api/v1/justice/statistics?from=2013-01-01&to=2015-12-31', targetsHomeRecord: false }),
  'POST /api/v1/proceedings/{id}/defendants': (world) => ({
    url: `/api/v1/proceedings/${world.defendants.proceedingId}/defendants`,
    payload: { sex: 'unknown', citizenship: 'unknown', role: 'perpetrator' },
    targetsHomeRecord: true,
  }),
  'GET /api/v1/proceedings/{id}/defendants': (world) => ({ url: `/api/v1/proceedings/${world.defendants.proceedingId}/defendants`, targetsHomeRecord: true }),
  'PATCH /api/v1/proceedings/{id}/defendants/{defendantId}': (world) => ({
    url: `/api/v1/proceedings/${world.defendants.proceedingId}/defendants/${world.defendants.defendantId}`,
    payload: { organizedGroup: true },
    targetsHomeRecord: true,
  }),
  'GET /api/v1/proceedings/{id}/defendants/{defendantId}/identity': (world) => ({
    url: `/api/v1/proceedings/${world.defendants.proceedingId}/defendants/${world.defendants.defendantId}/identity?purpose=access%20matrix%20check`,
    targetsHomeRecord: true,
  }),
  'GET /api/v1/proceedings/articles': () => ({ url: '/api/v1/proceedings/articles?on=2025-03-10', targetsHomeRecord: false }),
  // HOME is no law-enforcement body: registering for it reaches the service and is refused (422 not_law_enforcement).
  'POST /api/v1/proceedings': (world) => ({
    url: '/api/v1/proceedings',
    payload: {
      registerNumber: `2675${unique().replace(/\D/g, '5').padEnd(11, '0')}`,
      registeredOn: '2025-03-10',
      registeringOrganizationId: world.homeOrganizationId,
      investigatingOrganizationId: world.homeOrganizationId,
      regionCode: HOME.region,
      articles: [{ articleId: 1 }],
    },
    targetsHomeRecord: false,
  }),
  'GET /api/v1/proceedings': () => ({ url: '/api/v1/proceedings?worklist=stalled&days=30', targetsHomeRecord: false }),
  'GET /api/v1/proceedings/{id}': async (world) => ({ url: `/api/v1/proceedings/${(await proceedingOf(world)).proceedingId}`, targetsHomeRecord: true }),
  'POST /api/v1/proceedings/{id}/stage': async (world) => ({
    url: `/api/v1/proceedings/${(await proceedingOf(world)).proceedingId}/stage`,
    payload: { stage: 'pre_trial_investigation', occurredOn: '2025-03-11' },
    targetsHomeRecord: true,
  }),
  // The first caller that reaches it re-qualifies; later ones are refused as unchanged (422): either way they reached it.
  'POST /api/v1/proceedings/{id}/qualifications': async (world) => {
    const { proceedingId, requalifyTo } = await proceedingOf(world);
    return {
      url: `/api/v1/proceedings/${proceedingId}/qualifications`,
      payload: { decidedOn: '2025-04-01', phase: 'investigation', reason: 'Exploitation of prostitution', articles: [{ articleId: requalifyTo }] },
      targetsHomeRecord: true,
    };
  },
  // The matrix case is linked already: refused as such (409) once the caller reached it.
  'POST /api/v1/proceedings/{id}/cases': async (world) => {
    const { proceedingId, caseCode } = await proceedingOf(world);
    return { url: `/api/v1/proceedings/${proceedingId}/cases`, payload: { caseCode, proceduralStatus: 'witness' }, targetsHomeRecord: true };
  },
  'PATCH /api/v1/proceedings/{id}/cases/{caseId}': async (world) => ({
    url: `/api/v1/proceedings/${(await proceedingOf(world)).proceedingId}/cases/${world.cases.caseId}`,
    payload: { nonPunishmentReview: 'applied', nonPunishmentNote: 'Acted under coercion' },
    targetsHomeRecord: true,
  }),
  // Each caller that reaches it records one more acquittal; the latest is in force, so all are accepted.
  'POST /api/v1/proceedings/{id}/defendants/{defendantId}/verdicts': (world) => ({
    url: `/api/v1/proceedings/${world.defendants.proceedingId}/defendants/${world.defendants.defendantId}/verdicts`,
    payload: { instance: 'first_instance', decidedOn: '2025-10-01', outcome: 'acquitted' },
    targetsHomeRecord: true,
  }),
};

interface Operation {
  key: string;
  method: string;
  access: string;
}

let testDatabase: TestDatabase;
let app: SenimApp;
let operations: Operation[];
let world: World;
const sessions = new Map<string, SignedIn>();

async function sessionFor(role: Role, place: typeof HOME): Promise<SignedIn> {
  const key = `${role}@${place.organizationCode}`;
  const existing = sessions.get(key);
  if (existing) {
    return existing;
  }
  const user = await createTestUser(testDatabase.database, { organizationCode: place.organizationCode, roles: [role], regionCodes: [place.region] });
  const session = await signIn(app, user);
  sessions.set(key, session);
  return session;
}

beforeAll(async () => {
  ({ app, testDatabase } = await createTestApp({ demo: true }));
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { 'x-senim-access': string }>>;
  }>();
  operations = Object.entries(document.paths)
    .flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), access: operation['x-senim-access'] })),
    )
    // Signing out ends the caller's session, so it goes last.
    .sort((a, b) => Number(a.key === 'POST /api/v1/auth/logout') - Number(b.key === 'POST /api/v1/auth/logout'));

  const recorder = await sessionFor('case_worker', HOME);
  const person = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: recorder.headers(), payload: { identity: { names: [{ given: 'Matrix', family: 'Home' }] } } });
  const homeUser = await createTestUser(testDatabase.database, { organizationCode: HOME.organizationCode, roles: ['analyst'], regionCodes: [HOME.region] });
  const homeOrganization = await testDatabase.database.db.selectFrom('organizations').select('id').where('code', '=', HOME.organizationCode).executeTakeFirstOrThrow();
  const planner = await sessionFor('coordinator', HOME);
  const plan = await app.inject({ method: 'POST', url: '/api/v1/plans', headers: planner.headers(), payload: { text: SMALL_PLAN, coordinatorCode: HOME.organizationCode } });
  if (plan.statusCode !== 201) {
    throw new Error(`The sample plan was not imported: ${plan.body}`);
  }
  const planId = plan.json<{ id: string }>().id;
  const quarters = [2012, 2013, 2014].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}`)).filter((label) => label !== '2014-Q4');
  const nextQuarter = (): string => {
    const quarter = quarters.shift();
    if (!quarter) {
      throw new Error('the sample plan has no reporting quarter left');
    }
    return quarter;
  };
  const report = async (submit: boolean): Promise<string> => {
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/plans/${planId}/reports`,
      headers: planner.headers(),
      payload: { measure: 2, periodLabel: nextQuarter(), workStatus: 'done', narrative: 'Campaign held', submit },
    });
    if (saved.statusCode !== 200) {
      throw new Error(`The sample report was not saved: ${saved.body}`);
    }
    return saved.json<{ id: string }>().id;
  };
  let submitted: string | null = null;
  const draftReportId = await report(false);
  const attachment = async (): Promise<string> => {
    const attached = await app.inject({
      method: 'POST',
      url: `/api/v1/plan-reports/${draftReportId}/attachments`,
      headers: planner.headers(),
      payload: { fileName: 'campaign.txt', content: Buffer.from('Campaign held').toString('base64') },
    });
    if (attached.statusCode !== 201) {
      throw new Error(`The sample file was not attached: ${attached.body}`);
    }
    return attached.json<{ items: { id: string }[] }>().items.at(-1)?.id ?? '';
  };
  let attachmentToRemove: string | null = null;
  let draftPlan: string | null = null;
  world = {
    attachmentId: await attachment(),
    // A denied caller leaves the file in place, so it serves the next caller too.
    freshAttachmentId: async () => {
      const present = attachmentToRemove
        ? await testDatabase.database.db.selectFrom('plan_report_attachments').select('id').where('id', '=', attachmentToRemove).executeTakeFirst()
        : undefined;
      if (!present) {
        attachmentToRemove = await attachment();
      }
      return attachmentToRemove ?? '';
    },
    freshDraftPlanId: async () => {
      const status = draftPlan
        ? (await testDatabase.database.db.selectFrom('action_plans').select('status').where('id', '=', draftPlan).executeTakeFirstOrThrow()).status
        : null;
      if (!draftPlan || status !== 'draft') {
        const seeded = await app.inject({
          method: 'POST',
          url: `/api/v1/plans/${planId}/next-plan`,
          headers: planner.headers(),
          payload: { title: 'Next Action Plan', periodFromYear: 2015, periodToYear: 2017 },
        });
        if (seeded.statusCode !== 201) {
          throw new Error(`The sample draft plan was not seeded: ${seeded.body}`);
        }
        draftPlan = seeded.json<{ id: string }>().id;
      }
      return draftPlan;
    },
    cases: await createMatrixCases(app, recorder, await sessionFor('case_worker', AWAY), testDatabase.database),
    planId,
    commission: await createTestCommission(testDatabase.database, HOME.organizationCode),
    reportId: draftReportId,
    // A denied caller leaves the report submitted, so it serves the next caller too.
    freshSubmittedReportId: async () => {
      const status = submitted
        ? (await testDatabase.database.db.selectFrom('plan_reports').select('status').where('id', '=', submitted).executeTakeFirstOrThrow()).status
        : null;
      if (!submitted || status !== 'submitted') {
        submitted = await report(true);
      }
      return submitted;
    },
    personId: person.json<{ id: string }>().id,
    defendants: await createMatrixDefendants(testDatabase.database, homeOrganization.id),
    homeOrganizationId: homeOrganization.id,
    homeUser,
    freshSessionId: async () => {
      await signIn(app, homeUser);
      const row = await testDatabase.database.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', homeUser.id)
        .where('ended_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };
});

afterAll(async () => {
  await closeTestApp({ app, testDatabase });
});

type Expectation = 'allowed' | 'unauthenticated' | 'forbidden' | 'out-of-reach';

function expectationFor(access: string, role: Role | null, inside: boolean, sample: SampleRequest): Expectation {
  if (access === 'public') {
    return 'allowed';
  }
  if (role === null) {
    return 'unauthenticated';
  }
  if (access === 'signed-in' || access === 'mfa-pending') {
    return 'allowed';
  }
  const permission = access.replace(/^permission:/, '') as Permission;
  const scope = scopeOf([role], permission);
  if (scope === null) {
    return 'forbidden';
  }
  if (!sample.targetsHomeRecord || scope === 'all' || inside) {
    return 'allowed';
  }
  return 'out-of-reach';
}

function judge(status: number): Expectation {
  if (status === 401) {
    return 'unauthenticated';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'out-of-reach';
  }
  return 'allowed';
}

// Every route for every role, inside and outside: its time grows with the API.
describe('access matrix', { timeout: 300_000 }, () => {
  it('has a sample request for every operation in the OpenAPI document', () => {
    const missing = operations.map((operation) => operation.key).filter((key) => !(key in samples));
    expect(missing, 'routes without an access-matrix sample: add one').toEqual([]);
    expect(operations.every((operation) => typeof operation.access === 'string')).toBe(true);
  });

  it('allows and denies exactly as the permission table says, for every role inside and outside the record’s organization and region', async () => {
    const mismatches: string[] = [];
    for (const operation of operations) {
      const sampleOf = samples[operation.key];
      if (!sampleOf) {
        continue;
      }
      const callers: { label: string; role: Role | null; place: typeof HOME | null }[] = [
        { label: 'anonymous', role: null, place: null },
        ...roles.flatMap((role) => [
          { label: `${role} inside`, role, place: HOME },
          { label: `${role} outside`, role, place: AWAY },
        ]),
      ];
      for (const caller of callers) {
        const sample = await sampleOf(world);
        const session = caller.role && caller.place ? await sessionFor(caller.role, caller.place) : null;
        const response = await app.inject({
          method: operation.method as 'GET',
          url: sample.url,
          ...(session ? { headers: session.headers() } : {}),
          ...(sample.payload === undefined ? {} : { payload: sample.payload as object }),
        });
        expect(response.statusCode, `${operation.key} as ${caller.label}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        const expected = expectationFor(operation.access, caller.role, caller.place === HOME, sample);
        // A record out of reach is denied either as absent (404) or, where the request itself names it, as refused (403).
        const actual = expected === 'out-of-reach' && response.statusCode === 403 ? 'out-of-reach' : judge(response.statusCode);
        if (expected !== actual) {
          mismatches.push(`${operation.key} as ${caller.label}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("keeps a commission's decisions plan to those who read the commission, for every role inside and outside", async () => {
    const { decisions_plan_id: planId } = await testDatabase.database.db
      .selectFrom('commissions')
      .select('decisions_plan_id')
      .where('id', '=', world.commission.id)
      .executeTakeFirstOrThrow();
    const mismatches: string[] = [];
    for (const role of roles) {
      for (const place of [HOME, AWAY]) {
        // Sessions of its own: the matrix above ends its callers' sessions when it signs out.
        const session = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: place.organizationCode, roles: [role], regionCodes: [place.region] }));
        // HOME serves and sits on the commission; AWAY does neither.
        const reads = scopeOf([role], 'commission.read') === 'all' || (place === HOME && scopeOf([role], 'commission.read') !== null);
        const listed = (await app.inject({ method: 'GET', url: '/api/v1/plans', headers: session.headers() })).json<{ items: { id: string }[] }>();
        if (listed.items.some((plan) => plan.id === planId) !== reads) {
          mismatches.push(`GET /api/v1/plans as ${role}@${place.organizationCode}: listed ${String(!reads)}`);
        }
        for (const path of ['calendar', 'measures']) {
          const response = await app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/${path}`, headers: session.headers() });
          if ((response.statusCode === 200) !== reads || (!reads && response.statusCode !== 404)) {
            mismatches.push(`GET /api/v1/plans/{id}/${path} as ${role}@${place.organizationCode}: ${response.statusCode}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives police without the person’s consent nothing of the case, on every case route', async () => {
    const police = await Promise.all(
      (['investigator', 'first_responder'] as const).map(async (role) => signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'MIA', roles: [role] }))),
    );
    const caseOperations = operations.filter((operation) => operation.key.includes('/cases/{id}'));
    expect(caseOperations.length).toBeGreaterThan(15);
    const leaks: string[] = [];
    for (const session of police) {
      for (const operation of caseOperations) {
        const sample = await samples[operation.key]?.(world);
        if (!sample) {
          continue;
        }
        const response = await app.inject({
          method: operation.method as 'GET',
          url: sample.url,
          headers: session.headers(),
          ...(sample.payload === undefined ? {} : { payload: sample.payload as object }),
        });
        if (response.statusCode !== 404 && response.statusCode !== 403) {
          leaks.push(`${operation.key}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('gives police without the person’s consent, and staff not named on a child’s case, nothing of the person, on every persons route and at intake', async () => {
    // Sessions of its own: the matrix above signs its callers out.
    const recorder = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: HOME.organizationCode, roles: ['case_worker'] }));
    const lawEnforcement = await testDatabase.database.db.selectFrom('organizations').select('id').where('code', '=', 'MIA').executeTakeFirstOrThrow();
    const childName = `Matrixchild${unique()}`;
    const child = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: recorder.headers(),
      payload: {
        ...matrixIntake,
        ageYears: 12,
        identity: { names: [{ given: childName }] },
        consents: [
          { scope: 'processing', given: true, method: 'written' },
          { scope: 'police_sharing', organizationId: lawEnforcement.id, given: true, method: 'written' },
        ],
      },
    });
    expect(child.statusCode, child.body).toBe(201);
    const childPersonId = child.json<{ personId: string }>().personId;
    const police = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: 'MIA', roles: ['first_responder'] }));
    // An administrator of the child's organization who gave itself the case worker role, never named on her case.
    const colleague = await signIn(app, await createTestUser(testDatabase.database, { organizationCode: HOME.organizationCode, roles: ['administrator', 'case_worker'] }));
    const ownName = `Matrixpolice${unique()}`;
    const own = await app.inject({ method: 'POST', url: '/api/v1/persons', headers: police.headers(), payload: { identity: { names: [{ given: ownName }] } } });
    expect(own.statusCode, own.body).toBe(201);

    const personOperations = operations.filter((operation) => operation.key.includes('/persons/{id}') || operation.key === 'POST /api/v1/persons/search');
    expect(personOperations.length).toBe(4);
    const leaks: string[] = [];
    const targets = [
      { label: 'police with consent to a child’s case', session: police, personId: childPersonId, name: childName },
      { label: 'a colleague not named on a child’s case', session: colleague, personId: childPersonId, name: childName },
      { label: 'police without consent, on a person they recorded', session: police, personId: own.json<{ id: string }>().id, name: ownName },
    ];
    for (const target of targets) {
      for (const operation of personOperations) {
        const sample = await samples[operation.key]?.({ ...world, personId: target.personId });
        if (!sample) {
          continue;
        }
        const search = operation.key === 'POST /api/v1/persons/search';
        const response = await app.inject({
          method: operation.method as 'GET',
          url: sample.url,
          headers: target.session.headers(),
          ...(search ? { payload: { name: target.name, purpose: 'access matrix check' } } : sample.payload === undefined ? {} : { payload: sample.payload as object }),
        });
        const leaked = search ? response.json<{ items: { personId: string }[] }>().items.some((item) => item.personId === target.personId) : response.statusCode !== 404;
        if (leaked) {
          leaks.push(`${operation.key} as ${target.label}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
      const intake = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: target.session.headers(),
        payload: { ...matrixIntake, personId: target.personId, consents: [{ scope: 'processing', given: true, method: 'written' }] },
      });
      if (intake.statusCode !== 404) {
        leaks.push(`POST /api/v1/cases with personId as ${target.label}: ${intake.statusCode} ${intake.body.slice(0, 120)}`);
      }
    }
    expect(leaks).toEqual([]);
    // The worker named on her case still works with her.
    expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${childPersonId}/identity?purpose=access%20matrix%20check`, headers: recorder.headers() })).statusCode).toBe(200);
  });
});
