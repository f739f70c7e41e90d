import { describe, expect, it } from 'vitest';
import {
  NormalizationError,
  latinReadings,
  normalizeBirthDate,
  normalizeDocumentNumber,
  normalizeName,
  normalizePhone,
} from './name-normalization.js';

// Each row: spellings of one name met in documents, registers and intake notes.
const sameName: ReadonlyArray<readonly string[]> = [
  ['Айгүл', 'Айгуль', 'Айгул', 'Aigul', 'Aygul', 'AIGUL', 'Aigoul', 'ＡＩＧＵＬ'],
  ['Нурсултан', 'Нұрсұлтан', 'Nursultan', 'Nursoultan'],
  ['Жанна', 'Zhanna', 'Janna'],
  ['Халима', 'Ҳалима', 'Halima', 'Khalima', 'Xalima'],
  ['Ербол', 'Yerbol', 'Erbol'],
  ['Алёна', 'Алена', 'Alyona', 'Alena'],
  ['Артём', 'Artyom', 'Artem'],
  ['Эльмира', 'Elmira', "El'mira"],
  ['Юрий', 'Yuriy', 'Iurii', 'Yuri', 'Yury'],
  ['Наталья', 'Natalya', 'Natalia', 'Nataliya'],
  ['Татьяна', 'Tatyana', 'Tatiana'],
  ['Михаил', 'Mikhail', 'Mihail'],
  ['Сергеевна', 'Sergeyevna', 'Sergeevna'],
  ['Васильевич', 'Vasilyevich', 'Vasilievich', 'Vasilevich'],
  ['Ўктам', 'Oʻktam', "O'ktam", 'Uktam'],
  ['Ғалым', 'Galym', 'Ghalym', 'Ğalym'],
  ['Қайрат', 'Kairat', 'Qairat', 'Kayrat'],
  ['Әсел', 'Asel', 'Assel', 'Äsel'],
  ['Өмірбек', 'Omirbek', 'Ömirbek'],
  ['Шахзод', 'Shaxzod', 'Shakhzod', 'Shahzod', 'Şahzod'],
  ['Ҷамшед', 'Джамшед', 'Jamshed', 'Dzhamshed', 'Djamshed'],
  ['Щукин', 'Shchukin', 'Schukin'],
  ['Виктория', 'Viktoriya', 'Victoria'],
  ['Мария', 'Maria', 'Mariya', 'Mariia'],
  ['Ольга', "Ol'ga", 'Olga', 'OLGA'],
  ['Абу-Бакир', 'Abu-Bakir', 'Abubakir'],
];

// Different people: a look-up for one must not return the other.
const differentNames: ReadonlyArray<readonly [string, string]> = [
  ['Anna', 'Alina'],
  ['Ivanov', 'Ivanova'],
  ['Nurlan', 'Nurlanov'],
  ['Aigul', 'Aigerim'],
  ['Asel', 'Asem'],
  ['Мария', 'Марина'],
  ['Diana', 'Dana'],
  ['Serik', 'Sergei'],
  ['Жанна', 'Яна'],
  ['Ali', 'Alia'],
];

describe('name keys for exact look-ups', () => {
  it.each(sameName.map((spellings) => [spellings[0], spellings] as const))(
    'a caseworker searching for any spelling of %s finds the others',
    (_name, spellings) => {
      const keys = new Set(spellings.map((spelling) => normalizeName(spelling)));
      expect([...keys]).toHaveLength(1);
    },
  );

  it.each(differentNames)('%s and %s stay apart', (one, other) => {
    expect(normalizeName(one)).not.toBe(normalizeName(other));
  });

  it('a caseworker searches for Айгуль and finds the record entered as Aigul', () => {
    expect(normalizeName('Айгуль')).toBe(normalizeName('Aigul'));
    expect(normalizeName('Айгуль')).toBe('aigul');
  });

  it('spaces are tidied but kept between words; punctuation alone leaves nothing', () => {
    expect(normalizeName('  Анна \t Мария ')).toBe('ana maria');
    expect(normalizeName('—')).toBe('');
    expect(normalizeName('?')).toBe('');
  });

  it('a name in a script Senim does not transliterate still matches itself exactly', () => {
    expect(normalizeName('محمد')).toBe('محمد');
    expect(normalizeName('محمد')).not.toBe('');
  });

  it('an English Maxim and a German Julia match the Cyrillic spelling under the other reading of x and j', () => {
    expect(latinReadings('Maxim')).toEqual([
      { x: 'kh', j: 'zh' },
      { x: 'ks', j: 'zh' },
    ]);
    expect(latinReadings('Айгуль')).toEqual([{ x: 'kh', j: 'zh' }]);
    expect(normalizeName('Maxim', { x: 'ks', j: 'zh' })).toBe(normalizeName('Максим'));
    expect(normalizeName('Julia', { x: 'kh', j: 'y' })).toBe(normalizeName('Юлия'));
    expect(normalizeName('Xolmatov')).toBe(normalizeName('Холматов'));
  });
});

describe('document numbers', () => {
  it.each([
    ['N 1234 5678', 'N12345678'],
    ['н12345678', 'N12345678'],
    ['№ 012345678', '012345678'],
    ['No. 012345678', '012345678'],
    ['АА 123-45-67', 'AA1234567'],
    ['ac1234567', 'AC1234567'],
    ['45 10 / 123456', '4510123456'],
    ['II-МЮ 123456', 'IIMЮ123456'],
  ])('%s is stored as %s', (typed, normalized) => {
    expect(normalizeDocumentNumber(typed)).toBe(normalized);
  });

  it('an Uzbek passport typed on a Cyrillic keyboard matches the one typed in Latin', () => {
    expect(normalizeDocumentNumber('АВ 1234567')).toBe(normalizeDocumentNumber('ab1234567'));
  });
});

describe('phone numbers', () => {
  it.each([
    ['8 701 234 56 78', '77012345678'],
    ['+7 (701) 234-56-78', '77012345678'],
    ['701 234 5678', '77012345678'],
    ['8 (7172) 55-44-33', '77172554433'],
    ['8 916 123 45 67', '79161234567'],
    ['+996 555 123 456', '996555123456'],
    ['00 998 90 123 45 67', '998901234567'],
    ['8 10 996 555 123 456', '996555123456'],
    ['+86 138 0013 8000', '8613800138000'],
  ])('%s is stored as %s', (typed, normalized) => {
    expect(normalizePhone(typed)).toBe(normalized);
  });
});

describe('birth dates', () => {
  it.each([
    ['1999-04-12', '1999-04-12'],
    ['12.04.1999', '1999-04-12'],
    ['2.4.1999', '1999-04-02'],
    ['1999-04', '1999-04'],
    ['04.1999', '1999-04'],
    ['1999', '1999'],
    [' 2000-02-29 ', '2000-02-29'],
  ])('%s is stored as %s', (typed, normalized) => {
    expect(normalizeBirthDate(typed)).toBe(normalized);
  });

  it.each(['2019-02-30', '30.02.2019', '1900-02-29', '2019-13', '2019-00-10', '31.04.2001', '1899', '12/04/1999', '', 'unknown'])(
    '%s is refused',
    (typed) => {
      expect(() => normalizeBirthDate(typed)).toThrow(NormalizationError);
    },
  );

  it('refuses a year in the future, and the error does not repeat the date', () => {
    const nextYear = String(new Date().getUTCFullYear() + 1);
    expect(() => normalizeBirthDate(nextYear)).toThrow(NormalizationError);
    let message = '';
    try {
      normalizeBirthDate('2019-02-30');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('YYYY-MM-DD');
    expect(message).not.toContain('2019');
  });
});
