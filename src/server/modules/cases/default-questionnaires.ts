import type { DelphiDimension, QuestionnaireDefinition } from '../../../shared/case.schemas.js';

// Default indicator questionnaires, built from the ILO/EC Delphi operational
// indicators (adults and children, labour and sexual exploitation merged per
// dimension) with the ILO forced-labour indicator each one matches.
// Administrators publish new versions; these are version 1.

type Strength = 'strong' | 'medium' | 'weak';

function indicator(code: string, dimension: DelphiDimension, strength: Strength, en: string, ru: string, iloIndicator?: number) {
  return { code, dimension, strength, text: { en, ru }, ...(iloIndicator ? { iloIndicator } : {}) };
}

const shared = [
  indicator('recruitment.deceived_nature_of_job', 'deceptive_recruitment', 'strong', 'Deceived about the nature of the job, the location or the employer', 'Обман о характере работы, месте или работодателе', 2),
  indicator('recruitment.deceived_conditions', 'deceptive_recruitment', 'medium', 'Deceived about working conditions, the contract or its legality', 'Обман об условиях труда, содержании или законности договора', 2),
  indicator('recruitment.deceived_wages', 'deceptive_recruitment', 'medium', 'Deceived about wages or earnings', 'Обман о заработной плате или доходах', 2),
  indicator('recruitment.deceived_documents', 'deceptive_recruitment', 'medium', 'Deceived about documents, migration status or travel conditions', 'Обман о документах, миграционном статусе или условиях поездки', 2),
  indicator('recruitment.promise_of_marriage', 'deceptive_recruitment', 'medium', 'Deceived through a promise of marriage or adoption', 'Обман через обещание брака или усыновления', 2),
  indicator('recruitment.deceived_education', 'deceptive_recruitment', 'weak', 'Deceived about access to education', 'Обман о доступе к образованию'),
  indicator('recruitment.violence', 'coercive_recruitment', 'strong', 'Violence against the person during recruitment', 'Насилие в отношении лица при вербовке', 5),
  indicator('recruitment.abduction_or_sale', 'coercive_recruitment', 'medium', 'Abducted, sold, forcibly married or adopted', 'Похищение, продажа, принудительный брак или усыновление'),
  indicator('recruitment.documents_confiscated', 'coercive_recruitment', 'medium', 'Documents confiscated during recruitment or travel', 'Изъятие документов при вербовке или в пути', 7),
  indicator('recruitment.debt_bondage', 'coercive_recruitment', 'medium', 'Debt imposed for travel or recruitment', 'Долг за проезд или трудоустройство', 9),
  indicator('recruitment.threats_to_family', 'coercive_recruitment', 'medium', 'Threats of violence against the family', 'Угрозы насилия в отношении семьи', 6),
  indicator('recruitment.abuse_of_difficult_situation', 'recruitment_abuse_of_vulnerability', 'medium', 'Abuse of a difficult family, economic or personal situation', 'Использование тяжёлого семейного, материального или личного положения', 1),
  indicator('recruitment.abuse_of_illegal_status', 'recruitment_abuse_of_vulnerability', 'medium', 'Abuse of illegal status or lack of information', 'Использование незаконного статуса или неосведомлённости', 1),
  indicator('recruitment.emotional_dependency', 'recruitment_abuse_of_vulnerability', 'medium', 'Psychological or emotional dependency on the recruiter', 'Психологическая или эмоциональная зависимость от вербовщика', 1),
  indicator('recruitment.abuse_of_beliefs', 'recruitment_abuse_of_vulnerability', 'weak', 'Abuse of cultural or religious beliefs', 'Использование культурных или религиозных убеждений'),
  indicator('recruitment.past_difficulties', 'recruitment_abuse_of_vulnerability', 'weak', 'Difficulties in the past or in organizing travel', 'Трудности в прошлом или при организации поездки'),
  indicator('exploitation.excessive_hours', 'exploitation', 'strong', 'Excessive working days or hours', 'Чрезмерная продолжительность рабочего дня или недели', 11),
  indicator('exploitation.forced_prostitution', 'exploitation', 'strong', 'Made to provide sexual services', 'Принуждение к оказанию сексуальных услуг'),
  indicator('exploitation.bad_living_conditions', 'exploitation', 'medium', 'Bad living conditions', 'Плохие условия проживания', 10),
  indicator('exploitation.hazardous_work', 'exploitation', 'medium', 'Hazardous work', 'Опасная работа', 10),
  indicator('exploitation.low_or_no_salary', 'exploitation', 'medium', 'Low or no salary', 'Низкая заработная плата или её отсутствие', 8),
  indicator('exploitation.no_labour_law', 'exploitation', 'medium', 'No respect of labour law or the contract', 'Несоблюдение трудового законодательства или договора'),
  indicator('exploitation.wage_manipulation', 'exploitation', 'medium', 'Wages manipulated or deducted', 'Манипуляции с заработной платой, вычеты', 8),
  indicator('exploitation.no_social_protection', 'exploitation', 'medium', 'No social protection (no contract, insurance)', 'Отсутствие социальной защиты (договора, страховки)'),
  indicator('exploitation.no_education_access', 'exploitation', 'weak', 'No access to education', 'Нет доступа к образованию'),
  indicator('coercion.documents_confiscated', 'coercion_at_destination', 'strong', 'Identity documents confiscated or withheld', 'Изъятие или удержание документов, удостоверяющих личность', 7),
  indicator('coercion.debt_bondage', 'coercion_at_destination', 'strong', 'Debt bondage', 'Долговая кабала', 9),
  indicator('coercion.isolation', 'coercion_at_destination', 'strong', 'Isolation, confinement or surveillance', 'Изоляция, лишение свободы или наблюдение', 4),
  indicator('coercion.violence', 'coercion_at_destination', 'strong', 'Violence against the person', 'Насилие в отношении лица', 5),
  indicator('coercion.forced_illicit_activities', 'coercion_at_destination', 'medium', 'Forced into illicit or criminal activities', 'Принуждение к незаконной или преступной деятельности'),
  indicator('coercion.forced_to_lie', 'coercion_at_destination', 'medium', 'Forced to lie to authorities or family', 'Принуждение лгать властям или семье'),
  indicator('coercion.threat_of_denunciation', 'coercion_at_destination', 'medium', 'Threat of denunciation to the authorities', 'Угроза сообщить властям', 6),
  indicator('coercion.threats_of_violence', 'coercion_at_destination', 'medium', 'Threats of violence', 'Угрозы насилия', 6),
  indicator('coercion.withholding_wages', 'coercion_at_destination', 'medium', 'Wages withheld', 'Удержание заработной платы', 8),
  indicator('coercion.restricted_movement', 'coercion_at_destination', 'medium', 'Movement restricted', 'Ограничение свободы передвижения', 3),
  indicator('coercion.threats_to_inform_family', 'coercion_at_destination', 'weak', 'Threats to inform family, community or the public', 'Угрозы сообщить семье, общине или публично'),
  indicator('vulnerability.dependency_on_exploiters', 'abuse_of_vulnerability_at_destination', 'medium', 'Dependency on the exploiters', 'Зависимость от эксплуататоров', 1),
  indicator('vulnerability.unknown_area', 'abuse_of_vulnerability_at_destination', 'medium', 'Difficulty living in an unknown area or language', 'Трудности жизни в незнакомом месте, языковой барьер', 1),
  indicator('vulnerability.legal_status', 'abuse_of_vulnerability_at_destination', 'medium', 'Relationship with the authorities or legal status', 'Отношения с властями или правовой статус', 1),
  indicator('vulnerability.economic_reasons', 'abuse_of_vulnerability_at_destination', 'medium', 'Economic reasons keep the person there', 'Материальные причины удерживают лицо', 1),
  indicator('vulnerability.personal_characteristics', 'abuse_of_vulnerability_at_destination', 'weak', 'Personal characteristics (age, disability) or past difficulties', 'Личные особенности (возраст, инвалидность) или прошлые трудности'),
];

const childOnly = [
  indicator('child.recruited_through_family', 'coercive_recruitment', 'medium', 'Handed over or sold by family or guardians', 'Передан(а) или продан(а) семьёй или опекунами'),
  indicator('child.unaccompanied', 'recruitment_abuse_of_vulnerability', 'medium', 'Unaccompanied or separated from parents', 'Без сопровождения или разлучён(а) с родителями'),
  indicator('child.worst_forms_of_labour', 'exploitation', 'strong', 'Worst forms of child labour, begging or petty crime', 'Наихудшие формы детского труда, попрошайничество или мелкие кражи'),
  indicator('child.out_of_school', 'exploitation', 'medium', 'Kept out of school because of the work', 'Не посещает школу из-за работы'),
];

export const defaultQuestionnaires: { audience: 'adult' | 'child'; title: string; definition: QuestionnaireDefinition }[] = [
  { audience: 'adult', title: 'Adults: ILO/EC Delphi indicators (labour and sexual exploitation)', definition: { indicators: shared } },
  { audience: 'child', title: 'Children: ILO/EC Delphi indicators (labour and sexual exploitation)', definition: { indicators: [...shared, ...childOnly] } },
];
