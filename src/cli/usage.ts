export class UsageError extends Error {
  readonly code = 'usage';
}

export const USAGE = `usage: npm run wiredesk -- <command> [options]

commands:
  serve [--db PATH] [--port N] [--no-demo]   migrate, serve the site, poll sources
  ingest [--db PATH] <file|url>...           ingest once; a summary line per input
  parse <file|url>...                        print normalized items as NDJSON (no database)
  sources add <url|path> [--name NAME] [--interval 5m] [--agency NAME] [--kind KIND] [--db PATH]
  sources add --push NAME [--agency NAME] [--kind KIND]
                                             a push source; prints its token once
  sources list [--db PATH]
  sources kind NAME KIND [--db PATH]         what the source's new items become
                                             (KIND: wire, staff, opinion, blog, interview)
  stories kind <story id> KIND [--by NAME] [--db PATH]
                                             an editor files a story under another kind (audited)
  pages set <page> --file F [--db PATH]      a static page's text (.html or .txt, sanitized)
  pages show <page> | pages reset <page>     (page: about, contact, disclaimer, terms, privacy)
  migrate [--db PATH]                        apply database migrations
  migrate-data --from sqlite:PATH --to postgres://URL [--batch-size N]
                                             copy a site into PostgreSQL (resumable)
  classify explain <story id> [--db PATH]    why its sector (top terms), its countries and tags
  classify label <story id> <sector> --by NAME [--db PATH]
                                             an editor's correction: refiles it, and the classifier learns
  editors add NAME [--db PATH]               an editor for the desk (/desk); prints their sign-in token once
  editors list | editors remove NAME         (remove signs them out everywhere)
  roundups list [--db PATH]                  the roundup topics, their schedules and roundups so far
  roundups run [topic] [--db PATH]           make the topic's roundup now (every topic without one)

environment: PORT, WIREDESK_DB, DATABASE_URL, WIREDESK_SITE_NAME, WIREDESK_TIMEZONE,
             WIREDESK_BASE_URL (see README)`;
