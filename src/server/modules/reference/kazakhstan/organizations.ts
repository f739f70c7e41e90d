import type { LocalizedText, OrganizationKind, OrganizationSeed } from './seed-types.js';

function org(
  code: string,
  kind: OrganizationKind,
  abbreviation: LocalizedText,
  name: LocalizedText,
  extra: Partial<Omit<OrganizationSeed, 'code' | 'kind' | 'abbreviation' | 'name'>> = {},
): OrganizationSeed {
  return {
    code,
    kind,
    abbreviation,
    name,
    byAgreement: false,
    parentCode: null,
    regionCodes: [],
    publicPhone: null,
    confidentialAddress: null,
    capacity: null,
    ...extra,
  };
}

// byAgreement follows the 2009-2011 Action Plan (000_*.txt) literally: PGO,
// SC, NSC, NCWDP and the Human Rights Commissioner are marked "(by
// agreement)" there. Sub-units inherit their parent's status because they
// report through it. Bodies the plan does not name are marked by the same
// rule the plan applies: not subordinate to the Government => by agreement.
export const kazakhstanStateBodies: OrganizationSeed[] = [
  org(
    'MIA',
    'state_body',
    { ru: 'МВД', kk: 'ІІМ', en: 'MIA' },
    {
      ru: 'Министерство внутренних дел Республики Казахстан',
      kk: 'Қазақстан Республикасының Ішкі істер министрлігі',
      en: 'Ministry of Internal Affairs of the Republic of Kazakhstan',
    },
  ),
  org(
    'MJ',
    'state_body',
    { ru: 'МЮ', kk: 'ӘМ', en: 'MJ' },
    {
      ru: 'Министерство юстиции Республики Казахстан',
      kk: 'Қазақстан Республикасының Әділет министрлігі',
      en: 'Ministry of Justice of the Republic of Kazakhstan',
    },
  ),
  org(
    'MFA',
    'state_body',
    { ru: 'МИД', kk: 'СІМ', en: 'MFA' },
    {
      ru: 'Министерство иностранных дел Республики Казахстан',
      kk: 'Қазақстан Республикасының Сыртқы істер министрлігі',
      en: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
    },
  ),
  // The English Action Plan writes "MCSP" and expands it as "Ministry of
  // Culture and Social Protection", a ministry that never existed: it is a
  // mistranslation of МТСЗН, this ministry. See kazakhstanStateBodyAliases.
  org(
    'MLSP',
    'state_body',
    { ru: 'МТСЗН', kk: 'ЕХӘҚМ', en: 'MLSP' },
    {
      ru: 'Министерство труда и социальной защиты населения Республики Казахстан',
      kk: 'Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі',
      en: 'Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan',
    },
  ),
  // A separate row, not a rename of MLSP: from August 2014 to December 2016
  // labour, social protection and health were one ministry, which signed the
  // 2014 identification Criteria and the 2016 Standard for special social
  // services (order No. 138). Documents of that period name it, and its
  // successors are two bodies (MLSP and MH), so no single row could stand
  // for it. The shape has no validity dates; the period lives in this comment.
  org(
    'MHSD',
    'state_body',
    { ru: 'МЗСР', kk: 'ДСӘДМ', en: 'MHSD' },
    {
      ru: 'Министерство здравоохранения и социального развития Республики Казахстан',
      kk: 'Қазақстан Республикасының Денсаулық сақтау және әлеуметтік даму министрлігі',
      en: 'Ministry of Health and Social Development of the Republic of Kazakhstan',
    },
  ),
  // Named as in the Action Plan. Split in 2022 into the Ministry of
  // Enlightenment (schools, juvenile adaptation centres) and the Ministry of
  // Science and Higher Education; plans of 2009-2020 still say MES.
  org(
    'MES',
    'state_body',
    { ru: 'МОН', kk: 'БҒМ', en: 'MES' },
    {
      ru: 'Министерство образования и науки Республики Казахстан',
      kk: 'Қазақстан Республикасының Білім және ғылым министрлігі',
      en: 'Ministry of Education and Science of the Republic of Kazakhstan',
    },
  ),
  // Runs the 742528 line for children (001_*.txt); identification of child
  // victims goes through it.
  org(
    'MES-CPCR',
    'state_body',
    { ru: 'КОПД МОН', kk: 'БҒМ БҚҚК', en: 'CPCR' },
    {
      ru: 'Комитет по охране прав детей Министерства образования и науки Республики Казахстан',
      kk: 'Қазақстан Республикасы Білім және ғылым министрлігінің Балалардың құқықтарын қорғау комитеті',
      en: "Committee for the Protection of Children's Rights of the Ministry of Education and Science",
    },
    { parentCode: 'MES', publicPhone: '742528' },
  ),
  org(
    'MH',
    'state_body',
    { ru: 'МЗ', kk: 'ДСМ', en: 'MH' },
    {
      ru: 'Министерство здравоохранения Республики Казахстан',
      kk: 'Қазақстан Республикасының Денсаулық сақтау министрлігі',
      en: 'Ministry of Health of the Republic of Kazakhstan',
    },
  ),
  // "MCI" here is the ministry, not the monthly calculation index used for
  // compensation amounts; the two never share a field.
  org(
    'MCI',
    'state_body',
    { ru: 'МКИ', kk: 'МАМ', en: 'MCI' },
    {
      ru: 'Министерство культуры и информации Республики Казахстан',
      kk: 'Қазақстан Республикасының Мәдениет және ақпарат министрлігі',
      en: 'Ministry of Culture and Information of the Republic of Kazakhstan',
    },
  ),
  // Parent of the Financial Monitoring Committee and a member of the
  // Inter-Agency Commission (001_*.txt).
  org(
    'MF',
    'state_body',
    { ru: 'МФ', kk: 'ҚМ', en: 'MF' },
    {
      ru: 'Министерство финансов Республики Казахстан',
      kk: 'Қазақстан Республикасының Қаржы министрлігі',
      en: 'Ministry of Finance of the Republic of Kazakhstan',
    },
  ),
  // Named as in the seeds (a committee of the Ministry of Finance, 2016).
  // Its functions passed in 2021 to the Financial Monitoring Agency (AFM).
  org(
    'FMC',
    'state_body',
    { ru: 'КФМ', kk: 'ҚМК', en: 'FMC' },
    {
      ru: 'Комитет по финансовому мониторингу Министерства финансов Республики Казахстан',
      kk: 'Қазақстан Республикасы Қаржы министрлігінің Қаржылық мониторинг комитеті',
      en: 'Financial Monitoring Committee of the Ministry of Finance of the Republic of Kazakhstan',
    },
    { parentCode: 'MF' },
  ),
  // Current successor of FMC; directly subordinate to the President, so it
  // can only report to the Government by agreement.
  org(
    'AFM',
    'state_body',
    { ru: 'АФМ', kk: 'ҚМА', en: 'AFM' },
    {
      ru: 'Агентство Республики Казахстан по финансовому мониторингу',
      kk: 'Қазақстан Республикасының Қаржылық мониторинг агенттігі',
      en: 'Financial Monitoring Agency of the Republic of Kazakhstan',
    },
    { byAgreement: true },
  ),
  org(
    'PGO',
    'state_body',
    { ru: 'ГП', kk: 'БП', en: 'PGO' },
    {
      ru: 'Генеральная прокуратура Республики Казахстан',
      kk: 'Қазақстан Республикасының Бас прокуратурасы',
      en: "Prosecutor General's Office of the Republic of Kazakhstan",
    },
    { byAgreement: true },
  ),
  // Source of the official criminal statistics by article and stage.
  org(
    'PGO-CLSSA',
    'state_body',
    { ru: 'КПСиСУ', kk: 'ҚСжАЕАК', en: 'CLSSA' },
    {
      ru: 'Комитет по правовой статистике и специальным учетам Генеральной прокуратуры Республики Казахстан',
      kk: 'Қазақстан Республикасы Бас прокуратурасының Құқықтық статистика және арнайы есепке алу жөніндегі комитеті',
      en: "Committee for Legal Statistics and Special Accounts of the Prosecutor General's Office",
    },
    { byAgreement: true, parentCode: 'PGO' },
  ),
  org(
    'SC',
    'state_body',
    { ru: 'ВС', kk: 'ЖС', en: 'SC' },
    {
      ru: 'Верховный Суд Республики Казахстан',
      kk: 'Қазақстан Республикасының Жоғарғы Соты',
      en: 'Supreme Court of the Republic of Kazakhstan',
    },
    { byAgreement: true },
  ),
  org(
    'NSC',
    'state_body',
    { ru: 'КНБ', kk: 'ҰҚК', en: 'NSC' },
    {
      ru: 'Комитет национальной безопасности Республики Казахстан',
      kk: 'Қазақстан Республикасының Ұлттық қауіпсіздік комитеті',
      en: 'National Security Committee of the Republic of Kazakhstan',
    },
    { byAgreement: true },
  ),
  org(
    'NSC-BS',
    'state_body',
    { ru: 'ПС КНБ', kk: 'ҰҚК ШҚ', en: 'NSC BS' },
    {
      ru: 'Пограничная служба Комитета национальной безопасности Республики Казахстан',
      kk: 'Қазақстан Республикасы Ұлттық қауіпсіздік комитетінің Шекара қызметі',
      en: 'Border Service of the National Security Committee of the Republic of Kazakhstan',
    },
    { byAgreement: true, parentCode: 'NSC' },
  ),
  org(
    'HRC',
    'state_body',
    { ru: 'Омбудсмен', kk: 'Омбудсмен', en: 'Ombudsman' },
    {
      ru: 'Уполномоченный по правам человека в Республике Казахстан',
      kk: 'Қазақстан Республикасындағы Адам құқықтары жөніндегі уәкіл',
      en: 'Human Rights Commissioner in the Republic of Kazakhstan',
    },
    { byAgreement: true },
  ),
  // The Commissioner's working office. Item 21 of the plan lists "MJ, NCHR,
  // NCWDP (by agreement)" without marking NCHR; we follow the text as
  // written rather than guess, although the Centre answers to a body that is
  // by agreement. Revisit if a later plan marks it.
  org(
    'NCHR',
    'state_body',
    { ru: 'НЦПЧ', kk: 'АҚҰО', en: 'NCHR' },
    {
      ru: 'Национальный центр по правам человека',
      kk: 'Адам құқықтары жөніндегі ұлттық орталық',
      en: 'National Centre for Human Rights',
    },
    { parentCode: 'HRC' },
  ),
  org(
    'NCWDP',
    'state_body',
    { ru: 'НКДЖСДП', kk: 'ӘІОДСҰК', en: 'NCWDP' },
    {
      ru: 'Национальная комиссия по делам женщин и семейно-демографической политике при Президенте Республики Казахстан',
      kk: 'Қазақстан Республикасы Президентінің жанындағы Әйелдер істері және отбасылық-демографиялық саясат жөніндегі ұлттық комиссия',
      en: "National Commission for Women's Affairs and Family and Demographic Policy under the President of the Republic of Kazakhstan",
    },
    { byAgreement: true },
  ),
];

