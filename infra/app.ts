/**
 * CDK app entry (`cdk.json` runs it with tsx). Context keys, all optional but `digestEmail`:
 *   config              path of the watches JSON (default samples/watches.aws.json)
 *   digestEmail         comma-separated addresses that receive every digest and the alarms (or allowNoRecipients)
 *   sesFrom             verified SES sender for HTML digests
 *   digestSchedule      schedule expression of the digest function (default rate(1 hour))
 *   feed                true serves each watch's digests as an Atom feed (secret generated in Secrets Manager)
 *   deletionProtection  false for throwaway stacks (default true)
 *   allowNoRecipients   true to synthesize without digestEmail on purpose (alarms then reach no one)
 *   processorConcurrency  processor invocations at once (default 2): 2 to 1,000 (SQS maxConcurrency), and with the
 *                       2 digest workers under the account's unreserved concurrency (accountConcurrency less the
 *                       feed's 5 reserved)
 *   accountConcurrency  the account's Lambda concurrency quota in the region (default 1,000)
 * @example
 * npx cdk synth -c config=my-watches.json -c digestEmail=me@example.com -c deletionProtection=false
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
  const config = loadDeployableConfig(settings.configPath);
  new StancewatchStack(app, 'Stancewatch', {
    config,
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
