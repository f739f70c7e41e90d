import type { RegionNameSeed, RegionSeed } from './seed-types.js';

// Codes: ISO 3166-2:KZ used three-letter codes (KZ-AKM...) from 1998 until the
// ISO newsletter of 2022-11-29 replaced them with the numeric KATO-based codes
// (KZ-11...). We keep the three-letter codes as our stable keys: statistics,
// akimat codes and other modules already refer to them, and a key must not
// change when ISO renumbers. The current ISO codes are in
// kazakhstanRegionIsoCodes below. KZ-TUR, KZ-ABY, KZ-ZHT and KZ-ULT were never
// ISO codes (ISO kept KZ-YUZ for Turkistan until 2022 and gave the 2022
// regions numeric codes only); they are codes of ours in the same style.
//
// Pre-1997 history: regions that existed at independence start on 1991-12-16.
// Their names are the forms in use from 1997 on; the Soviet-era names some of
// them still carried in 1992-1993 (Tselinograd, Guryev, Uralsk, Chimkent,
// Alma-Ata, Dzhambul) and the five oblasts abolished in April-May 1997
// (Kokshetau, Semipalatinsk, Taldykorgan, Turgay, Zhezkazgan) are not
// modelled: the system records nothing before 1997 and we could not pin
// those dates down reliably. The 1997-06-17 transcription change (Kustanai,
// Kzyl-Orda) falls inside the covered period, so it is modelled.

const INDEPENDENCE = '1991-12-16';
/** Presidential Decree No. 3550 of 17 June 1997 changed the Russian transcription of two oblast names. */
const TRANSCRIPTION_REFORM_1997 = '1997-06-17';
/** Capital moved from Almaty to Akmola (Decree No. 3700 of 20 October 1997, effective 10 December 1997). */
const CAPITAL_MOVED = '1997-12-10';
/** Akmola city renamed Astana (Decree of 6 May 1998). */
const AKMOLA_RENAMED_ASTANA = '1998-05-06';
/** Decree No. 702 of 19 June 2018: South Kazakhstan becomes Turkistan region, Shymkent a city of republican significance. */
const SOUTH_KAZAKHSTAN_SPLIT = '2018-06-19';
const ASTANA_RENAMED_NUR_SULTAN = '2019-03-23';
/** Decree of 4 May 2022 creating Abai, Zhetysu and Ulytau took effect on 8 June 2022. */
const NEW_REGIONS_2022 = '2022-06-08';
const NUR_SULTAN_RENAMED_ASTANA = '2022-09-17';

function name(
  ru: string,
  kk: string,
  en: string,
  validFrom: string,
  validTo: string | null,
): RegionNameSeed {
  return { name: { ru, kk, en }, validFrom, validTo };
}

