// Normalization for exact-match blind indexes. Names of victims reach Senim in
// Russian and Kazakh Cyrillic, in Uzbek, Tajik and Kyrgyz spellings, and in
// several Latin transliterations (ICAO Doc 9303 in current passports, the older
// Russian MVD system, French-style, US ICS-630-01, Uzbek and Kazakh Latin, and
// whatever a caseworker types). The name key is a Latin skeleton that these
// spellings share; it is never shown to anyone, only hashed. Matching that
// needs similarity rather than equality (Jamila / Джамиля, Ivanov / Ivanova,
// -ov / -uly surnames) belongs to q-gram comparison, not to this key.
//
// Rules, in order, with the reason for each (see reference/standards.md §7):
//  1. NFKC and lower case: full-width letters, ligatures and case stop mattering.
//  2. Uzbek Latin o' / oʻ becomes u: it is the letter ў, written U in Russian
//     documents. Uzbek names are far more frequent here than Irish O'Briens.
//  3. A Latin x or j is ambiguous and gets a reading (see LatinReading): by
//     default x = kh (Uzbek Latin: Xurshid) and j = zh (Kazakh and Uzbek Latin,
//     English: Janna, Jamshid).
//  4. Cyrillic is transliterated letter by letter. Kazakh, Kyrgyz, Uzbek and
//     Tajik letters fold to their base letters as Kazakh practice and ICAO do
//     (ә a, ғ g, қ k, ң n, ө o, ұ ү u, һ h, і i, ў u, ҳ h, ӣ i, ӯ u), except
//     ҷ, which sounds and is romanized as j. Ё becomes yo so that the rule for
//     Latin yo (9) applies to it; soft and hard signs vanish (ICAO drops Ь, and
//     Ъ is too rare in names to be worth ICAO's IE).
//  5. Accents are stripped after spelling out the letters whose plain form
//     would mislead: Turkish/Kazakh Latin ş ç become sh ch, dotless ı becomes i.
//  6. Punctuation, apostrophes and hyphens are removed (Anna-Maria = Annamaria,
//     Ol'ga = Olga); whitespace is collapsed.
//  7. Digraph families merge: shch/sch/sh → sh, tch → ch, dzh/zh/j → j,
//     kh/h → h, gh → g (ICS writes ғ as gh). ng is kept: folding it to n
//     would merge names that Cyrillic spells with нг (Ангелина).
//  8. English and German habits: c (not in ch) and ck → k, q → k, w → v, and
//     French ou → u (Nursoultan, Aigoul; Cyrillic names almost never hold оу).
//  9. yo → e: ICAO writes ё as e (Artem, Alena), the MVD system as yo (Artyom, Alyona).
// 10. y → i everywhere: й, ы and y at syllable ends (Aigul / Aygul, Sergei /
//     Sergey), and ya/yu = ia/iu (Natalya / Natalia, Yuriy / Iurii).
// 11. Double letters collapse (Анна / Ana, Assel / Asel: Kazakh passports double
//     an s between vowels); then ie → e (Yerlan / Erlan, Vasilyevich /
//     Vasilevich, Sergeyevna / Sergeevna) and doubles collapse again.

export class NormalizationError extends Error {
  override name = 'NormalizationError';
}

/**
 * How to read the Latin letters whose sound depends on the writer: x is kh in
 * Uzbek Latin (Xolmatov) but ks in English (Maxim); j is zh/dzh in Kazakh,
 * Uzbek and English (Janna, Jamshid) but й in German and Slavic (Julia, Natalja).
 */
export interface LatinReading {
  x: 'kh' | 'ks';
  j: 'zh' | 'y';
}

export const PRIMARY_READING: LatinReading = Object.freeze({ x: 'kh', j: 'zh' });

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh and Kyrgyz
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
  // Uzbek and Tajik
  ў: 'u', ҳ: 'h', ҷ: 'dzh', ӣ: 'i', ӯ: 'u',
  // Ukrainian, Belarusian, Serbian and Macedonian spellings of shared names
  є: 'ye', ї: 'yi', ґ: 'g', ј: 'y',
};

const LATIN_SPELLED_OUT: Readonly<Record<string, string>> = {
  ş: 'sh', ș: 'sh', ç: 'ch', ı: 'i', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l',
};

const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch|sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh|zh/g, 'j'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/ck/g, 'k'],
  [/c(?!h)/g, 'k'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/ou/g, 'u'],
  [/yo/g, 'e'],
  [/y/g, 'i'],
  [/(\p{L})\1+/gu, '$1'],
  [/ie/g, 'e'],
  [/(\p{L})\1+/gu, '$1'],
];

