import { z } from 'zod';
import { DEFAULT_EDITIONS, DEFAULT_SECTORS } from './site-defaults.ts';
import type { SiteSettings } from '../domain/site.ts';

export class ConfigError extends Error {
  readonly code = 'config';
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dbPath: string;
  readonly databaseUrl?: string;
  readonly logLevel: string;
  readonly pageCache: boolean;
  readonly site: SiteSettings;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ENV = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  WIREDESK_DB: z.string().min(1).default('./data/wiredesk.db'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  WIREDESK_SITE_NAME: z.string().trim().min(1).max(80).default('Wiredesk'),
  WIREDESK_TIMEZONE: z.string().refine(isTimeZone, 'not an IANA time zone').default('Asia/Kolkata'),
  WIREDESK_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  WIREDESK_LANGUAGE: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language tag such as en or en-IN').default('en'),
  WIREDESK_CONTACT_EMAIL: z.email().optional(),
  WIREDESK_CONTACT_PHONE: z.string().max(80).optional(),
  WIREDESK_PAGE_CACHE: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Reads configuration once; an invalid value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ENV.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'} (got ${JSON.stringify(env[name])})`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.WIREDESK_DB,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    logLevel: e.LOG_LEVEL,
    pageCache: e.WIREDESK_PAGE_CACHE === '1',
    site: {
      name: e.WIREDESK_SITE_NAME,
      baseUrl: e.WIREDESK_BASE_URL ?? `http://localhost:${e.PORT}`,
      timeZone: e.WIREDESK_TIMEZONE,
      language: e.WIREDESK_LANGUAGE,
      sectors: DEFAULT_SECTORS,
      editions: DEFAULT_EDITIONS,
      ...(e.WIREDESK_CONTACT_EMAIL ? { contactEmail: e.WIREDESK_CONTACT_EMAIL } : {}),
      ...(e.WIREDESK_CONTACT_PHONE ? { contactPhone: e.WIREDESK_CONTACT_PHONE } : {}),
    },
  };
}
