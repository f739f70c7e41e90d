import type {
  CriminalCodeArticleMappingSeed,
  CriminalCodeArticleSeed,
  CriminalCodeEdition,
  LocalizedText,
} from './seed-types.js';

// The 1997 Code (No. 167 of 16 July 1997) was replaced by the 2014 Code
// (No. 226-V of 3 July 2014) on 1 January 2015. Statistics before 2015 use
// the old numbering, so both editions are kept and mapped.
//
// maxPrisonYears is the highest term in the last wording we could confirm:
// for the 1997 Code, the 2006/2010 wording quoted in 003_*.txt (the 2013
// anti-trafficking law raised some penalties after that, so treat these as a
// floor); for the 2014 Code, 002_*.txt for art. 128, the published Kazakh
// text for art. 309, and for 125, 126 and 135 the 1997 maxima, which as far
// as we know the 2014 Code carried over. Null where we had no wording to
// check: an unknown term must not look like a real one when sentences are
// compared.

function article(
  edition: CriminalCodeEdition,
  ref: string,
  title: LocalizedText,
  category: CriminalCodeArticleSeed['category'],
  maxPrisonYears: number | null,
): CriminalCodeArticleSeed {
  return { edition, article: ref, title, category, maxPrisonYears };
}

const ORGAN_REMOVAL: LocalizedText = {
  ru: 'Принуждение к изъятию или незаконное изъятие органов и тканей человека',
  kk: 'Адамның ағзалары мен тіндерін алуға мәжбүрлеу немесе оларды заңсыз алу',
  en: 'Coercion to remove or unlawful removal of human organs and tissues',
};
const KIDNAPPING_FOR_EXPLOITATION: LocalizedText = {
  ru: 'Похищение человека с целью эксплуатации',
  kk: 'Адамды қанау мақсатында ұрлау',
  en: 'Kidnapping for the purpose of exploitation',
};
const DEPRIVATION_OF_LIBERTY_FOR_EXPLOITATION: LocalizedText = {
  ru: 'Незаконное лишение свободы с целью эксплуатации',
  kk: 'Қанау мақсатында бас бостандығынан заңсыз айыру',
  en: 'Unlawful deprivation of liberty for the purpose of exploitation',
};
const TRAFFICKING_IN_PERSONS: LocalizedText = {
  ru: 'Торговля людьми',
  kk: 'Адам саудасы',
  en: 'Trafficking in persons',
};
const MINOR_INTO_PROSTITUTION: LocalizedText = {
  ru: 'Вовлечение несовершеннолетнего в занятие проституцией',
  kk: 'Кәмелетке толмаған адамды жезөкшелікпен айналысуға тарту',
  en: 'Involving a minor in prostitution',
};
const TRAFFICKING_IN_MINORS: LocalizedText = {
  ru: 'Торговля несовершеннолетними',
  kk: 'Кәмелетке толмағандар саудасы',
  en: 'Trafficking in minors',
};
const INVOLVEMENT_IN_PROSTITUTION: LocalizedText = {
  ru: 'Вовлечение в занятие проституцией',
  kk: 'Жезөкшелікпен айналысуға тарту',
  en: 'Involvement in prostitution',
};
const BROTHELS_AND_PANDERING: LocalizedText = {
  ru: 'Организация или содержание притонов для занятия проституцией и сводничество',
  kk: 'Жезөкшелікпен айналысуға арналған притондар ұйымдастыру немесе оларды ұстау және жеңгетайлық',
  en: 'Organising or maintaining brothels for prostitution, and pandering',
};

// Organ removal is 'related', not 'thb': these articles punish removal as
// such, whoever the victim is and however they got there. Trafficking for
// organ removal is charged under the trafficking articles themselves
// (1997: 128(2)(g), 133(2)(g); 2014: the matching points of 128 and 135), so
// counting 113/116 as trafficking would inflate THB figures.
export const kazakhstanCriminalCodeArticles: CriminalCodeArticleSeed[] = [
  article('1997', '113', ORGAN_REMOVAL, 'related', 10),
  article('1997', '125(3)(b)', KIDNAPPING_FOR_EXPLOITATION, 'thb', 15),
  article('1997', '126(3)(b)', DEPRIVATION_OF_LIBERTY_FOR_EXPLOITATION, 'thb', 10),
  article('1997', '128', TRAFFICKING_IN_PERSONS, 'thb', 15),
  article('1997', '132-1', MINOR_INTO_PROSTITUTION, 'exploitation', null),
  article('1997', '133', TRAFFICKING_IN_MINORS, 'thb', 15),
  article('1997', '270', INVOLVEMENT_IN_PROSTITUTION, 'exploitation', 7),
  article('1997', '271', BROTHELS_AND_PANDERING, 'exploitation', 5),
  // No living victim: counted with the organ offences, never as trafficking.
  article(
    '1997',
    '275-1',
    {
      ru: 'Незаконное изъятие органов и тканей трупа человека',
      kk: 'Адам мәйітінің ағзалары мен тіндерін заңсыз алу',
      en: 'Unlawful removal of organs and tissues from a human corpse',
    },
    'related',
    7,
  ),

  article('2014', '116', ORGAN_REMOVAL, 'related', null),
  article('2014', '125(3)(2)', KIDNAPPING_FOR_EXPLOITATION, 'thb', 15),
  article('2014', '126(3)(2)', DEPRIVATION_OF_LIBERTY_FOR_EXPLOITATION, 'thb', 10),
  article('2014', '128', TRAFFICKING_IN_PERSONS, 'thb', 15),
  article('2014', '134', MINOR_INTO_PROSTITUTION, 'exploitation', null),
  article('2014', '135', TRAFFICKING_IN_MINORS, 'thb', 15),
  article('2014', '308', INVOLVEMENT_IN_PROSTITUTION, 'exploitation', null),
  // Part 1 is up to 5 years, the figure the seeds compare with art. 128;
  // part 3 (criminal group) goes to 10, which is the maximum recorded here.
  article('2014', '309', BROTHELS_AND_PANDERING, 'exploitation', 10),
];

export const kazakhstanCriminalCodeMappings: CriminalCodeArticleMappingSeed[] = [
  // Confirmed by the Government's 2016 report (001_*.txt), which reports
  // 2015 cases under art. 116 and notes no cases under old art. 113.
  { article1997: '113', article2014: '116' },
  { article1997: '125(3)(b)', article2014: '125(3)(2)' },
  { article1997: '126(3)(b)', article2014: '126(3)(2)' },
  { article1997: '128', article2014: '128' },
  // Both punish involving a minor in prostitution; the 2014 Code renumbered
  // the offences against minors, and the 2016 report uses 134 where earlier
  // lists (001_*.txt, note 9) used 132-1.
  { article1997: '132-1', article2014: '134' },
  { article1997: '133', article2014: '135' },
  { article1997: '270', article2014: '308' },
  { article1997: '271', article2014: '309' },
  // Doubtful: the 2014 Code has no separate article on organs taken from a
  // corpse, and we understand art. 116 to absorb it. Check the official text
  // before using this mapping for anything but grouping: a 275-1 case may
  // have no 2014 equivalent at all.
  { article1997: '275-1', article2014: '116' },
];
