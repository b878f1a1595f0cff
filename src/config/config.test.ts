import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: port 3000, the embedded store, Asia/Kolkata', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dbPath: './data/wiredesk.db', pageCache: true, workers: 1 });
    expect(c.site).toMatchObject({ name: 'Wiredesk', timeZone: 'Asia/Kolkata', baseUrl: 'http://localhost:3000', language: 'en' });
    expect(c.site.sectors).toHaveLength(15);
    expect(c.site.editions[0]).toMatchObject({ slug: 'global', name: 'Global' });
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      PORT: '8080',
      WIREDESK_DB: '/var/lib/wiredesk/site.db',
      WIREDESK_SITE_NAME: 'Devdiscourse',
      WIREDESK_TIMEZONE: 'Europe/London',
      WIREDESK_BASE_URL: 'https://news.example/',
      WIREDESK_PAGE_CACHE: '0',
      WIREDESK_WORKERS: '3',
      DATABASE_URL: 'postgres://u@db/wd',
    });
    expect(c).toMatchObject({ port: 8080, dbPath: '/var/lib/wiredesk/site.db', pageCache: false, workers: 3, databaseUrl: 'postgres://u@db/wd' });
    expect(c.site).toMatchObject({ name: 'Devdiscourse', timeZone: 'Europe/London', baseUrl: 'https://news.example' });
  });

  it('sends feeds with summary and link unless WIREDESK_FEED_FULL_CONTENT=1', () => {
    expect(loadConfig({}).feedFullContent).toBe(false);
    expect(loadConfig({ WIREDESK_FEED_FULL_CONTENT: '0' }).feedFullContent).toBe(false);
    expect(loadConfig({ WIREDESK_FEED_FULL_CONTENT: '1' }).feedFullContent).toBe(true);
  });

  it("takes WIREDESK_WORKERS=auto as one worker per core", () => {
    expect(loadConfig({ WIREDESK_WORKERS: 'auto' }).workers).toBe(availableParallelism());
  });

  it.each([
    ['PORT', 'eighty', /^PORT: /],
    ['PORT', '70000', /^PORT: /],
    ['WIREDESK_TIMEZONE', 'Mars/Olympus_Mons', /^WIREDESK_TIMEZONE: not an IANA time zone \(got "Mars\/Olympus_Mons"\)$/],
    ['WIREDESK_BASE_URL', 'ftp://news.example', /^WIREDESK_BASE_URL: /],
    ['WIREDESK_BASE_URL', 'not a url', /^WIREDESK_BASE_URL: /],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL: must start with postgres:\/\//],
    ['WIREDESK_PAGE_CACHE', 'yes', /^WIREDESK_PAGE_CACHE: /],
    ['WIREDESK_FEED_FULL_CONTENT', 'true', /^WIREDESK_FEED_FULL_CONTENT: .*\(got "true"\)$/],
    ['WIREDESK_SITE_NAME', '   ', /^WIREDESK_SITE_NAME: /],
    ['WIREDESK_WORKERS', '0', /^WIREDESK_WORKERS: an integer 1-64 or 'auto'/],
    ['WIREDESK_WORKERS', 'many', /^WIREDESK_WORKERS: an integer 1-64 or 'auto'/],
  ])('an invalid %s (%j) stops start-up naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('loadConfig: spools and WebSub', () => {
  it('reads spool folders, each with an optional agency', () => {
    expect(loadConfig({}).spools).toEqual([]);
    expect(loadConfig({ WIREDESK_SPOOL_DIR: '/srv/ftp/pti=PTI, /srv/ftp/mixed ,/srv/ftp/un=UN News' }).spools).toEqual([
      { dir: '/srv/ftp/pti', agency: 'PTI' },
      { dir: '/srv/ftp/mixed' },
      { dir: '/srv/ftp/un', agency: 'UN News' },
    ]);
  });

  it.each([
    ['/srv/ftp/pti=', /^WIREDESK_SPOOL_DIR: "\/srv\/ftp\/pti=" is not PATH or PATH=AGENCY/],
    ['=PTI', /^WIREDESK_SPOOL_DIR: "=PTI" is not PATH or PATH=AGENCY/],
    ['/a,/a=PTI', /^WIREDESK_SPOOL_DIR: "\/a" is listed twice/],
  ])('refuses WIREDESK_SPOOL_DIR=%j', (value, message) => {
    expect(() => loadConfig({ WIREDESK_SPOOL_DIR: value })).toThrow(message);
  });

  it('subscribes to feed hubs by default only where the public URL is set; the hub to advertise is optional', () => {
    expect(loadConfig({}).websub).toEqual({ subscribe: false });
    expect(loadConfig({ WIREDESK_BASE_URL: 'https://news.example' }).websub).toEqual({ subscribe: true });
    expect(loadConfig({ WIREDESK_BASE_URL: 'https://news.example', WIREDESK_WEBSUB_SUBSCRIBE: '0' }).websub).toEqual({ subscribe: false });
    expect(loadConfig({ WIREDESK_WEBSUB_HUB: 'https://hub.example/' }).websub).toEqual({ hub: 'https://hub.example/', subscribe: false });
    expect(() => loadConfig({ WIREDESK_WEBSUB_HUB: 'ftp://hub.example' })).toThrow(/^WIREDESK_WEBSUB_HUB: /);
  });
});