/**
 * Abbreviations used in source documents that differ from our codes, so an
 * import of an Action Plan's "Responsible" column resolves every body.
 */
export const kazakhstanStateBodyAliases: Readonly<Record<string, string>> = {
  MCSP: 'MLSP',
};

function akimat(regionCode: string, ru: string, kk: string, en: string): OrganizationSeed {
  return org(
    `AKIMAT-${regionCode}`,
    'akimat',
    { ru: 'Акимат', kk: 'Әкімдік', en: 'Akimat' },
    { ru, kk, en },
    { regionCodes: [regionCode] },
  );
}

// Only regions that exist today: akimats of ended regions (South Kazakhstan)
// report nothing new, and their past reports are attributed by region code.
export const kazakhstanAkimats: OrganizationSeed[] = [
  akimat('KZ-ABY', 'Акимат области Абай', 'Абай облысының әкімдігі', 'Akimat of Abai Region'),
  akimat('KZ-AKM', 'Акимат Акмолинской области', 'Ақмола облысының әкімдігі', 'Akimat of Akmola Region'),
  akimat('KZ-AKT', 'Акимат Актюбинской области', 'Ақтөбе облысының әкімдігі', 'Akimat of Aktobe Region'),
  akimat('KZ-ALM', 'Акимат Алматинской области', 'Алматы облысының әкімдігі', 'Akimat of Almaty Region'),
  akimat('KZ-ATY', 'Акимат Атырауской области', 'Атырау облысының әкімдігі', 'Akimat of Atyrau Region'),
  akimat(
    'KZ-VOS',
    'Акимат Восточно-Казахстанской области',
    'Шығыс Қазақстан облысының әкімдігі',
    'Akimat of East Kazakhstan Region',
  ),
  akimat('KZ-ZHA', 'Акимат Жамбылской области', 'Жамбыл облысының әкімдігі', 'Akimat of Zhambyl Region'),
  akimat('KZ-ZHT', 'Акимат области Жетісу', 'Жетісу облысының әкімдігі', 'Akimat of Zhetysu Region'),
  akimat('KZ-KAR', 'Акимат Карагандинской области', 'Қарағанды облысының әкімдігі', 'Akimat of Karaganda Region'),
  akimat('KZ-KUS', 'Акимат Костанайской области', 'Қостанай облысының әкімдігі', 'Akimat of Kostanay Region'),
  akimat('KZ-KZY', 'Акимат Кызылординской области', 'Қызылорда облысының әкімдігі', 'Akimat of Kyzylorda Region'),
  akimat('KZ-MAN', 'Акимат Мангистауской области', 'Маңғыстау облысының әкімдігі', 'Akimat of Mangystau Region'),
  akimat('KZ-PAV', 'Акимат Павлодарской области', 'Павлодар облысының әкімдігі', 'Akimat of Pavlodar Region'),
  akimat(
    'KZ-SEV',
    'Акимат Северо-Казахстанской области',
    'Солтүстік Қазақстан облысының әкімдігі',
    'Akimat of North Kazakhstan Region',
  ),
  akimat('KZ-TUR', 'Акимат Туркестанской области', 'Түркістан облысының әкімдігі', 'Akimat of Turkistan Region'),
  akimat('KZ-ULT', 'Акимат области Ұлытау', 'Ұлытау облысының әкімдігі', 'Akimat of Ulytau Region'),
  akimat(
    'KZ-ZAP',
    'Акимат Западно-Казахстанской области',
    'Батыс Қазақстан облысының әкімдігі',
    'Akimat of West Kazakhstan Region',
  ),
  akimat('KZ-AST', 'Акимат города Астаны', 'Астана қаласының әкімдігі', 'Akimat of Astana'),
  akimat('KZ-ALA', 'Акимат города Алматы', 'Алматы қаласының әкімдігі', 'Akimat of Almaty'),
  akimat('KZ-SHY', 'Акимат города Шымкента', 'Шымкент қаласының әкімдігі', 'Akimat of Shymkent'),
];

