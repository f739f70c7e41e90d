import { describe, it, expect } from 'vitest';
import { kazakhstanRegionIsoCodes, kazakhstanRegions } from './regions.js';
import {
  demoServiceOrganizations,
  kazakhstanAkimats,
  kazakhstanStateBodies,
  kazakhstanStateBodyAliases,
} from './organizations.js';
import { kazakhstanCriminalCodeArticles, kazakhstanCriminalCodeMappings } from './criminal-code.js';
import type { LocalizedText, OrganizationSeed, RegionSeed } from './seed-types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Kazakh must be written in Cyrillic; a Latin-only value means a copy-paste slip.
const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

const allOrganizations: OrganizationSeed[] = [
  ...kazakhstanStateBodies,
  ...kazakhstanAkimats,
  ...demoServiceOrganizations,
];
const regionByCode = new Map(kazakhstanRegions.map((r) => [r.code, r]));
const orgByCode = new Map(allOrganizations.map((o) => [o.code, o]));

function isValidDate(value: string): boolean {
  if (!ISO_DATE.test(value)) {
    return false;
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Validity is [validFrom, validTo): ISO dates compare correctly as strings. */
function validOn(item: { validFrom: string; validTo: string | null }, date: string): boolean {
  return item.validFrom <= date && (item.validTo === null || date < item.validTo);
}

function regionsValidOn(date: string): RegionSeed[] {
  return kazakhstanRegions.filter((r) => validOn(r, date));
}

function nameOn(code: string, date: string): LocalizedText | undefined {
  return regionByCode.get(code)?.names.find((n) => validOn(n, date))?.name;
}

function expectFilled(text: LocalizedText, where: string): void {
  for (const lang of ['ru', 'kk', 'en'] as const) {
    expect(text[lang].trim(), `${where} ${lang}`).not.toBe('');
  }
  expect(text.kk, `${where} kk`).toMatch(CYRILLIC);
  expect(text.ru, `${where} ru`).toMatch(CYRILLIC);
}

describe('Kazakhstan regions', () => {
  it('has unique codes', () => {
    const codes = kazakhstanRegions.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses well-formed dates and a non-empty validity', () => {
    for (const region of kazakhstanRegions) {
      expect(isValidDate(region.validFrom), region.code).toBe(true);
      if (region.validTo !== null) {
        expect(isValidDate(region.validTo), region.code).toBe(true);
        expect(region.validFrom < region.validTo, region.code).toBe(true);
      }
    }
  });

  it('has names covering each region validity without gaps or overlaps', () => {
    for (const region of kazakhstanRegions) {
      const { names } = region;
      expect(names.length, region.code).toBeGreaterThan(0);
      expect(names[0]?.validFrom, region.code).toBe(region.validFrom);
      expect(names[names.length - 1]?.validTo, region.code).toBe(region.validTo);
      names.forEach((entry, i) => {
        expect(isValidDate(entry.validFrom), region.code).toBe(true);
        if (entry.validTo !== null) {
          expect(entry.validFrom < entry.validTo, region.code).toBe(true);
        }
        // Only the last name may be open-ended, and each next name starts where the previous stops.
        const next = names[i + 1];
        if (next) {
          expect(next.validFrom, `${region.code} name ${i + 1}`).toBe(entry.validTo);
        }
        expectFilled(entry.name, `${region.code} name ${i}`);
      });
    }
  });

  it('references existing successors, which start when the predecessor ends', () => {
    for (const region of kazakhstanRegions) {
      if (region.validTo === null) {
        expect(region.succeededBy, region.code).toEqual([]);
        continue;
      }
      expect(region.succeededBy.length, region.code).toBeGreaterThan(0);
      for (const code of region.succeededBy) {
        const successor = regionByCode.get(code);
        expect(successor, `${region.code} -> ${code}`).toBeDefined();
        expect(successor?.validFrom, `${region.code} -> ${code}`).toBe(region.validTo);
      }
    }
  });

  it('uses time zones the runtime knows', () => {
    for (const region of kazakhstanRegions) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: region.timeZone }), region.code).not.toThrow();
      expect(region.timeZone.startsWith('Asia/'), region.code).toBe(true);
    }
  });

  it('has 17 regions and 3 cities of republican significance on 2026-01-01', () => {
    const valid = regionsValidOn('2026-01-01');
    expect(valid.filter((r) => r.kind === 'region')).toHaveLength(17);
    expect(valid.filter((r) => r.kind === 'city').map((r) => r.code).sort()).toEqual([
      'KZ-ALA',
      'KZ-AST',
      'KZ-SHY',
    ]);
  });

  it('had 14 regions and 2 cities before the 2018 split', () => {
    const valid = regionsValidOn('2018-06-18');
    expect(valid.filter((r) => r.kind === 'region')).toHaveLength(14);
    expect(valid.filter((r) => r.kind === 'city')).toHaveLength(2);
    expect(valid.some((r) => r.code === 'KZ-YUZ')).toBe(true);
    expect(regionsValidOn('2018-06-19').some((r) => r.code === 'KZ-YUZ')).toBe(false);
  });

  it('keeps the parent regions of 2022 alive', () => {
    for (const code of ['KZ-VOS', 'KZ-ALM', 'KZ-KAR']) {
      expect(regionByCode.get(code)?.validTo, code).toBeNull();
    }
    for (const code of ['KZ-ABY', 'KZ-ZHT', 'KZ-ULT']) {
      expect(regionByCode.get(code)?.validFrom, code).toBe('2022-06-08');
    }
  });

  it('names the capital by date in one row', () => {
    expect(kazakhstanRegions.filter((r) => r.code === 'KZ-AST')).toHaveLength(1);
    expect(nameOn('KZ-AST', '2019-06-01')?.en).toBe('Nur-Sultan');
    expect(nameOn('KZ-AST', '2019-03-22')?.en).toBe('Astana');
    expect(nameOn('KZ-AST', '2022-09-16')?.en).toBe('Nur-Sultan');
    expect(nameOn('KZ-AST', '2022-09-17')?.en).toBe('Astana');
    expect(nameOn('KZ-AST', '2026-01-01')?.ru).toBe('Астана');
  });

  it('maps every region valid today, and only those, to a distinct current ISO code', () => {
    const today = regionsValidOn('2026-01-01').map((r) => r.code).sort();
    expect(Object.keys(kazakhstanRegionIsoCodes).sort()).toEqual(today);
    const iso = Object.values(kazakhstanRegionIsoCodes);
    expect(new Set(iso).size).toBe(iso.length);
    for (const code of iso) {
      expect(code).toMatch(/^KZ-\d{2}$/);
    }
  });
});

