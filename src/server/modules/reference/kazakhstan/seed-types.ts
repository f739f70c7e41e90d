// Shapes of the Kazakhstan country pack. The pack is data, not code: a second
// country gets its own folder with the same shapes.

export interface LocalizedText {
  ru: string;
  kk: string;
  en: string;
}

export interface RegionNameSeed {
  name: LocalizedText;
  /** ISO date (YYYY-MM-DD) the name took effect. */
  validFrom: string;
  /** ISO date the name stopped being used, exclusive; null while current. */
  validTo: string | null;
}

export interface RegionSeed {
  /** ISO 3166-2 code where one exists (KZ-AKM), otherwise a stable code of ours. */
  code: string;
  kind: 'region' | 'city';
  /** IANA time zone used to show dates to people working in the region. */
  timeZone: string;
  validFrom: string;
  validTo: string | null;
  /** Codes of the regions that took over its territory when it ended. */
  succeededBy: string[];
  /** Every name the region has had, oldest first, covering validFrom..validTo. */
  names: RegionNameSeed[];
}

export type OrganizationKind =
  | 'state_body'
  | 'akimat'
  | 'ngo'
  | 'shelter'
  | 'crisis_centre'
  | 'international_organization'
  | 'hotline';

export interface OrganizationSeed {
  /** Stable code, e.g. 'MIA', 'AKIMAT-KZ-AST', 'NGO-SANA-SEZIM'. */
  code: string;
  kind: OrganizationKind;
  abbreviation: LocalizedText;
  name: LocalizedText;
  /** "(by agreement)" in the Action Plan: not subordinate to the Government, reports voluntarily. */
  byAgreement: boolean;
  /** Code of the body it belongs to (e.g. the Committee for Legal Statistics under PGO). */
  parentCode: string | null;
  /** Region codes served; empty means the whole country. */
  regionCodes: string[];
  /** A public phone line (hotlines such as 11616); never a shelter's own number. */
  publicPhone: string | null;
  /** Confidential street address (shelters, crisis centres). Never exposed publicly. */
  confidentialAddress: string | null;
  /** Beds or places, for shelters and centres. */
  capacity: number | null;
}

export type CriminalCodeEdition = '1997' | '2014';

export interface CriminalCodeArticleSeed {
  edition: CriminalCodeEdition;
  /** Article reference as written in statistics: '128', '125(3)(b)', '132-1', '125(3)(2)'. */
  article: string;
  title: LocalizedText;
  /** 'thb' for trafficking proper, 'exploitation' for offences that often hide trafficking (brothels, pandering), 'related' otherwise. */
  category: 'thb' | 'exploitation' | 'related';
  /** Highest prison term the article provides, in years; null where unknown. */
  maxPrisonYears: number | null;
}

export interface CriminalCodeArticleMappingSeed {
  article1997: string;
  article2014: string;
}