// English forms follow gov.kz ("Zhambyl", "Zhetysu", "Turkistan", "Abai").
// Russian names of the 2022 regions keep the Kazakh letters, as the decree
// itself does ("область Жетісу", "область Ұлытау").
export const kazakhstanRegions: RegionSeed[] = [
  {
    code: 'KZ-AKM',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Акмолинская область', 'Ақмола облысы', 'Akmola Region', INDEPENDENCE, null)],
  },
  {
    code: 'KZ-AKT',
    kind: 'region',
    timeZone: 'Asia/Aqtobe',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Актюбинская область', 'Ақтөбе облысы', 'Aktobe Region', INDEPENDENCE, null)],
  },
  {
    // Continues after Jetisu was carved out of it in 2022 (its centre moved to Konaev).
    code: 'KZ-ALM',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Алматинская область', 'Алматы облысы', 'Almaty Region', INDEPENDENCE, null)],
  },
  {
    code: 'KZ-ATY',
    kind: 'region',
    timeZone: 'Asia/Atyrau',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Атырауская область', 'Атырау облысы', 'Atyrau Region', INDEPENDENCE, null)],
  },
  {
    // Continues after Abai was carved out of it in 2022.
    code: 'KZ-VOS',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [
      name(
        'Восточно-Казахстанская область',
        'Шығыс Қазақстан облысы',
        'East Kazakhstan Region',
        INDEPENDENCE,
        null,
      ),
    ],
  },
  {
    code: 'KZ-ZHA',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Жамбылская область', 'Жамбыл облысы', 'Zhambyl Region', INDEPENDENCE, null)],
  },
  {
    // Continues after Ulytau was carved out of it in 2022.
    code: 'KZ-KAR',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Карагандинская область', 'Қарағанды облысы', 'Karaganda Region', INDEPENDENCE, null)],
  },
  {
    code: 'KZ-KUS',
    kind: 'region',
    timeZone: 'Asia/Qostanay',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [
      name('Кустанайская область', 'Қостанай облысы', 'Kustanai Region', INDEPENDENCE, TRANSCRIPTION_REFORM_1997),
      name('Костанайская область', 'Қостанай облысы', 'Kostanay Region', TRANSCRIPTION_REFORM_1997, null),
    ],
  },
  {
    code: 'KZ-KZY',
    kind: 'region',
    timeZone: 'Asia/Qyzylorda',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [
      name('Кзыл-Ординская область', 'Қызылорда облысы', 'Kzyl-Orda Region', INDEPENDENCE, TRANSCRIPTION_REFORM_1997),
      name('Кызылординская область', 'Қызылорда облысы', 'Kyzylorda Region', TRANSCRIPTION_REFORM_1997, null),
    ],
  },
  {
    code: 'KZ-MAN',
    kind: 'region',
    timeZone: 'Asia/Aqtau',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Мангистауская область', 'Маңғыстау облысы', 'Mangystau Region', INDEPENDENCE, null)],
  },
  {
    code: 'KZ-SEV',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [
      name(
        'Северо-Казахстанская область',
        'Солтүстік Қазақстан облысы',
        'North Kazakhstan Region',
        INDEPENDENCE,
        null,
      ),
    ],
  },
  {
    code: 'KZ-PAV',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Павлодарская область', 'Павлодар облысы', 'Pavlodar Region', INDEPENDENCE, null)],
  },
  {
    code: 'KZ-ZAP',
    kind: 'region',
    timeZone: 'Asia/Oral',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [
      name(
        'Западно-Казахстанская область',
        'Батыс Қазақстан облысы',
        'West Kazakhstan Region',
        INDEPENDENCE,
        null,
      ),
    ],
  },
  {
    // Legally the 2018 decree renamed the oblast and moved its centre, but it
    // also took Shymkent (most of its population) out of it. Figures for
    // "South Kazakhstan" are therefore not comparable with Turkistan's, so we
    // end the region and record both successors instead of renaming it.
    code: 'KZ-YUZ',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: SOUTH_KAZAKHSTAN_SPLIT,
    succeededBy: ['KZ-TUR', 'KZ-SHY'],
    names: [
      name(
        'Южно-Казахстанская область',
        'Оңтүстік Қазақстан облысы',
        'South Kazakhstan Region',
        INDEPENDENCE,
        SOUTH_KAZAKHSTAN_SPLIT,
      ),
    ],
  },
  {
    code: 'KZ-TUR',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: SOUTH_KAZAKHSTAN_SPLIT,
    validTo: null,
    succeededBy: [],
    names: [name('Туркестанская область', 'Түркістан облысы', 'Turkistan Region', SOUTH_KAZAKHSTAN_SPLIT, null)],
  },
  {
    code: 'KZ-ABY',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: NEW_REGIONS_2022,
    validTo: null,
    succeededBy: [],
    names: [name('область Абай', 'Абай облысы', 'Abai Region', NEW_REGIONS_2022, null)],
  },
  {
    code: 'KZ-ZHT',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: NEW_REGIONS_2022,
    validTo: null,
    succeededBy: [],
    names: [name('область Жетісу', 'Жетісу облысы', 'Zhetysu Region', NEW_REGIONS_2022, null)],
  },
  {
    code: 'KZ-ULT',
    kind: 'region',
    timeZone: 'Asia/Almaty',
    validFrom: NEW_REGIONS_2022,
    validTo: null,
    succeededBy: [],
    names: [name('область Ұлытау', 'Ұлытау облысы', 'Ulytau Region', NEW_REGIONS_2022, null)],
  },
  {
    // One row for the capital across all its names, so that cases keep their
    // region when the city is renamed. It starts when the capital moved: until
    // then Akmola city was part of Akmola region. The name in force on the
    // move date was still Akmola, hence four names rather than three.
    code: 'KZ-AST',
    kind: 'city',
    timeZone: 'Asia/Almaty',
    validFrom: CAPITAL_MOVED,
    validTo: null,
    succeededBy: [],
    names: [
      name('Акмола', 'Ақмола', 'Akmola', CAPITAL_MOVED, AKMOLA_RENAMED_ASTANA),
      name('Астана', 'Астана', 'Astana', AKMOLA_RENAMED_ASTANA, ASTANA_RENAMED_NUR_SULTAN),
      name('Нур-Султан', 'Нұр-Сұлтан', 'Nur-Sultan', ASTANA_RENAMED_NUR_SULTAN, NUR_SULTAN_RENAMED_ASTANA),
      name('Астана', 'Астана', 'Astana', NUR_SULTAN_RENAMED_ASTANA, null),
    ],
  },
  {
    code: 'KZ-ALA',
    kind: 'city',
    timeZone: 'Asia/Almaty',
    validFrom: INDEPENDENCE,
    validTo: null,
    succeededBy: [],
    names: [name('Алматы', 'Алматы', 'Almaty', INDEPENDENCE, null)],
  },
  {
    code: 'KZ-SHY',
    kind: 'city',
    timeZone: 'Asia/Almaty',
    validFrom: SOUTH_KAZAKHSTAN_SPLIT,
    validTo: null,
    succeededBy: [],
    names: [name('Шымкент', 'Шымкент', 'Shymkent', SOUTH_KAZAKHSTAN_SPLIT, null)],
  },
];

/**
 * Current ISO 3166-2:KZ code of each region valid today, for exchanging data
 * with systems that use ISO codes. Ended regions have none: KZ-YUZ ended
 * before ISO went numeric.
 */
export const kazakhstanRegionIsoCodes: Readonly<Record<string, string>> = {
  'KZ-ABY': 'KZ-10',
  'KZ-AKM': 'KZ-11',
  'KZ-AKT': 'KZ-15',
  'KZ-ALM': 'KZ-19',
  'KZ-ATY': 'KZ-23',
  'KZ-ZAP': 'KZ-27',
  'KZ-ZHA': 'KZ-31',
  'KZ-ZHT': 'KZ-33',
  'KZ-KAR': 'KZ-35',
  'KZ-KUS': 'KZ-39',
  'KZ-KZY': 'KZ-43',
  'KZ-MAN': 'KZ-47',
  'KZ-PAV': 'KZ-55',
  'KZ-SEV': 'KZ-59',
  'KZ-TUR': 'KZ-61',
  'KZ-ULT': 'KZ-62',
  'KZ-VOS': 'KZ-63',
  'KZ-AST': 'KZ-71',
  'KZ-ALA': 'KZ-75',
  'KZ-SHY': 'KZ-79',
};
