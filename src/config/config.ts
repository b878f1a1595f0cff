import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_EDITIONS, DEFAULT_ROUNDUP_TOPICS, DEFAULT_SECTORS } from './site-defaults.ts';
import { parseRoundupsVariable, resolveRoundupTopics } from './roundup-topics.ts';
import type { RoundupTopic } from '../domain/roundup.ts';
import type { SiteSettings } from '../domain/site.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../web/rate-limit.ts';

export class ConfigError extends Error {
  readonly code = 'config';
}

/** Where to send purges after a publish (`WIREDESK_PURGE`); secrets are kept apart, in `PurgeSecrets`. */
export type PurgeTarget =
  | { readonly kind: 'varnish'; readonly url: string }
  | { readonly kind: 'fastly'; readonly serviceId: string }
  | { readonly kind: 'cloudflare'; readonly zoneId: string }
  | { readonly kind: 'webhook'; readonly url: string };

/** Credentials for the purge targets: never logged, never echoed in a config error. */
export interface PurgeSecrets {
  readonly fastlyKey?: string;
  readonly cloudflareToken?: string;
  readonly webhookSecret?: string;
}

export interface PurgeConfig {
  readonly targets: readonly PurgeTarget[];
  readonly secrets: PurgeSecrets;
}

/** A folder an FTP drop delivers into (`WIREDESK_SPOOL_DIR`), and the agency its files are credited to when they name none. */
export interface SpoolConfig {
  readonly dir: string;
  readonly agency?: string;
}

/** WebSub (W3C): the hub our feeds advertise and ping, and whether we subscribe to the hubs of polled feeds. */
export interface WebsubConfig {
  readonly hub?: string;
  readonly subscribe: boolean;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dbPath: string;
  readonly databaseUrl?: string;
  readonly logLevel: string;
  readonly pageCache: boolean;
  /** HTTP worker processes `serve` runs (node:cluster); 1 serves from this process. */
  readonly workers: number;
  /** When set, /metrics wants `Authorization: Bearer <token>`. */
  readonly metricsToken?: string;
  readonly purge: PurgeConfig;
  readonly rateLimits: RateLimitSettings;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe for the client's address. */
  readonly trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  readonly spools: readonly SpoolConfig[];
  readonly websub: WebsubConfig;
  /** WIREDESK_FEED_FULL_CONTENT: sanitized bodies in the feeds we serve; else summary and link. */
  readonly feedFullContent: boolean;
  /** WIREDESK_ROUNDUPS: the topics whose briefs are bundled into roundups (the demo's when unset). */
  readonly roundups: readonly RoundupTopic[];
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

const PURGE_USAGE = 'a comma-separated list of varnish:URL, fastly:SERVICE_ID, cloudflare:ZONE_ID or webhook:URL';

function isHttpUrl(s: string): boolean {
  return URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);
}

const PURGE_ARGUMENT_RULES: Record<PurgeTarget['kind'], string> = {
  varnish: 'an http(s) URL of the proxy',
  fastly: 'a service id (letters and digits)',
  cloudflare: 'a zone id (32 hex digits)',
  webhook: 'an http(s) URL',
};

/** One `kind:argument` entry of WIREDESK_PURGE → a target, or why it is not one. */
function parsePurgeTarget(entry: string): PurgeTarget | string {
  const colon = entry.indexOf(':');
  const kind = entry.slice(0, Math.max(colon, 0));
  const arg = entry.slice(colon + 1).trim();
  if (kind === 'varnish' || kind === 'webhook') {
    if (isHttpUrl(arg)) return { kind, url: arg.replace(/\/+$/, '') };
  } else if (kind === 'fastly') {
    if (/^[A-Za-z0-9]+$/.test(arg)) return { kind, serviceId: arg };
  } else if (kind === 'cloudflare') {
    if (/^[0-9a-f]{32}$/.test(arg)) return { kind, zoneId: arg };
  } else {
    return `"${entry}" is not one of ${PURGE_USAGE}`;
  }
  return `"${entry}": ${kind} takes ${PURGE_ARGUMENT_RULES[kind]}`;
}

const PURGE_TARGETS = z.string().transform((value, ctx) => {
  const targets: PurgeTarget[] = [];
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const target = parsePurgeTarget(entry);
    if (typeof target === 'string') ctx.addIssue({ code: 'custom', message: target });
    else targets.push(target);
  }
  return targets;
});

/** `PATH` or `PATH=AGENCY`, comma-separated: one spool folder each. */
const SPOOLS = z.string().transform((value, ctx) => {
  const spools: SpoolConfig[] = [];
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const dir = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    const agency = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (dir === '' || (eq >= 0 && agency === '')) ctx.addIssue({ code: 'custom', message: `"${entry}" is not PATH or PATH=AGENCY` });
    else if (spools.some((s) => s.dir === dir)) ctx.addIssue({ code: 'custom', message: `"${dir}" is listed twice` });
    else spools.push(agency ? { dir, agency } : { dir });
  }
  return spools;
});

