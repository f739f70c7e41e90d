import { describe, expect, it } from 'vitest';
import { printedWordsIn } from '../../server/platform/printed-words.js';
import { personIdentitySchema } from '../person.schemas.js';
import { identityInWords } from './identity-in-words.js';

const identity = personIdentitySchema.parse({
  names: [
    { family: 'Karimova', given: 'Dilnoza', basis: 'documented' },
    { family: 'Каримова', given: 'Дилноза', kind: 'spelling', basis: 'documented' },
  ],
  birthDate: { value: '1999', basis: 'estimated' },
  citizenships: ['UZB'],
  documents: [{ type: 'passport', number: 'FA7654321', issuingCountry: 'UZB', heldBy: 'withheld' }],
  contacts: [{ kind: 'messenger', value: '@dilnoza99' }],
  addresses: [{ kind: 'home_country', text: 'Самарканд, ул. Регистан 1' }],
});

describe('an identity in words', () => {
  it('says in Russian what each item is and how far it can be relied on', () => {
    expect(identityInWords(identity, printedWordsIn('ru'))).toEqual({
      names: ['Karimova Dilnoza (Основное имя; По документам)', 'Каримова Дилноза (Другое написание (другой алфавит); По документам)'],
      birthDate: '1999 (Оценка)',
      citizenships: ['Узбекистан'],
      documents: ['Паспорт FA7654321, выдан: Узбекистан (Удерживает работодатель или торговец людьми)'],
      contacts: ['Мессенджер: @dilnoza99'],
      addresses: ['Адрес в стране происхождения: Самарканд, ул. Регистан 1'],
    });
  });

  it('has the words in English and in Kazakh too, not the codes', () => {
    const english = identityInWords(identity, printedWordsIn('en'));
    expect(english.documents).toEqual(['Passport FA7654321, issued by Uzbekistan (Kept by an employer or trafficker)']);
    expect(english.addresses).toEqual(['Address in the country of origin: Самарканд, ул. Регистан 1']);
    const kazakh = JSON.stringify(identityInWords(identity, printedWordsIn('kk')));
    for (const code of ['home_country', 'messenger', 'withheld', 'estimated', 'spelling', 'UZB']) {
      expect(kazakh).not.toContain(code);
    }
    expect(kazakh).toContain('Шыққан еліндегі мекенжайы');
  });
});