/** The Latin skeleton of a name, or '' when nothing of it is left (a dash, punctuation). */
export function normalizeName(name: string, reading: LatinReading = PRIMARY_READING): string {
  let text = name.normalize('NFKC').toLowerCase();
  text = text.replace(/o[ʻʼ'’‘`]/g, 'u');
  text = text.replace(/x/g, reading.x).replace(/j/g, reading.j);
  text = replaceLetters(text, CYRILLIC_TO_LATIN);
  text = replaceLetters(text, LATIN_SPELLED_OUT);
  text = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s]|\p{Lm}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  for (const [pattern, replacement] of FOLDS) {
    text = text.replace(pattern, replacement);
  }
  return text;
}

/**
 * The readings worth indexing for a spelling: the primary one, plus the other
 * readings of x and j when the text contains them. One spelling of a name
 * follows one convention, so a reading applies to the whole text.
 */
export function latinReadings(text: string): LatinReading[] {
  const lower = text.normalize('NFKC').toLowerCase();
  const xs: LatinReading['x'][] = lower.includes('x') ? ['kh', 'ks'] : ['kh'];
  const js: LatinReading['j'][] = lower.includes('j') ? ['zh', 'y'] : ['zh'];
  return xs.flatMap((x) => js.map((j) => ({ x, j })));
}

// Letters that look the same in Cyrillic and Latin, as typed from a document on
// the wrong keyboard layout. Н maps to N, not to its look-alike H: Kazakh
// passports start with N and Kyrgyz ones with AN, and on a Cyrillic layout Н is
// the letter that sounds like N; no document series in scope uses a Latin H.
const DOCUMENT_LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'N', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
};

/**
 * Document numbers: upper case, look-alike Cyrillic letters as Latin, and no
 * spaces, dashes or other separators. A leading numero sign (№, No., Nº) is
 * dropped because it labels the number and is not part of it; a bare N is
 * kept, since Kazakh passport numbers begin with N and are often written
 * "N 1234 5678".
 */
export function normalizeDocumentNumber(value: string): string {
  // № must go before NFKC, which would turn it into the letters "No".
  const withoutSign = value.trim().replace(/^№\s*/u, '');
  const upper = withoutSign.normalize('NFKC').toUpperCase();
  // Only with a dot or space after it: "NO1234567" may be an N passport number with a mistyped zero.
  const withoutLabel = upper.replace(/^N[Oº°](?:\.|\s)\s*/u, '');
  return replaceLetters(withoutLabel, DOCUMENT_LOOKALIKES).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Phone numbers as international digits without "+". The +7 zone (Kazakhstan
 * and Russia) dials 8 as the trunk prefix and 8 10 for abroad, and Kazakh
 * numbers are often written without the country code (701 234 5678). Other
 * countries keep whatever digits were given, country code included when it was.
 */
export function normalizePhone(value: string): string {
  let digits = value.replace(/\D/g, '');
  const international = /^\s*\+/.test(value);
  if (!international) {
    if (digits.startsWith('00')) {
      digits = digits.slice(2);
    } else if (digits.startsWith('810') && digits.length > 11) {
      digits = digits.slice(3);
    } else if (digits.length === 11 && digits.startsWith('8')) {
      digits = `7${digits.slice(1)}`;
    } else if (digits.length === 10 && digits.startsWith('7')) {
      digits = `7${digits}`;
    }
  }
  return digits;
}

const EARLIEST_BIRTH_YEAR = 1900;

/**
 * A birth date, full or partial, as 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'. Victims
 * often know only the year or the month, and documents use DD.MM.YYYY. The
 * error message never repeats the value: a birth date is identifying data.
 */
export function normalizeBirthDate(value: string): string {
  const text = value.trim();
  const parts =
    /^(?<year>\d{4})(?:-(?<month>\d{2})(?:-(?<day>\d{2}))?)?$/.exec(text)?.groups ??
    /^(?:(?<day>\d{1,2})\.)?(?<month>\d{1,2})\.(?<year>\d{4})$/.exec(text)?.groups;
  const invalid = new NormalizationError(
    'A birth date must be a real date written YYYY-MM-DD, DD.MM.YYYY, YYYY-MM, MM.YYYY or YYYY',
  );
  if (parts?.year === undefined) {
    throw invalid;
  }
  const year = Number(parts.year);
  if (year < EARLIEST_BIRTH_YEAR || year > new Date().getUTCFullYear()) {
    throw invalid;
  }
  if (parts.month === undefined) {
    return parts.year;
  }
  const month = Number(parts.month);
  if (month < 1 || month > 12) {
    throw invalid;
  }
  const yearMonth = `${parts.year}-${String(month).padStart(2, '0')}`;
  if (parts.day === undefined) {
    return yearMonth;
  }
  const day = Number(parts.day);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    throw invalid;
  }
  return `${yearMonth}-${String(day).padStart(2, '0')}`;
}

function replaceLetters(text: string, table: Readonly<Record<string, string>>): string {
  let result = '';
  for (const character of text) {
    result += table[character] ?? character;
  }
  return result;
}
