// The site's own shape: sectors and editions are configuration, not code.

export interface Sector {
  readonly slug: string;
  readonly name: string;
}

export interface Edition {
  readonly slug: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 codes; empty for Global. */
  readonly countries: readonly string[];
}

export interface SiteSettings {
  readonly name: string;
  readonly baseUrl: string;
  readonly timeZone: string;
  readonly language: string;
  readonly sectors: readonly Sector[];
  readonly editions: readonly Edition[];
  readonly contactEmail?: string;
  readonly contactPhone?: string;
}
