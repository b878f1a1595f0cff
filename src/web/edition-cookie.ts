// The reader's chosen edition, remembered in a cookie. It only picks which stories
// `/` shows: nothing personal, so no consent is needed and it is readable to scripts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Edition, SiteSettings } from '../domain/site.ts';

export const EDITION_COOKIE = 'edition';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** The remembered edition, if the cookie names one the site has (never Global: that is the default). */
export function rememberedEdition(request: FastifyRequest, site: SiteSettings): Edition | undefined {
  const slug = readCookie(request.headers.cookie, EDITION_COOKIE);
  return slug === undefined ? undefined : site.editions.find((e) => e.slug === slug && e.countries.length > 0);
}

export function rememberEdition(reply: FastifyReply, edition: Edition): FastifyReply {
  // Global is the default: choosing it forgets the choice, so `/` is the plain front page again.
  const cookie =
    edition.countries.length === 0
      ? `${EDITION_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
      : `${EDITION_COOKIE}=${encodeURIComponent(edition.slug)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  return reply.header('set-cookie', cookie);
}

/** One cookie's value from a Cookie header (RFC 6265 §5.4: `name=value` pairs split by `;`). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
