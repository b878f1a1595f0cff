// WIREDESK_ROUNDUPS: the roundup topics, a JSON array (or `off`). Each entry is checked
// against the site's sectors and editions, so a typo stops start-up with its name
// instead of silently bundling nothing.
import { z } from 'zod';
import type { Edition, Sector } from '../domain/site.ts';
import type { RoundupSchedule, RoundupTopic } from '../domain/roundup.ts';
import { parseDuration } from '../lib/duration.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as US');
const TIME = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time HH:MM such as 08:30');

const TOPIC_INPUT = z
  .object({
    name: z.string().trim().min(1).max(60),
    slug: z.string().regex(SLUG, 'lower-case letters, digits and hyphens').optional(),
    sector: z.string().optional(),
    sectors: z.array(z.string()).default([]),
    editions: z.array(z.string()).default([]),
    countries: z.array(COUNTRY).default([]),
    excludeEditions: z.array(z.string()).default([]),
    excludeCountries: z.array(COUNTRY).default([]),
    every: z.string().optional(),
    at: z.array(TIME).min(1).optional(),
    minBriefs: z.number().int().min(1).max(50).default(3),
    maxBriefs: z.number().int().min(1).max(50).default(10),
    maxAge: z.string().default('24h'),
  })
  .strict();

/** One topic as written in WIREDESK_ROUNDUPS (and in the demo defaults). */
export type RoundupTopicInput = z.input<typeof TOPIC_INPUT>;

export const DEFAULT_EVERY = '6h';
const MIN_EVERY_SECONDS = 60;

function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Checks and resolves topics: editions become countries, names become slugs. Throws an Error saying what is wrong. */
export function resolveRoundupTopics(inputs: readonly unknown[], sectors: readonly Sector[], editions: readonly Edition[]): RoundupTopic[] {
  const sectorSlugs = new Set(sectors.map((s) => s.slug));
  const editionBySlug = new Map(editions.map((e) => [e.slug, e]));
  const topics: RoundupTopic[] = [];
  inputs.forEach((raw, index) => {
    const parsed = TOPIC_INPUT.safeParse(raw);
    const where = `topic ${index + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${where}: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`);
    }
    const t = parsed.data;
    const label = `topic "${t.name}"`;
    for (const s of [...t.sectors, ...(t.sector ? [t.sector] : [])]) {
      if (!sectorSlugs.has(s)) throw new Error(`${label}: "${s}" is not one of the site's sectors (${[...sectorSlugs].join(', ')})`);
    }
    const countriesOf = (slugs: readonly string[]) =>
      slugs.flatMap((slug) => {
        const edition = editionBySlug.get(slug);
        if (!edition) throw new Error(`${label}: "${slug}" is not one of the site's editions (${[...editionBySlug.keys()].join(', ')})`);
        return edition.countries;
      });
    const sector = t.sector ?? t.sectors[0];
    if (!sector) throw new Error(`${label}: "sector" (where the roundup is filed) is required when "sectors" is empty`);
    const slug = t.slug ?? slugOf(t.name);
    if (!SLUG.test(slug)) throw new Error(`${label}: give a "slug" (lower-case letters, digits and hyphens)`);
    if (topics.some((o) => o.slug === slug)) throw new Error(`${label}: slug "${slug}" is used twice`);
    if (t.minBriefs > t.maxBriefs) throw new Error(`${label}: minBriefs is more than maxBriefs`);
    const maxAgeSeconds = parseDuration(t.maxAge);
    if (maxAgeSeconds === undefined || maxAgeSeconds < 60) throw new Error(`${label}: maxAge must be a duration of at least 1m such as 24h, got "${t.maxAge}"`);
    topics.push({
      name: t.name,
      slug,
      sector,
      sectors: [...new Set(t.sectors)],
      countries: [...new Set([...t.countries, ...countriesOf(t.editions)])],
      excludeCountries: [...new Set([...t.excludeCountries, ...countriesOf(t.excludeEditions)])],
      schedule: scheduleOf(label, t.every, t.at),
      minBriefs: t.minBriefs,
      maxBriefs: t.maxBriefs,
      maxAgeSeconds,
    });
  });
  return topics;
}

function scheduleOf(label: string, every: string | undefined, at: readonly string[] | undefined): RoundupSchedule {
  if (every !== undefined && at !== undefined) throw new Error(`${label}: give "every" or "at", not both`);
  if (at) return { kind: 'at', times: [...new Set(at)].sort() };
  const seconds = parseDuration(every ?? DEFAULT_EVERY);
  if (seconds === undefined || seconds < MIN_EVERY_SECONDS) throw new Error(`${label}: "every" must be a duration of at least 1m such as 6h, got "${every ?? ''}"`);
  return { kind: 'every', seconds };
}

/** The variable's text: `off` (or empty) for none, else a JSON array of topics. */
export function parseRoundupsVariable(text: string, sectors: readonly Sector[], editions: readonly Edition[]): RoundupTopic[] {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'off') return [];
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new Error('not JSON: a JSON array of topics, or off');
  }
  if (!Array.isArray(value)) throw new Error('a JSON array of topics, or off');
  return resolveRoundupTopics(value, sectors, editions);
}
