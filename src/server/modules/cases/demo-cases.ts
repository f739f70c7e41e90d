import type { ClosureOutcome, ExploitationForm, labourSectors, methodsOfControl, recruitmentMethods, ReferralSource, ServiceType } from '../../../shared/case.schemas.js';
import type { PersonIdentity } from '../../../shared/person.schemas.js';
import { feminineFamily, nameStocks, patronymic, type NamePair } from './demo-names.js';
import { addDays } from './working-days.js';

// Synthetic cases for the demo, planned as plain data: who records each case,
// which steps of the referral pathway it goes through, on which dates. The
// mix follows the figures of the seeds (002_*.txt, services 2016-2019): 63%
// labour, 23% sexual and 14% other exploitation; 43% sent by law enforcement,
// 42% came themselves, 6% found by the organization, 9% re-applicants sent by
// health authorities; 91% of closed cases re-socialized, 9% expelled for
// negative reasons. The loader (demo-case-loader.ts) plays the steps through
// the services, as the demo users would.

export type DemoActor = 'caseworker.korgau' | 'caseworker.sanasezim' | 'shelter.almaty' | 'police.astana' | 'hotline' | 'investigator.almaty';
export type DemoCaseWorker = 'caseworker.korgau' | 'caseworker.sanasezim';
export type DemoOrganization = 'NGO-KORGAU-ASTANA' | 'NGO-SANA-SEZIM' | 'SHELTER-ALA' | 'SHELTER-AST' | 'CC-AKT-WSC' | 'MIA';

/** How far along the pathway a demo case has come. */
export const demoStages = ['intake', 'consented', 'screened', 'not_identified', 'identified', 'referred', 'declined', 'assisted', 'closed', 'reopened'] as const;
export type DemoStage = (typeof demoStages)[number];

export type ExploitationKind = 'labour' | 'sexual' | 'other';
export type SourceGroup = 'law_enforcement' | 'self' | 'organization' | 'health_reapplicant';

type LabourSector = (typeof labourSectors)[number];
type MethodOfControl = (typeof methodsOfControl)[number];
type RecruitmentMethod = (typeof recruitmentMethods)[number];

export interface DemoAnswer {
  indicatorCode: string;
  answer: 'yes' | 'no' | 'unknown';
}

export interface DemoConsent {
  scope: 'processing' | 'referral' | 'police_sharing';
  to: DemoOrganization | null;
  method: 'written' | 'oral' | 'by_guardian';
}

export interface DemoIntake {
  referralSource: ReferralSource;
  meetingContext: 'detention_facility' | 'raid' | 'workplace_inspection' | 'shelter' | 'hotline_call' | 'border_crossing' | 'street_outreach' | 'health_facility' | 'came_to_office';
  regionCode: string;
  sex: 'female' | 'male';
  ageYears: number | null;
  ageBasis: 'documented' | 'declared' | 'estimated' | 'unknown';
  citizenship: string;
  circumstances: string;
  /** Null: the case starts without identity, or (with earlierCase) the person is already known. */
  identity: PersonIdentity | null;
  /** A re-applicant: the index of the demo case whose person comes back. */
  earlierCase: number | null;
  consents: DemoConsent[];
  referral: { to: DemoOrganization; serviceTypes: ServiceType[]; reason: string } | null;
}

export type DemoStep =
  | { kind: 'intake'; by: DemoActor; on: string; intake: DemoIntake }
  | { kind: 'consent'; by: DemoActor; on: string; consent: DemoConsent }
  | { kind: 'screening'; by: DemoActor; on: string; answers: DemoAnswer[] }
  | {
      kind: 'decision';
      by: DemoActor;
      on: string;
      outcome: 'identified' | 'not_identified' | 'pending';
      reasons: string;
      forms: ExploitationForm[];
      scope: 'internal' | 'cross_border' | null;
      labourSectors: LabourSector[];
      methodsOfControl: MethodOfControl[];
      recruitmentMethods: RecruitmentMethod[];
    }
  | { kind: 'referral'; by: DemoActor; on: string; to: DemoOrganization; serviceTypes: ServiceType[]; placement: boolean; reason: string }
  | { kind: 'response'; by: DemoActor; on: string; to: DemoOrganization; accept: true; placementFrom: string | null; placementTo: string | null }
  | { kind: 'response'; by: DemoActor; on: string; to: DemoOrganization; accept: false; reason: string }
  | {
      kind: 'service';
      by: DemoActor;
      on: string;
      provider: DemoOrganization;
      serviceType: ServiceType;
      status: 'planned' | 'in_progress' | 'delivered';
      plannedFrom: string;
      plannedTo: string;
      deliveredOn: string | null;
    }
  | { kind: 'migration'; by: DemoActor; on: string; documentsStatus: 'held' | 'missing' | 'withheld_by_exploiter' | 'with_authorities'; nonPunishment: boolean; returnStatus: 'none' | 'requested' | 'with_iom' | 'completed' }
  | { kind: 'child_protection'; by: DemoActor; on: string; guardianKind: 'none_yet' | 'parent' | 'guardianship_authority' | 'legal_representative'; bestInterestsAssessedOn: string | null }
  | { kind: 'name_worker'; by: DemoActor; on: string; worker: DemoActor }
  | { kind: 'service_done'; by: DemoActor; on: string; provider: DemoOrganization; serviceType: ServiceType }
  | { kind: 'close'; by: DemoActor; on: string; outcome: ClosureOutcome; reason: string | null }
  | { kind: 'follow_up'; by: DemoActor; on: string; method: 'visit' | 'phone' | 'office'; note: string; end: boolean }
  | { kind: 'reopen'; by: DemoActor; on: string; reason: string };