// Demo data for development and tests. The organisations are named in the
// seeds, but every confidential address is invented (a shelter's location is
// what traffickers look for) and capacities other than the Astana shelter's
// 24 places (001_*.txt) are placeholders. Russian and Kazakh names of NGOs
// known to us only from English seeds are our translations.
const DEMO_ADDRESS_NOTE = 'вымышленный демонстрационный адрес';

export const demoServiceOrganizations: OrganizationSeed[] = [
  org(
    'NGO-UCC',
    'ngo',
    { ru: 'СКЦ', kk: 'ДОО', en: 'UCC' },
    {
      ru: 'Объединение юридических лиц «Союз кризисных центров в Казахстане»',
      kk: '«Қазақстандағы дағдарыс орталықтарының одағы» заңды тұлғалар бірлестігі',
      en: 'Union of Crisis Centres in Kazakhstan (association of legal entities)',
    },
  ),
  org(
    'HOTLINE-11616',
    'hotline',
    { ru: '11616', kk: '11616', en: '11616' },
    {
      ru: 'Национальная горячая линия по противодействию торговле людьми 11616',
      kk: 'Адам саудасына қарсы іс-қимыл жөніндегі 11616 ұлттық жедел желісі',
      en: 'National anti-trafficking hotline 11616',
    },
    { parentCode: 'NGO-UCC', publicPhone: '11616' },
  ),
  org(
    'HOTLINE-150',
    'hotline',
    { ru: '150', kk: '150', en: '150' },
    {
      ru: 'Национальный телефон доверия для детей и молодёжи 150',
      kk: 'Балалар мен жастарға арналған 150 ұлттық сенім телефоны',
      en: 'National helpline for children and youth 150',
    },
    { parentCode: 'NGO-UCC', publicPhone: '150' },
  ),
  org(
    'NGO-KORGAU-ASTANA',
    'ngo',
    { ru: 'Коргау-Астана', kk: 'Қорғау-Астана', en: 'Korgau-Astana' },
    {
      ru: 'НПО «Коргау-Астана»',
      kk: '«Қорғау-Астана» үкіметтік емес ұйымы',
      en: 'NGO Korgau-Astana',
    },
    { regionCodes: ['KZ-AST'] },
  ),
  // The state-funded shelter the OSCE visited (001_*.txt), run by Korgau-Astana.
  org(
    'SHELTER-AST',
    'shelter',
    { ru: 'Приют (Астана)', kk: 'Баспана (Астана)', en: 'Shelter (Astana)' },
    {
      ru: 'Приют для женщин, пострадавших от торговли людьми, Астана',
      kk: 'Адам саудасынан зардап шеккен әйелдерге арналған баспана, Астана',
      en: 'Shelter for women victims of trafficking, Astana',
    },
    {
      parentCode: 'NGO-KORGAU-ASTANA',
      regionCodes: ['KZ-AST'],
      confidentialAddress: `Демо-адрес 12, вымышленная улица, г. Астана (${DEMO_ADDRESS_NOTE})`,
      capacity: 24,
    },
  ),
  org(
    'SHELTER-ALA',
    'shelter',
    { ru: 'Приют (Алматы)', kk: 'Баспана (Алматы)', en: 'Shelter (Almaty)' },
    {
      ru: 'Приют для лиц, пострадавших от торговли людьми, Алматы',
      kk: 'Адам саудасынан зардап шеккендерге арналған баспана, Алматы',
      en: 'Shelter for victims of trafficking, Almaty',
    },
    {
      regionCodes: ['KZ-ALA'],
      confidentialAddress: `Демо-адрес 7, вымышленный переулок, г. Алматы (${DEMO_ADDRESS_NOTE})`,
      capacity: 8,
    },
  ),
  org(
    'SHELTER-AKM-KOKSHETAU',
    'shelter',
    { ru: 'Приют (Кокшетау)', kk: 'Баспана (Көкшетау)', en: 'Shelter (Kokshetau)' },
    {
      ru: 'Приют для лиц, пострадавших от торговли людьми, Кокшетау',
      kk: 'Адам саудасынан зардап шеккендерге арналған баспана, Көкшетау',
      en: 'Shelter for victims of trafficking, Kokshetau',
    },
    {
      regionCodes: ['KZ-AKM'],
      confidentialAddress: `Демо-адрес 3, вымышленный проезд, г. Кокшетау (${DEMO_ADDRESS_NOTE})`,
      capacity: 10,
    },
  ),
  // Funded by the Aktobe regional akimat for victims of domestic violence and
  // trafficking (001_*.txt); a crisis centre, so it gets a confidential address.
  org(
    'CC-AKT-WSC',
    'crisis_centre',
    { ru: 'ЦПЖ (Актобе)', kk: 'ӘҚО (Ақтөбе)', en: 'WSC (Aktobe)' },
    {
      ru: 'Кризисный центр для жертв бытового насилия и торговли людьми «Центр поддержки женщин», Актобе',
      kk: '«Әйелдерді қолдау орталығы» тұрмыстық зорлық-зомбылық пен адам саудасы құрбандарына арналған дағдарыс орталығы, Ақтөбе',
      en: "Women's Support Centre crisis centre for victims of domestic violence and trafficking, Aktobe",
    },
    {
      regionCodes: ['KZ-AKT'],
      confidentialAddress: `Демо-адрес 21, вымышленная улица, г. Актобе (${DEMO_ADDRESS_NOTE})`,
      capacity: 15,
    },
  ),
  // Women's legal centre in Shymkent; it refers victims to a shelter there.
  org(
    'NGO-SANA-SEZIM',
    'ngo',
    { ru: 'Сана Сезим', kk: 'Сана Сезім', en: 'Sana Sezim' },
    {
      ru: 'Женский правовой центр «Сана Сезим»',
      kk: '«Сана Сезім» әйелдер құқықтық орталығы',
      en: "Sana Sezim Women's Legal Centre",
    },
    { regionCodes: ['KZ-SHY'] },
  ),
  // Implements the Almaty region akimat's assistance project (001_*.txt).
  org(
    'NGO-HEALTHY-CHOICE',
    'ngo',
    { ru: 'Здоровый выбор', kk: 'Салауатты таңдау', en: 'Healthy Choice' },
    {
      ru: 'Общественное объединение «Здоровый выбор»',
      kk: '«Салауатты таңдау» қоғамдық бірлестігі',
      en: 'Healthy Choice voluntary association',
    },
    { regionCodes: ['KZ-ALM'] },
  ),
  // Observer in the Inter-Agency Commission; called the OSCE Centre in Astana
  // until 2015, so older documents use that name.
  org(
    'IO-OSCE-POA',
    'international_organization',
    { ru: 'ОБСЕ', kk: 'ЕҚЫҰ', en: 'OSCE' },
    {
      ru: 'Офис программ ОБСЕ в Астане',
      kk: 'ЕҚЫҰ-ның Астанадағы бағдарламалар офисі',
      en: 'OSCE Programme Office in Astana',
    },
  ),
  org(
    'IO-IOM',
    'international_organization',
    { ru: 'МОМ', kk: 'ХКҰ', en: 'IOM' },
    {
      ru: 'Международная организация по миграции, представительство в Казахстане',
      kk: 'Халықаралық көші-қон ұйымының Қазақстандағы өкілдігі',
      en: 'International Organization for Migration, Kazakhstan office',
    },
  ),
];
