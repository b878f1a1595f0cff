import { ConfigError } from '../config/config.ts';
import { USAGE, UsageError } from './usage.ts';
import { runIngest } from './commands/ingest.ts';
import { runParse } from './commands/parse.ts';
import { runSources } from './commands/sources.ts';
import { runMigrate } from './commands/migrate.ts';
import { runServe } from './commands/serve.ts';
import { runMigrateData } from './commands/migrate-data.ts';
import { runClassify } from './commands/classify.ts';
import { runStories } from './commands/stories.ts';
import { runPages } from './commands/pages.ts';
import { runRoundups } from './commands/roundups.ts';
import { runEditors } from './commands/editors.ts';

const COMMANDS: Record<string, (args: readonly string[]) => Promise<number>> = {
  serve: runServe,
  ingest: runIngest,
  parse: runParse,
  sources: runSources,
  migrate: runMigrate,
  'migrate-data': runMigrateData,
  classify: runClassify,
  stories: runStories,
  pages: runPages,
  roundups: runRoundups,
  editors: runEditors,
};

/** Runs one CLI command; bad arguments and config give one line and usage, never a stack trace. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`wiredesk: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      console.error(`wiredesk: invalid configuration: ${err.message}`);
      return 2;
    }
    console.error(`wiredesk: ${command} failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
