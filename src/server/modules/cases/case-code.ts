import { randomInt } from 'node:crypto';

// A case code is what people say on the phone and print on paper instead of a
// name: short, unambiguous (Crockford's alphabet has no I, L, O, U) and
// random, so it says nothing about the person or about how many cases exist.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCaseCode(regionCode: string, year: number): string {
  let random = '';
  for (let index = 0; index < 6; index += 1) {
    random += alphabet[randomInt(alphabet.length)];
  }
  return `${regionCode.replace(/^KZ-/, '')}-${String(year % 100).padStart(2, '0')}-${random}`;
}
