// `roundups list`: the configured topics (WIREDESK_ROUNDUPS), their schedules and how
// many roundups each has had. `roundups run [topic]`: make the topic's roundup now (every
// topic without one), whatever the schedule; still through the job lease, so a node
// running the same topic at that moment is never doubled.
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../usage.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { createLogger } from '../../lib/logger.ts';
import { nodeId } from '../../jobs/node-id.ts';
import { runRoundupTopic, roundupJobName, type RoundupRun } from '../../roundups/run-roundup.ts';
import { roundupStatsByTopic } from '../../store/roundup-repository.ts';
import { findJob } from '../../store/job-lease-repository.ts';
import type { RoundupSchedule, RoundupTopic } from '../../domain/roundup.ts';
import { formatBylineTime } from '../../lib/dates.ts';
import { absoluteUrl, articlePath } from '../../web/urls.ts';
import { createAnnouncer } from '../announcer.ts';

export async function runRoundups(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list' && sub !== 'run') throw new UsageError(sub && !sub.startsWith('-') ? `roundups: unknown subcommand "${sub}"` : 'roundups: say list or run');
  const { values, positionals } = parseCommandArgs(`roundups ${sub}`, rest, { db: { type: 'string' } });
  const config = configWithDb(values.db);
  const topics = config.roundups;
  if (positionals.length > (sub === 'run' ? 1 : 0)) throw new UsageError(`roundups ${sub}: too many arguments`);
  const wanted = positionals[0];
  const chosen = wanted === undefined ? topics : topics.filter((t) => t.slug === wanted);
  if (wanted !== undefined && chosen.length === 0) {
    throw new UsageError(`roundups run: no topic "${wanted}"; topics: ${topics.map((t) => t.slug).join(', ') || '(none: WIREDESK_ROUNDUPS is off)'}`);
  }
  const store = await openMigratedStore(config);
  try {
    return sub === 'list' ? await listTopics(store, topics, config.site.timeZone) : await runTopics(config, store, chosen);
  } finally {
    await store.close();
  }
}

function describeSchedule(s: RoundupSchedule): string {
  if (s.kind === 'at') return `at ${s.times.join(', ')}`;
  return s.seconds % 3600 === 0 ? `every ${s.seconds / 3600}h` : `every ${Math.round(s.seconds / 60)}m`;
}

function describeFilter(t: RoundupTopic): string {
  const parts = [t.sectors.length > 0 ? `sectors ${t.sectors.join(', ')}` : 'every sector'];
  if (t.countries.length > 0) parts.push(`countries ${t.countries.join(', ')}`);
  if (t.excludeCountries.length > 0) parts.push(`not ${t.excludeCountries.join(', ')}`);
  return parts.join('; ');
}

async function listTopics(store: Awaited<ReturnType<typeof openMigratedStore>>, topics: readonly RoundupTopic[], zone: string): Promise<number> {
  if (topics.length === 0) {
    console.log('no roundup topics (WIREDESK_ROUNDUPS is off)');
    return 0;
  }
  const stats = await roundupStatsByTopic(store.db);
  for (const t of topics) {
    const s = stats.get(t.slug);
    const lastRun = (await findJob(store.db, roundupJobName(t)))?.lastRunAt;
    const last = s?.lastAt ? `last ${formatBylineTime(s.lastAt, zone)}` : 'none yet';
    console.log(`${t.slug}  "${t.name}"  ${describeSchedule(t.schedule)}  ${describeFilter(t)}  filed in ${t.sector}  min ${t.minBriefs}, max ${t.maxBriefs} briefs  roundups ${s?.roundups ?? 0} (${last})${lastRun ? `  last run ${formatBylineTime(lastRun, zone)}` : ''}`);
  }
  return 0;
}

function describeRun(run: RoundupRun): string {
  switch (run.kind) {
    case 'published':
      return `${run.topic}: published story ${run.storyId} with ${run.briefIds.length} briefs: ${run.headline}`;
    case 'skipped':
      return `${run.topic}: skipped, too little news (${run.briefs} of ${run.minBriefs} briefs needed)`;
    case 'busy':
      return `${run.topic}: not run, another node is running it now`;
    case 'conflict':
      return `${run.topic}: not made, its briefs were taken by another roundup meanwhile; try again`;
    case 'not-due':
      return `${run.topic}: not due`;
  }
}

async function runTopics(config: ReturnType<typeof configWithDb>, store: Awaited<ReturnType<typeof openMigratedStore>>, topics: readonly RoundupTopic[]): Promise<number> {
  if (topics.length === 0) {
    console.log('no roundup topics (WIREDESK_ROUNDUPS is off)');
    return 0;
  }
  const logger = createLogger('silent');
  const announcer = await createAnnouncer(config, store, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  let failed = 0;
  try {
    const deps = { store, site: config.site, logger, owner: nodeId(), articleUrl: (b: Parameters<typeof articlePath>[0]) => absoluteUrl(config.site, articlePath(b)), onPublished: announcer.onPublished };
    for (const topic of topics) {
      try {
        const run = await runRoundupTopic(deps, topic, { force: true });
        if (run.kind === 'conflict' || run.kind === 'busy') failed++;
        console.log(describeRun(run));
      } catch (err) {
        failed++;
        console.error(`${topic.slug}: failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await announcer.close();
  }
  return failed > 0 ? 1 : 0;
}