/** Variables whose values a config error must not repeat. */
const SECRET_VARS = /KEY|TOKEN|SECRET/;

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
  WIREDESK_WORKERS: z
    .string()
    .refine((v) => v === 'auto' || (/^[1-9][0-9]?$/.test(v) && Number(v) <= 64), "an integer 1-64 or 'auto'")
    .default('1'),
  WIREDESK_METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,}$/, 'at least 16 printable characters, no spaces')
    .optional(),
  WIREDESK_PURGE: PURGE_TARGETS.default([]),
  WIREDESK_PURGE_FASTLY_KEY: z.string().optional(),
  WIREDESK_PURGE_CLOUDFLARE_TOKEN: z.string().optional(),
  WIREDESK_PURGE_WEBHOOK_SECRET: z.string().optional(),
  WIREDESK_RATE_LIMIT_SEARCH: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_RATE_LIMITS.searchPerMinute),
  WIREDESK_RATE_LIMIT_PUSH: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_RATE_LIMITS.pushPerMinute),
  WIREDESK_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  WIREDESK_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9]{1,2}|[0-9a-fA-F.:/, ]+)$/, "true, false, a hop count, or a comma-separated list of proxy addresses/CIDRs")
    .default('false'),
  WIREDESK_SPOOL_DIR: SPOOLS.default([]),
  WIREDESK_WEBSUB_HUB: z.url({ protocol: /^https?$/ }).optional(),
  WIREDESK_WEBSUB_SUBSCRIBE: z.enum(['0', '1']).optional(),
  WIREDESK_FEED_FULL_CONTENT: z.enum(['0', '1']).default('0'),
  WIREDESK_ROUNDUPS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Reads configuration once; an invalid value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ENV.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = SECRET_VARS.test(name) ? 'value hidden' : `got ${JSON.stringify(env[name])}`;
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'} (${got})`);
  }
  const e = parsed.data;
  const purge = purgeConfig(e);
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.WIREDESK_DB,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    logLevel: e.LOG_LEVEL,
    pageCache: e.WIREDESK_PAGE_CACHE === '1',
    workers: e.WIREDESK_WORKERS === 'auto' ? availableParallelism() : Number(e.WIREDESK_WORKERS),
    purge,
    rateLimits: {
      searchPerMinute: e.WIREDESK_RATE_LIMIT_SEARCH,
      pushPerMinute: e.WIREDESK_RATE_LIMIT_PUSH,
      ...(e.WIREDESK_REDIS_URL ? { redisUrl: e.WIREDESK_REDIS_URL } : {}),
    },
    trustProxy: trustProxy(e.WIREDESK_TRUST_PROXY),
    spools: e.WIREDESK_SPOOL_DIR,
    websub: {
      ...(e.WIREDESK_WEBSUB_HUB ? { hub: e.WIREDESK_WEBSUB_HUB } : {}),
      // A hub must reach our callback: only subscribe by default where the public URL is configured.
      subscribe: (e.WIREDESK_WEBSUB_SUBSCRIBE ?? (e.WIREDESK_BASE_URL ? '1' : '0')) === '1',
    },
    // Off unless the agencies' licences allow republishing whole stories in feeds.
    feedFullContent: e.WIREDESK_FEED_FULL_CONTENT === '1',
    roundups: roundupTopics(e.WIREDESK_ROUNDUPS),
    ...(e.WIREDESK_METRICS_TOKEN ? { metricsToken: e.WIREDESK_METRICS_TOKEN } : {}),
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

function roundupTopics(raw: string | undefined): RoundupTopic[] {
  try {
    return raw === undefined ? resolveRoundupTopics(DEFAULT_ROUNDUP_TOPICS, DEFAULT_SECTORS, DEFAULT_EDITIONS) : parseRoundupsVariable(raw, DEFAULT_SECTORS, DEFAULT_EDITIONS);
  } catch (err) {
    throw new ConfigError(`WIREDESK_ROUNDUPS: ${(err as Error).message}`);
  }
}

function trustProxy(raw: string): Config['trustProxy'] {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (!/^[0-9]+$/.test(raw)) return raw;
  // A hop count: believe that many proxies in front of us (proxy-addr counts hops from 0).
  const hops = Number(raw);
  return (_address, hop) => hop < hops;
}

/** A CDN target needs its credential; say which variable is missing. */
function purgeConfig(e: z.infer<typeof ENV>): PurgeConfig {
  const needs = (kind: PurgeTarget['kind'], name: string, value: string | undefined) => {
    if (!value && e.WIREDESK_PURGE.some((t) => t.kind === kind)) throw new ConfigError(`${name}: required by the ${kind} target in WIREDESK_PURGE`);
  };
  needs('fastly', 'WIREDESK_PURGE_FASTLY_KEY', e.WIREDESK_PURGE_FASTLY_KEY);
  needs('cloudflare', 'WIREDESK_PURGE_CLOUDFLARE_TOKEN', e.WIREDESK_PURGE_CLOUDFLARE_TOKEN);
  return {
    targets: e.WIREDESK_PURGE,
    secrets: {
      ...(e.WIREDESK_PURGE_FASTLY_KEY ? { fastlyKey: e.WIREDESK_PURGE_FASTLY_KEY } : {}),
      ...(e.WIREDESK_PURGE_CLOUDFLARE_TOKEN ? { cloudflareToken: e.WIREDESK_PURGE_CLOUDFLARE_TOKEN } : {}),
      ...(e.WIREDESK_PURGE_WEBHOOK_SECRET ? { webhookSecret: e.WIREDESK_PURGE_WEBHOOK_SECRET } : {}),
    },
  };
}
