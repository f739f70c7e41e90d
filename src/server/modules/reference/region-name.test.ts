import { describe, expect, it } from 'vitest';
import { nameOn } from './region-name.js';

const capital = [
  { name: 'Astana', validFrom: '1998-05-06', validTo: '2019-03-23' },
  { name: 'Nur-Sultan', validFrom: '2019-03-23', validTo: '2022-09-17' },
  { name: 'Astana', validFrom: '2022-09-17', validTo: null },
];

describe('the name a region bore on a day', () => {
  it('follows the capital through its two renamings', () => {
    expect(nameOn(capital, '2010-01-01')).toBe('Astana');
    expect(nameOn(capital, '2019-03-22')).toBe('Astana');
    expect(nameOn(capital, '2019-03-23')).toBe('Nur-Sultan');
    expect(nameOn(capital, '2022-09-16')).toBe('Nur-Sultan');
    expect(nameOn(capital, '2022-09-17')).toBe('Astana');
  });

  it('keeps the last name of a region that has ended and the first before it began', () => {
    const southKazakhstan = [{ name: 'South Kazakhstan', validFrom: '1992-05-07', validTo: '2018-06-19' }];
    expect(nameOn(southKazakhstan, '2024-01-01')).toBe('South Kazakhstan');
    expect(nameOn(southKazakhstan, '1991-01-01')).toBe('South Kazakhstan');
  });

  it('has no name for a region without names', () => {
    expect(nameOn([], '2024-01-01')).toBeUndefined();
  });
});