export interface DemoCasePlan {
  index: number;
  stage: DemoStage;
  worker: DemoCaseWorker;
  exploitation: ExploitationKind;
  form: ExploitationForm;
  sourceGroup: SourceGroup;
  child: boolean;
  foreign: boolean;
  policeSharing: boolean;
  steps: DemoStep[];
}

/** A small seeded generator (mulberry32): the same seed gives the same demo everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
};
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const chance = (random: Random, probability: number): boolean => random() < probability;

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

/** Exactly the given shares of n (largest remainders), in random order: a mix that follows the figures, not just on average. */
export function quota<T>(random: Random, n: number, shares: readonly (readonly [T, number])[]): T[] {
  const total = shares.reduce((sum, [, share]) => sum + share, 0);
  const exact = shares.map(([value, share]) => ({ value, exact: (share / total) * n }));
  const counts = exact.map((entry) => Math.floor(entry.exact));
  const order = exact.map((entry, index) => ({ index, remainder: entry.exact - Math.floor(entry.exact) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let left = n - counts.reduce((sum, count) => sum + count, 0), at = 0; left > 0; left -= 1, at += 1) {
    const index = order[at % order.length]?.index ?? 0;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return shuffle(
    random,
    exact.flatMap((entry, index) => Array.from({ length: counts[index] ?? 0 }, () => entry.value)),
  );
}

export const exploitationMix = [
  ['labour', 63],
  ['sexual', 23],
  ['other', 14],
] as const satisfies readonly (readonly [ExploitationKind, number])[];

export const sourceMix = [
  ['law_enforcement', 43],
  ['self', 42],
  ['organization', 6],
  ['health_reapplicant', 9],
] as const satisfies readonly (readonly [SourceGroup, number])[];

export const stageMix = [
  ['intake', 5],
  ['consented', 4],
  ['screened', 9],
  ['not_identified', 6],
  ['identified', 4],
  ['referred', 5],
  ['declined', 3],
  ['assisted', 22],
  ['closed', 38],
  ['reopened', 4],
] as const satisfies readonly (readonly [DemoStage, number])[];

/** Of the cases that end, re-socialized against expelled for negative reasons. */
export const closureMix = [
  ['reintegrated', 91],
  ['expelled_negative', 9],
] as const satisfies readonly (readonly [ClosureOutcome, number])[];

const citizenshipMix = [
  ['KAZ', 56],
  ['UZB', 15],
  ['KGZ', 11],
  ['TJK', 8],
  ['RUS', 5],
  ['stateless', 5],
] as const;

/** Regions served from Shymkent by Sana Sezim; the rest by Korgau-Astana. */
const southernRegions: ReadonlySet<string> = new Set(['KZ-SHY', 'KZ-TUR', 'KZ-ZHA', 'KZ-KZY', 'KZ-ALA', 'KZ-ALM', 'KZ-ZHT', 'KZ-MAN', 'KZ-ATY']);
/** Where most cases come from: the cities and the southern border regions. */
const regionWeight: Readonly<Record<string, number>> = { 'KZ-ALA': 5, 'KZ-AST': 5, 'KZ-SHY': 4, 'KZ-TUR': 3, 'KZ-ALM': 2, 'KZ-ZHA': 2, 'KZ-KAR': 2, 'KZ-MAN': 2 };

const organizationOf: Record<DemoCaseWorker, DemoOrganization> = { 'caseworker.korgau': 'NGO-KORGAU-ASTANA', 'caseworker.sanasezim': 'NGO-SANA-SEZIM' };
const otherWorker: Record<DemoCaseWorker, DemoCaseWorker> = { 'caseworker.korgau': 'caseworker.sanasezim', 'caseworker.sanasezim': 'caseworker.korgau' };
/** Who answers referrals to an organization, where a demo user works there. */
export const responderOf: Partial<Record<DemoOrganization, DemoActor>> = {
  'NGO-KORGAU-ASTANA': 'caseworker.korgau',
  'NGO-SANA-SEZIM': 'caseworker.sanasezim',
  'SHELTER-ALA': 'shelter.almaty',
};

/** Beds of the Almaty shelter (8) kept free for real demo use. */
const ALMATY_SHELTER_DEMO_BEDS = 5;

const otherForms: readonly ExploitationForm[] = ['forced_begging', 'forced_criminality', 'forced_marriage', 'mixed'];

const circumstancesOf: Record<ExploitationKind, readonly string[]> = {
  labour: [
    'Завербован(а) знакомым на стройку с обещанием заработка; документы забрал работодатель, заработную плату не выплачивали несколько месяцев.',
    'Работал(а) на крестьянском хозяйстве без договора и оплаты, жил(а) в вагончике, уходить не позволяли из-за «долга» за проезд.',
    'Нашёл(ла) работу через объявление в социальной сети; на месте работа по 14 часов без выходных, паспорт удерживался.',
    'Привезён(а) на рынок для работы грузчиком; заработок забирал посредник, угрожал сообщить в миграционную полицию.',
  ],
  sexual: [
    'Приглашена подругой на работу официанткой; по приезде принуждена к оказанию сексуальных услуг, документы изъяты.',
    'Познакомилась через интернет с мужчиной, обещавшим брак; вывезена в другой город, где её эксплуатировали в сауне.',
    'Завербована через агентство по трудоустройству за рубежом; удерживалась в квартире, выход только с сопровождающим.',
  ],
  other: [
    'Вовлечён(а) в попрошайничество родственником; выручку забирали, за недостаточную сумму наказывали.',
    'Принуждён(а) к перевозке запрещённых веществ под угрозой расправы с семьёй.',
    'Выдана замуж без согласия; удерживалась в доме мужа, принуждалась к работе по хозяйству и на рынке.',
  ],
};

// The stories above that are told of a woman, retold of a man: about one in
// twelve sexually exploited persons is a man, and a re-applicant keeps the sex
// first recorded whatever the new exploitation.
const circumstancesOfMen: Record<ExploitationKind, readonly string[]> = {
  labour: circumstancesOf.labour,
  sexual: [
    'Приглашён знакомым на работу в сауну; по приезде принуждён к оказанию сексуальных услуг, документы изъяты.',
    'Познакомился через интернет с человеком, обещавшим работу за рубежом; вывезен в другой город и принуждён к оказанию сексуальных услуг.',
  ],
  other: [
    'Вовлечён в попрошайничество родственником; выручку забирали, за недостаточную сумму наказывали.',
    'Принуждён к перевозке запрещённых веществ под угрозой расправы с семьёй.',
    'Принуждён к совершению краж группой, которая удерживала его паспорт.',
  ],
};

function regionsInMix(random: Random, n: number, regionCodes: readonly string[]): string[] {
  // Every region at least once, the rest by weight.
  const weighted = regionCodes.flatMap((code) => Array.from({ length: regionWeight[code] ?? 1 }, () => code));
  const rest = Array.from({ length: Math.max(0, n - regionCodes.length) }, () => pick(random, weighted));
  return shuffle(random, [...regionCodes.slice(0, n), ...rest]);
}

function nameOf(random: Random, citizenship: string, sex: 'female' | 'male'): PersonIdentity['names'] {
  const stockKey = citizenship === 'stateless' ? pick(random, ['KAZ', 'RUS'] as const) : (citizenship as keyof typeof nameStocks);
  const stock = nameStocks[stockKey];
  const female = sex === 'female';
  const given = pick(random, female ? stock.female : stock.male);
  const familyMale = pick(random, stock.family);
  const family: NamePair = female ? feminineFamily(familyMale) : familyMale;
  const father = stock.fathers.length > 0 ? patronymic(pick(random, stock.fathers), female) : null;
  return [
    { given: given[0], family: family[0], ...(father ? { patronymic: father[0] } : {}), kind: 'primary', basis: 'declared' },
    { given: given[1], family: family[1], ...(father ? { patronymic: father[1] } : {}), kind: 'spelling', basis: 'declared' },
  ];
}

const homeTowns: Record<string, readonly string[]> = {
  UZB: ['Ташкент, Узбекистан', 'Самарканд, Узбекистан', 'Андижан, Узбекистан'],
  KGZ: ['Ош, Кыргызстан', 'Бишкек, Кыргызстан', 'Джалал-Абад, Кыргызстан'],
  TJK: ['Худжанд, Таджикистан', 'Душанбе, Таджикистан'],
  RUS: ['Омск, Россия', 'Оренбург, Россия'],
};

function identityOf(random: Random, input: { citizenship: string; sex: 'female' | 'male'; ageYears: number | null; ageBasis: DemoIntake['ageBasis']; today: string; withheld: boolean }): PersonIdentity {
  const year = Number(input.today.slice(0, 4)) - (input.ageYears ?? 15) - between(random, 0, 1);
  const documented = input.ageBasis === 'documented';
  const birthDate =
    input.ageYears === null
      ? null
      : documented
        ? { value: `${year}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`, basis: 'documented' as const }
        : { value: String(year), basis: input.ageBasis === 'estimated' ? ('estimated' as const) : ('declared' as const) };
  const issuing = input.citizenship === 'stateless' ? null : input.citizenship;
  const town = homeTowns[input.citizenship];
  return {
    names: nameOf(random, input.citizenship, input.sex),
    birthDate,
    sex: input.sex,
    citizenships: [input.citizenship],
    // Fictitious numbers, marked as such.
    documents:
      documented && issuing
        ? [{ type: input.ageYears !== null && input.ageYears < 16 ? 'birth_certificate' : 'passport', number: `DEMO${between(random, 1_000_000, 9_999_999)}`, issuingCountry: issuing, heldBy: input.withheld ? 'withheld' : 'person' }]
        : [],
    contacts: [],
    addresses: town ? [{ kind: 'home_country', text: pick(random, town) }] : [],
  };
}

function sourceOf(random: Random, group: SourceGroup, child: boolean, foreign: boolean): Pick<DemoIntake, 'referralSource' | 'meetingContext'> {
  switch (group) {
    case 'law_enforcement':
      if (child) {
        return { referralSource: 'juvenile_police', meetingContext: pick(random, ['raid', 'street_outreach'] as const) };
      }
      if (foreign && chance(random, 0.35)) {
        return { referralSource: pick(random, ['migration_police', 'border_service'] as const), meetingContext: pick(random, ['border_crossing', 'detention_facility', 'raid'] as const) };
      }
      return { referralSource: 'police', meetingContext: pick(random, ['raid', 'workplace_inspection', 'detention_facility'] as const) };
    case 'self':
      return { referralSource: 'self_referral', meetingContext: pick(random, ['came_to_office', 'hotline_call', 'shelter'] as const) };
    case 'organization':
      return { referralSource: 'ngo_outreach', meetingContext: 'street_outreach' };
    case 'health_reapplicant':
      return { referralSource: 're_applicant', meetingContext: 'health_facility' };
  }
}

/** How long ago a case at this stage began: early stages are recent, closed ones older. */
const ageInDays: Record<DemoStage, readonly [number, number]> = {
  intake: [0, 12],
  consented: [0, 14],
  screened: [2, 45],
  not_identified: [10, 150],
  identified: [6, 40],
  referred: [3, 25],
  declined: [10, 90],
  assisted: [15, 200],
  closed: [150, 560],
  reopened: [360, 620],
};

const servicesByKind: Record<ExploitationKind, readonly ServiceType[]> = {
  labour: ['social_welfare', 'legal', 'employment', 'psychological', 'medical'],
  sexual: ['psychological', 'medical', 'legal', 'social_welfare'],
  other: ['social_welfare', 'psychological', 'legal', 'educational'],
};

const noFindings = { forms: [], scope: null, labourSectors: [], methodsOfControl: [], recruitmentMethods: [] };

const controlByKind: Record<ExploitationKind, readonly MethodOfControl[]> = {
  labour: ['withholds_documents', 'debt_bondage', 'takes_earnings', 'excessive_working_hours', 'threatens_law_enforcement', 'restricts_movement'],
  sexual: ['physical_abuse', 'sexual_abuse', 'restricts_movement', 'psychological_abuse', 'withholds_documents', 'takes_earnings'],
  other: ['physical_threats', 'threatens_children_family', 'takes_earnings', 'psychological_abuse'],
};

const recruitmentByKind: Record<ExploitationKind, readonly RecruitmentMethod[]> = {
  labour: ['friends', 'online_advertisement', 'recruitment_agency', 'at_place_of_business'],
  sexual: ['online_social_network', 'intimate_partner', 'friends', 'recruitment_agency'],
  other: ['family', 'friends', 'intimate_partner'],
};

/** Indicator codes of the default questionnaires (default-questionnaires.ts) a probable victim answers yes to. */
const indicatorsByKind: Record<ExploitationKind, readonly string[]> = {
  labour: ['recruitment.deceived_conditions', 'recruitment.deceived_wages', 'exploitation.excessive_hours', 'exploitation.low_or_no_salary', 'coercion.documents_confiscated', 'coercion.debt_bondage', 'vulnerability.economic_reasons'],
  sexual: ['recruitment.deceived_nature_of_job', 'exploitation.forced_prostitution', 'coercion.isolation', 'coercion.violence', 'vulnerability.unknown_area'],
  other: ['recruitment.abuse_of_difficult_situation', 'coercion.forced_illicit_activities', 'coercion.threats_of_violence', 'coercion.violence', 'vulnerability.dependency_on_exploiters'],
};

function strongAnswers(kind: ExploitationKind, child: boolean): DemoAnswer[] {
  const yes = [...indicatorsByKind[kind], ...(child && kind !== 'sexual' ? ['child.worst_forms_of_labour'] : [])];
  return [...yes.map((indicatorCode) => ({ indicatorCode, answer: 'yes' as const })), { indicatorCode: 'recruitment.abduction_or_sale', answer: 'no' }];
}

const weakAnswers: DemoAnswer[] = [
  { indicatorCode: 'exploitation.low_or_no_salary', answer: 'yes' },
  { indicatorCode: 'exploitation.no_social_protection', answer: 'yes' },
  { indicatorCode: 'coercion.violence', answer: 'no' },
  { indicatorCode: 'coercion.documents_confiscated', answer: 'no' },
  { indicatorCode: 'coercion.restricted_movement', answer: 'unknown' },
];

export interface DemoPlanOptions {
  count: number;
  seed: number;
  /** Today as YYYY-MM-DD: every date is on or before it. */
  today: string;
  /** The regions in force today. */
  regionCodes: readonly string[];
}

/** Plans `count` synthetic cases. Pure: the same options give the same plans. */
export function planDemoCases(options: DemoPlanOptions): DemoCasePlan[] {
  const random = seededRandom(options.seed);
  const n = options.count;
  const kinds = quota(random, n, exploitationMix);
  const sources = quota(random, n, sourceMix);
  const stages = quota(random, n, stageMix);
  const regions = regionsInMix(random, n, options.regionCodes);
  const citizenships = quota(random, n, citizenshipMix);
  const children = quota(random, n, [
    [true, 14],
    [false, 86],
  ]);
  const endings = quota(random, stages.filter((stage) => stage === 'closed' || stage === 'reopened').length, closureMix);
  const plans: DemoCasePlan[] = [];
  let shelterBeds = 0;
  for (let index = 0; index < n; index += 1) {
    const stage = stages[index] as DemoStage;
    const ending = stage === 'closed' || stage === 'reopened' ? (endings.pop() ?? 'reintegrated') : null;
    const plan = planOne(random, {
      index,
      stage,
      exploitation: kinds[index] as ExploitationKind,
      sourceGroup: sources[index] as SourceGroup,
      regionCode: regions[index] as string,
      citizenship: citizenships[index] as string,
      child: children[index] as boolean,
      ending,
      today: options.today,
      earlier: plans,
      shelterBedFree: shelterBeds < ALMATY_SHELTER_DEMO_BEDS,
    });
    if (occupiesShelterBed(plan, options.today)) {
      shelterBeds += 1;
    }
    plans.push(plan);
  }
  return plans;
}

/** Whether the plan leaves someone in an Almaty shelter bed today. */
export function occupiesShelterBed(plan: DemoCasePlan, today: string): boolean {
  return plan.steps.some((step) => step.kind === 'response' && step.accept && step.to === 'SHELTER-ALA' && step.placementFrom !== null && step.placementFrom <= today && (step.placementTo === null || step.placementTo >= today));
}

interface PlanInput {
  index: number;
  stage: DemoStage;
  exploitation: ExploitationKind;
  sourceGroup: SourceGroup;
  regionCode: string;
  citizenship: string;
  child: boolean;
  ending: ClosureOutcome | null;
  today: string;
  earlier: readonly DemoCasePlan[];
  shelterBedFree: boolean;
}

function planOne(random: Random, input: PlanInput): DemoCasePlan {
  const { stage, exploitation, today } = input;
  const worker: DemoCaseWorker = southernRegions.has(input.regionCode) ? 'caseworker.sanasezim' : 'caseworker.korgau';
  const workerOrganization = organizationOf[worker];
  const form: ExploitationForm = exploitation === 'other' ? pick(random, otherForms) : exploitation;
  // A re-applicant comes back: the person of an earlier closed case of the same worker, when there is one.
  const returning =
    input.sourceGroup === 'health_reapplicant' ? input.earlier.find((plan) => plan.worker === worker && plan.stage === 'closed' && !input.earlier.some((later) => laterIntakeOf(later) === plan.index)) : undefined;
  const earlierIntake = returning ? intakeOf(returning) : undefined;
  const sex: 'female' | 'male' = earlierIntake?.sex ?? (chance(random, exploitation === 'sexual' ? 0.92 : exploitation === 'labour' ? 0.3 : 0.55) ? 'female' : 'male');
  const ageBasis: DemoIntake['ageBasis'] = input.child && chance(random, 0.15) ? 'unknown' : pick(random, ['documented', 'documented', 'declared', 'estimated'] as const);
  const ageYears = ageBasis === 'unknown' ? null : input.child ? between(random, 12, 17) : between(random, 18, 52);
  const citizenship = earlierIntake?.citizenship ?? input.citizenship;
  const foreign = citizenship !== 'KAZ';
  const finalAgeYears = earlierIntake ? (earlierIntake.ageYears === null ? null : earlierIntake.ageYears + 1) : ageYears;
  const finalAgeBasis = earlierIntake?.ageBasis ?? ageBasis;
  const child = finalAgeBasis === 'unknown' || finalAgeYears === null || finalAgeYears < 18;
  const policeSharing = input.sourceGroup === 'law_enforcement' && stage !== 'intake' && chance(random, 0.3);
  const { referralSource, meetingContext } = sourceOf(random, input.sourceGroup, child, input.citizenship !== 'KAZ');

  // Who met the person first: police bring people in Korgau's area themselves; self-referrals come by the hotline or to the shelter.
  let recorder: DemoActor = worker;
  if (input.sourceGroup === 'law_enforcement' && worker === 'caseworker.korgau' && stage !== 'intake' && chance(random, 0.6)) {
    recorder = 'police.astana';
  } else if (meetingContext === 'hotline_call') {
    recorder = 'hotline';
  } else if (meetingContext === 'shelter' && (input.regionCode === 'KZ-ALA' || input.regionCode === 'KZ-ALM')) {
    recorder = 'shelter.almaty';
  }
  const handedOver = recorder !== worker;
  const consentMethod: DemoConsent['method'] = child ? 'by_guardian' : pick(random, ['written', 'written', 'oral'] as const);

  let day = addDays(today, -between(random, ...ageInDays[stage]));
  if (returning) {
    // They come back some time after the earlier case ended.
    const comeback = addDays(lastDayOf(returning), between(random, 20, 90));
    day = comeback > day ? (comeback > today ? today : comeback) : day;
  }
  const next = (low: number, high: number): string => {
    const candidate = addDays(day, between(random, low, high));
    day = candidate > today ? today : candidate;
    return day;
  };
  const steps: DemoStep[] = [];
  const consentGiven = stage !== 'intake';
  const consentAtIntake = consentGiven && (handedOver || chance(random, 0.6));
  const consents: DemoConsent[] = consentAtIntake
    ? [
        { scope: 'processing', to: null, method: consentMethod },
        { scope: 'referral', to: null, method: consentMethod },
        ...(policeSharing ? [{ scope: 'police_sharing' as const, to: 'MIA' as const, method: consentMethod }] : []),
      ]
    : [];
  steps.push({
    kind: 'intake',
    by: recorder,
    on: day,
    intake: {
      referralSource,
      meetingContext,
      regionCode: input.regionCode,
      sex,
      ageYears: finalAgeYears,
      ageBasis: finalAgeBasis,
      citizenship,
      circumstances: pick(random, (sex === 'male' ? circumstancesOfMen : circumstancesOf)[exploitation]),
      identity:
        returning || (stage === 'intake' && chance(random, 0.4))
          ? null
          : identityOf(random, { citizenship, sex, ageYears, ageBasis, today, withheld: foreign && chance(random, 0.5) }),
      earlierCase: returning?.index ?? null,
      consents,
      referral: handedOver && consentAtIntake ? { to: workerOrganization, serviceTypes: ['social_welfare', 'psychological'], reason: 'Передача на идентификацию и оказание специальных социальных услуг' } : null,
    },
  });
  if (handedOver && consentAtIntake) {
    steps.push({ kind: 'response', by: worker, on: next(0, 1), to: workerOrganization, accept: true, placementFrom: null, placementTo: null });
  }
  if (!consentGiven || (handedOver && !consentAtIntake)) {
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }
  if (!consentAtIntake) {
    steps.push({ kind: 'consent', by: worker, on: next(0, 1), consent: { scope: 'processing', to: null, method: consentMethod } });
    steps.push({ kind: 'consent', by: worker, on: day, consent: { scope: 'referral', to: null, method: consentMethod } });
    if (policeSharing) {
      steps.push({ kind: 'consent', by: worker, on: day, consent: { scope: 'police_sharing', to: 'MIA', method: consentMethod } });
    }
  }
  if (foreign) {
    const ended = stage === 'closed' || stage === 'reopened';
    steps.push({
      kind: 'migration',
      by: worker,
      on: next(0, 2),
      documentsStatus: pick(random, ['withheld_by_exploiter', 'missing', 'held', 'with_authorities'] as const),
      nonPunishment: chance(random, 0.4),
      returnStatus: ended ? pick(random, ['completed', 'completed', 'with_iom', 'none'] as const) : pick(random, ['none', 'none', 'requested'] as const),
    });
  }
  if (child) {
    const guardianKind = stage === 'consented' || stage === 'screened' || chance(random, 0.15) ? 'none_yet' : pick(random, ['parent', 'guardianship_authority', 'legal_representative'] as const);
    steps.push({ kind: 'child_protection', by: worker, on: next(0, 3), guardianKind, bestInterestsAssessedOn: guardianKind === 'none_yet' ? null : day });
    if (policeSharing) {
      steps.push({ kind: 'name_worker', by: worker, on: day, worker: 'investigator.almaty' });
    }
  }
  if (stage === 'consented') {
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }
  const identified = stage !== 'screened' && stage !== 'not_identified';
  steps.push({ kind: 'screening', by: worker, on: next(1, 4), answers: identified ? strongAnswers(exploitation, child) : weakAnswers });
  if (stage === 'screened') {
    if (chance(random, 0.4)) {
      steps.push({ kind: 'decision', by: worker, on: next(1, 3), outcome: 'pending', reasons: 'Нужна повторная беседа: показания противоречивы, ожидается заключение психолога', ...noFindings });
    }
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }
  if (stage === 'not_identified') {
    steps.push({
      kind: 'decision',
      by: worker,
      on: next(1, 5),
      outcome: 'not_identified',
      reasons: 'Признаков торговли людьми недостаточно: трудовой спор с работодателем без принуждения; рекомендовано обращение в инспекцию труда',
      ...noFindings,
    });
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }
  steps.push({
    kind: 'decision',
    by: worker,
    on: next(1, 5),
    outcome: 'identified',
    reasons: 'Выявлены сильные индикаторы эксплуатации и принуждения по Критериям идентификации',
    forms: [form],
    scope: foreign || chance(random, 0.2) ? 'cross_border' : 'internal',
    labourSectors: exploitation === 'labour' ? [pick(random, ['F', 'A', 'G', 'C', 'I'] as const)] : [],
    methodsOfControl: shuffle(random, [...controlByKind[exploitation]]).slice(0, between(random, 2, 3)),
    recruitmentMethods: [pick(random, recruitmentByKind[exploitation])],
  });
  if (stage === 'identified') {
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }

  // The referral for assistance: a bed in the Almaty shelter, a shelter with no demo user, or the other NGO.
  const ended = stage === 'closed' || stage === 'reopened';
  const wantsBed = (input.regionCode === 'KZ-ALA' || input.regionCode === 'KZ-ALM' || chance(random, 0.15)) && (ended || stage === 'declined' || stage === 'referred' || input.shelterBedFree);
  const provider: DemoOrganization =
    stage === 'referred' && !wantsBed ? pick(random, ['SHELTER-AST', 'CC-AKT-WSC', 'SHELTER-ALA'] as const) : wantsBed ? 'SHELTER-ALA' : organizationOf[otherWorker[worker]];
  const services = servicesByKind[exploitation];
  const placement = provider !== 'NGO-KORGAU-ASTANA' && provider !== 'NGO-SANA-SEZIM';
  const referredServices: ServiceType[] = placement ? ['social_welfare', 'psychological', 'medical'] : ['legal', 'psychological'];
  steps.push({
    kind: 'referral',
    by: worker,
    on: next(0, 2),
    to: provider,
    serviceTypes: referredServices,
    placement,
    reason: placement ? 'Нужно безопасное проживание и медицинская помощь' : 'Нужна юридическая помощь по месту работы и психологическая поддержка',
  });
  if (stage === 'referred') {
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }
  const responder = responderOf[provider] ?? worker;
  if (stage === 'declined') {
    steps.push({
      kind: 'response',
      by: responder,
      on: next(1, 3),
      to: provider,
      accept: false,
      reason: placement ? 'Нет свободных мест на ближайший месяц' : 'Юрист организации не ведёт дела в этом регионе',
    });
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }
  const acceptedOn = next(1, 3);
  const stayDays = between(random, 30, 120);
  const placementTo = ended ? addDays(acceptedOn, stayDays) : null;
  steps.push({ kind: 'response', by: responder, on: acceptedOn, to: provider, accept: true, placementFrom: placement ? acceptedOn : null, placementTo: placement ? placementTo : null });

  // The assistance plan: the case worker's own services and the provider's.
  const own = services.slice(0, between(random, 2, 3));
  const serviceEndPlanned = ended ? addDays(acceptedOn, stayDays) : addDays(today, between(random, 10, 60));
  const serviceEnd = ended && serviceEndPlanned > today ? today : serviceEndPlanned;
  const recorded: { by: DemoActor; provider: DemoOrganization; serviceType: ServiceType }[] = [];
  for (const [position, serviceType] of own.entries()) {
    const start = next(0, 4);
    const status = !ended && position === 0 ? 'delivered' : position === 2 && !ended ? 'planned' : 'in_progress';
    steps.push({ kind: 'service', by: worker, on: start, provider: organizationOf[worker], serviceType, status, plannedFrom: start, plannedTo: serviceEnd < start ? start : serviceEnd, deliveredOn: status === 'delivered' ? start : null });
    recorded.push({ by: worker, provider: organizationOf[worker], serviceType });
  }
  const providerServiceType = referredServices[0] ?? 'social_welfare';
  const providerStart = next(0, 2);
  steps.push({ kind: 'service', by: responder, on: providerStart, provider, serviceType: providerServiceType, status: 'in_progress', plannedFrom: providerStart, plannedTo: serviceEnd < providerStart ? providerStart : serviceEnd, deliveredOn: null });
  recorded.push({ by: responder, provider, serviceType: providerServiceType });
  if (!ended) {
    return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
  }

  day = serviceEnd < day ? day : serviceEnd;
  for (const service of recorded) {
    steps.push({ kind: 'service_done', by: service.by, on: day, provider: service.provider, serviceType: service.serviceType });
  }
  const expelled = input.ending === 'expelled_negative';
  steps.push({
    kind: 'close',
    by: worker,
    on: next(0, 5),
    outcome: expelled ? 'expelled_negative' : 'reintegrated',
    reason: expelled ? 'Отчислен(а) из программы: неоднократное нарушение правил проживания, отказ от плана помощи' : null,
  });
  const contacts = between(random, 1, 3);
  for (let contact = 1; contact <= contacts; contact += 1) {
    const end = contact === contacts && chance(random, 0.6);
    steps.push({
      kind: 'follow_up',
      by: worker,
      on: next(25, 60),
      method: pick(random, ['phone', 'visit', 'office'] as const),
      note: expelled ? 'На связь выходит редко; предложена повторная консультация' : pick(random, ['Работает, живёт с семьёй, помощь не требуется', 'Устроен(а) на работу, продолжает обучение', 'Получены документы, вернулся(лась) домой']),
      end,
    });
  }
  if (stage === 'reopened') {
    steps.push({ kind: 'reopen', by: worker, on: next(30, 120), reason: 'Обратился(лась) повторно: снова оказался(лась) у прежнего работодателя — возможна повторная эксплуатация' });
  }
  return { index: input.index, stage, worker, exploitation, form, sourceGroup: input.sourceGroup, child, foreign, policeSharing, steps };
}

function lastDayOf(plan: DemoCasePlan): string {
  return plan.steps.reduce((last, step) => (step.on > last ? step.on : last), '');
}

export function intakeOf(plan: DemoCasePlan): DemoIntake {
  const first = plan.steps[0];
  if (first?.kind !== 'intake') {
    throw new Error(`Demo case ${plan.index} does not start with an intake`);
  }
  return first.intake;
}

function laterIntakeOf(plan: DemoCasePlan): number | null {
  return intakeOf(plan).earlierCase;
}