describe('Kazakhstan organizations', () => {
  it('has unique codes across all lists', () => {
    const codes = allOrganizations.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('references existing regions and parents', () => {
    for (const org of allOrganizations) {
      for (const code of org.regionCodes) {
        expect(regionByCode.has(code), `${org.code} region ${code}`).toBe(true);
      }
      if (org.parentCode !== null) {
        expect(orgByCode.has(org.parentCode), `${org.code} parent ${org.parentCode}`).toBe(true);
        expect(org.parentCode, org.code).not.toBe(org.code);
      }
    }
  });

  it('has no parent cycles', () => {
    for (const org of allOrganizations) {
      const seen = new Set<string>();
      let current: OrganizationSeed | undefined = org;
      while (current?.parentCode) {
        expect(seen.has(current.code), `cycle through ${org.code}`).toBe(false);
        seen.add(current.code);
        current = orgByCode.get(current.parentCode);
      }
    }
  });

  it('fills every name and abbreviation in three languages', () => {
    for (const org of allOrganizations) {
      for (const lang of ['ru', 'kk', 'en'] as const) {
        expect(org.name[lang].trim(), `${org.code} name ${lang}`).not.toBe('');
        expect(org.abbreviation[lang].trim(), `${org.code} abbreviation ${lang}`).not.toBe('');
      }
      expect(org.name.kk, org.code).toMatch(CYRILLIC);
      expect(org.name.ru, org.code).toMatch(CYRILLIC);
    }
  });

  it('marks "(by agreement)" bodies as the Action Plan does', () => {
    for (const code of ['PGO', 'SC', 'NSC', 'NCWDP', 'HRC']) {
      expect(orgByCode.get(code)?.byAgreement, code).toBe(true);
    }
    for (const code of ['MIA', 'MJ', 'MFA', 'MLSP', 'MES', 'MH', 'MCI']) {
      expect(orgByCode.get(code)?.byAgreement, code).toBe(false);
    }
    expect(orgByCode.get('PGO-CLSSA')?.parentCode).toBe('PGO');
    expect(orgByCode.get('NSC-BS')?.parentCode).toBe('NSC');
  });

  it('resolves every alias to a state body', () => {
    for (const [alias, code] of Object.entries(kazakhstanStateBodyAliases)) {
      expect(kazakhstanStateBodies.some((b) => b.code === code), alias).toBe(true);
    }
  });

  it('has one akimat per region valid today', () => {
    const today = regionsValidOn('2026-01-01').map((r) => r.code).sort();
    expect(kazakhstanAkimats.flatMap((a) => a.regionCodes).sort()).toEqual(today);
    for (const akimat of kazakhstanAkimats) {
      expect(akimat.kind).toBe('akimat');
      expect(akimat.regionCodes).toHaveLength(1);
      expect(akimat.code).toBe(`AKIMAT-${akimat.regionCodes[0]}`);
    }
  });

  it('gives every shelter and crisis centre a fictitious confidential address and a capacity', () => {
    const residential = allOrganizations.filter((o) => o.kind === 'shelter' || o.kind === 'crisis_centre');
    expect(residential.length).toBeGreaterThan(0);
    for (const org of residential) {
      expect(org.confidentialAddress?.trim(), org.code).toBeTruthy();
      // Demo data must never carry a real location.
      expect(org.confidentialAddress, org.code).toMatch(/вымышлен/i);
      expect(org.capacity, org.code).toBeGreaterThan(0);
    }
  });

  it('never puts a public phone on a shelter or crisis centre', () => {
    for (const org of allOrganizations) {
      if (org.kind === 'shelter' || org.kind === 'crisis_centre') {
        expect(org.publicPhone, org.code).toBeNull();
      }
    }
  });

  it('keeps confidential addresses to shelters and crisis centres', () => {
    for (const org of allOrganizations) {
      if (org.kind !== 'shelter' && org.kind !== 'crisis_centre') {
        expect(org.confidentialAddress, org.code).toBeNull();
      }
    }
  });

  it('gives every hotline a public phone, including 11616 and 150', () => {
    const hotlines = allOrganizations.filter((o) => o.kind === 'hotline');
    for (const hotline of hotlines) {
      expect(hotline.publicPhone, hotline.code).toMatch(/^\d+$/);
    }
    expect(hotlines.map((h) => h.publicPhone)).toEqual(expect.arrayContaining(['11616', '150']));
  });

  it('keeps the demo list small and varied', () => {
    expect(demoServiceOrganizations.length).toBeGreaterThanOrEqual(8);
    expect(demoServiceOrganizations.length).toBeLessThanOrEqual(12);
    const kinds = new Set(demoServiceOrganizations.map((o) => o.kind));
    for (const kind of ['ngo', 'shelter', 'crisis_centre', 'international_organization', 'hotline'] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });
});

describe('Kazakhstan criminal code', () => {
  it('has unique articles within each edition', () => {
    const keys = kazakhstanCriminalCodeArticles.map((a) => `${a.edition}:${a.article}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fills titles and plausible maximum terms', () => {
    for (const a of kazakhstanCriminalCodeArticles) {
      expectFilled(a.title, `${a.edition}:${a.article}`);
      if (a.maxPrisonYears !== null) {
        expect(a.maxPrisonYears, `${a.edition}:${a.article}`).toBeGreaterThan(0);
        expect(a.maxPrisonYears, `${a.edition}:${a.article}`).toBeLessThanOrEqual(20);
      }
    }
  });

  it('maps only to existing articles of the right edition', () => {
    const has = (edition: '1997' | '2014', ref: string) =>
      kazakhstanCriminalCodeArticles.some((a) => a.edition === edition && a.article === ref);
    for (const m of kazakhstanCriminalCodeMappings) {
      expect(has('1997', m.article1997), `1997:${m.article1997}`).toBe(true);
      expect(has('2014', m.article2014), `2014:${m.article2014}`).toBe(true);
    }
    const pairs = kazakhstanCriminalCodeMappings.map((m) => `${m.article1997}->${m.article2014}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('maps every 1997 article forward', () => {
    const mapped = new Set(kazakhstanCriminalCodeMappings.map((m) => m.article1997));
    for (const a of kazakhstanCriminalCodeArticles.filter((x) => x.edition === '1997')) {
      expect(mapped.has(a.article), a.article).toBe(true);
    }
  });

  it('keeps the category of mapped articles', () => {
    const find = (edition: '1997' | '2014', ref: string) =>
      kazakhstanCriminalCodeArticles.find((a) => a.edition === edition && a.article === ref);
    for (const m of kazakhstanCriminalCodeMappings) {
      expect(find('2014', m.article2014)?.category, `${m.article1997}->${m.article2014}`).toBe(
        find('1997', m.article1997)?.category,
      );
    }
  });

  it('shows the gap the seeds complain about: THB carries far more than brothel-keeping', () => {
    const get = (ref: string) =>
      kazakhstanCriminalCodeArticles.find((a) => a.edition === '1997' && a.article === ref)?.maxPrisonYears;
    expect(get('128')).toBe(15);
    expect(get('271')).toBe(5);
  });
});
