/**
 * CDK app entry (`cdk.json` runs it with tsx). The watches are not part of the deploy: they live in the archive
 * table, written by `stancewatch watches push <file> --table <TableName> --topic-arn <DigestTopicArn>` (stack
 * outputs), which validates the file as a synth would and takes effect within a minute, no redeploy. Deploy once,
 * then push; push again whenever a watch changes. Context keys, all optional but `digestEmail`:
 *   digestEmail         comma-separated addresses that receive every digest and the alarms (or allowNoRecipients)
 *   sesFrom             verified SES sender for HTML digests (then push with --ses: readers are mailed through SES)
 *   digestSchedule      schedule expression of the digest runs (default rate(1 hour))
 *   scheduleTick        how often the watches due are enqueued (default rate(5 minutes)); each watch keeps its own
 *                       `schedule` (rate or EventBridge cron) to within one tick
 *   backlogAlarmMessages  source messages waiting 15 minutes that raise the backlog alarm (default 2,000)
 *   digestTopics        SNS topics the digest function may publish to for watches with their own topic
 *                       (digest.snsTopicArn): comma-separated ARNs or name patterns with * in the stack's account and
 *                       region (default stancewatch-*; none for no other topic); watches push checks against the same
 *   config              a watches JSON to validate at synth; its watches' own topics are granted as well, exactly
 *   feed                true serves each watch's digests as an Atom feed (secret generated in Secrets Manager)
 *   deletionProtection  false for throwaway stacks (default true)
 *   allowNoRecipients   true to synthesize without digestEmail on purpose (alarms then reach no one)
 *   processorConcurrency  processor invocations at once (default 2): 2 to 1,000 (SQS maxConcurrency), and with the
 *                       2 digest workers under the account's unreserved concurrency (accountConcurrency less the
 *                       feed's 5 reserved)
 *   accountConcurrency  the account's Lambda concurrency quota in the region (default 1,000)
 * Synth needs no AWS credentials.
 * @example
 * npx cdk deploy -c digestEmail=me@example.com
 * npx stancewatch watches push my-watches.json --table <TableName> --topic-arn <DigestTopicArn> --region eu-west-1
 */
import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StancewatchError } from '../shared/errors/index.js';
import { readStancewatchContext } from './context.js';
import { loadDeployableConfig } from './deployable-config.js';
import { StancewatchStack } from './stancewatch-stack.js';

const app = new App();
try {
  buildApp(app);
} catch (error) {
  // A config or context mistake: print the message (it names the field), not a stack trace.
  if (!(error instanceof StancewatchError)) throw error;
  console.error(error.message);
  process.exit(1);
}

function buildApp(app: App): void {
  const settings = readStancewatchContext(app.node);
  // Optional: the functions read the watches from the table; a config given is validated and its own topics granted.
  const config = settings.configPath ? loadDeployableConfig(settings.configPath) : undefined;
  new StancewatchStack(app, 'Stancewatch', {
    config,
    digestTopics: settings.digestTopics,
    digestEmails: settings.digestEmails,
    sesFrom: settings.sesFrom,
    digestSchedule: settings.digestSchedule,
    scheduleTick: settings.scheduleTick,
    backlogAlarmMessages: settings.backlogAlarmMessages,
    feed: settings.feed,
    deletionProtection: settings.deletionProtection,
    processorConcurrency: settings.processorConcurrency,
    accountConcurrency: settings.accountConcurrency,
  });
  // Every AwsSolutions finding that is not suppressed with a reason fails the synth.
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
}
