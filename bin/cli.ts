import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { parseDateOption, parsePositiveInteger } from './args.js';
import { extractCommand } from './commands/extract.js';
import { queryCommand } from './commands/query.js';
import { reprocessCommand } from './commands/reprocess.js';
import { runCommand } from './commands/run.js';
import { statementsCommand } from './commands/statements.js';
import { timelineCommand } from './commands/timeline.js';
import { watchesListCommand, watchesPushCommand } from './commands/watches.js';
import { describeUserError } from './user-errors.js';
import { KIND_ORDER } from '../shared/stances/index.js';

const STATUSES = ['new', 'changed', 'repeat'];
/** Every statement kind, stances first and claims last, as the digest orders them. */
const KINDS = [...KIND_ORDER];
const DATA_DIR_HELP = 'where the embedded archive and the digest outbox live (default: the nearest .stancewatch/ up from here)';
const WAIT_HELP = 'wait for another command using the archive to finish, instead of refusing';
const BASELINE_HELP =
  "a new watch's first run: what it finds becomes the ledger and no digest is sent. Applies only to watches that never delivered a digest; the others run as usual, so it is safe on any run";
const REPROCESS_HELP = [
  "read a watch's archived articles again with the current config (after it gains speakers or keywords), fetching nothing.",
  "Reads the watch's own articles, and articles other watches archived from its sources' sites (a source's host, a file source's folder) that its keywords now take in;",
  'pages every watch skipped as off-topic were never archived and are not read.',
  "New statements are judged against the ledger and go out in the next run's digest; a second reprocess adds nothing.",
].join(' ');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Runs the CLI; returns the process exit code (0 ok, 1 a run with failures or bad input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('stancewatch')
    .description('Tells you when someone states a new position or condition in the coverage you follow.')
    .version(version, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const archiveOptions = (command: Command) =>
    command
      .option('--config <file>', 'watches config (JSON; default: the bundled sample watch)')
      .option('--data-dir <dir>', DATA_DIR_HELP)
      .option('--wait', WAIT_HELP)
      .option('--table <name>', 'read a deployed DynamoDB table instead of the embedded archive')
      .option('--region <region>', 'AWS region of --table');

  program
    .command('run')
    .description('one monitoring pass over every watch of the config (default: the bundled sample watch)')
    .option('--config <file>', 'watches config (JSON)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--wait', WAIT_HELP)
    .option('--json', 'print one JSON report on stdout (logs go to stderr)')
    .option('--quiet', 'print only the digest and the summary')
    .option('--ssrf-guard', 'refuse loopback and private-network sources, as the Lambda functions do')
    .option('--baseline', BASELINE_HELP)
    .action(async (options) => setExit(await runCommand(options)));

  program
    .command('reprocess')
    .summary("read a watch's archived articles again with the current config (after it gains speakers or keywords), fetching nothing")
    .description(REPROCESS_HELP)
    .argument('<watch>', 'watch id')
    .option('--since <date>', 'only articles published on or after (YYYY-MM-DD, YYYY-MM or YYYY); undated articles are left out', parseDateOption)
    .option('--config <file>', 'watches config (JSON; default: the bundled sample watch)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--wait', WAIT_HELP)
    .option('--json', 'print one JSON report on stdout')
    .action(async (watch: string, options) => setExit(await reprocessCommand(watch, options)));

  program
    .command('extract')
    .description('normalize pages (HTML in any charset, or plain-text captures): title, byline, date, body')
    .argument('<inputs...>', 'files or http(s) URLs')
    .option('--json', 'print JSON (JSON Lines for several inputs)')
    .action(async (inputs: string[], options) => setExit(await extractCommand(inputs, options)));

  archiveOptions(
    program
      .command('query')
      .description('list archived articles (or --stances) of a watch, newest first, with filters')
      .argument('[watch]', 'watch id (default: every watch of the config)'),
  )
    .option('--stances', 'list stances and conditions instead of articles')
    .option('--since <date>', 'published on or after (YYYY-MM-DD, YYYY-MM or YYYY)', parseDateOption)
    .option('--until <date>', 'published on or before (YYYY-MM-DD, YYYY-MM or YYYY)', parseDateOption)
    .option('--outlet <name>', 'articles from this outlet or host')
    // Filters that only stances have imply --stances rather than being ignored on articles.
    .addOption(new Option('--speaker <name>', 'stances of this speaker (surname is enough); implies --stances').implies({ stances: true }))
    .addOption(new Option('--kind <kind>', 'statements of this kind (claim: said without taking a stance); implies --stances').choices(KINDS).implies({ stances: true }))
    .addOption(new Option('--status <status>', 'stances with this status; implies --stances').choices(STATUSES).implies({ stances: true }))
    .option('--text <words>', 'title (articles) or quote (stances) contains these words')
    .option('--limit <n>', 'at most this many rows per watch', parsePositiveInteger)
    .addOption(new Option('--json', 'print JSON').conflicts('csv'))
    .option('--csv', 'print CSV')
    .option('--wide', 'table cells whole on one line (default: long quotes and titles wrap)')
    .action(async (watch: string | undefined, options) => setExit(await queryCommand(watch, options)));

  archiveOptions(
    program
      .command('timeline')
      .description("each speaker's stances and conditions over time: first stated, restated, changed, withdrawn")
      .argument('<watch>', 'watch id'),
  )
    .option('--json', 'print JSON')
    .action(async (watch: string, options) => setExit(await timelineCommand(watch, options)));

  archiveOptions(
    program
      .command('statements')
      .description("the statements of each page (speaker, role, kind, quote, offsets); with --watch, each one's verdict against that watch's ledger, storing nothing")
      .argument('<inputs...>', 'files or http(s) URLs'),
  )
    .option('--watch <id>', "judge each statement against this watch's ledger (new, changed, repeat, withdrawn), keeping only its speakers")
    .option('--json', 'print JSON Lines, one line per page')
    .action(async (inputs: string[], options) => setExit(await statementsCommand(inputs, options)));

  const watches = program
    .command('watches')
    .description("the deployed stack's watches, kept in its archive table: push a watches JSON there, or list what is there");
  const watchesTable = (command: Command) =>
    command
      .requiredOption('--table <name>', 'the stack\'s archive table (stack output TableName)')
      .option('--region <region>', 'AWS region of --table')
      .option('--endpoint <url>', 'a DynamoDB endpoint other than AWS (DynamoDB Local, dynalite)');
  watchesTable(
    watches
      .command('push')
      .description('validate a watches JSON as `cdk synth` would and write it to the table: new and changed watches, removed ones deleted; nothing is written when the file is invalid')
      .argument('<file>', 'watches config (JSON)'),
  )
    .option('--topic-arn <arn>', "the stack's digest topic (stack output DigestTopicArn): subscribe each digest.email reader with a filter for the watches that list it, update changed filters, unsubscribe readers no watch lists")
    .option('--ses', 'the stack mails readers through SES (deployed with -c sesFrom): change no subscription')
    .option(
      '--digest-topics <setting>',
      "the stack's digestTopics setting (stack output DigestTopics; default stancewatch-*): a watch whose digest.snsTopicArn it does not cover is reported before the push",
    )
    .action(async (file: string, options) => setExit(await watchesPushCommand(file, options)));
  watchesTable(watches.command('list').description('the watches in the table, with the revision and when it was pushed'))
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await watchesListCommand(options)));

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`stancewatch: ${describeUserError(error) ?? (error as Error).stack}\n`);
    return 1;
  }
}
