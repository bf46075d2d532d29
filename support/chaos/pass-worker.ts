/**
 * One pass in a child process, so the bench can SIGKILL it at any moment: `tsx pass-worker.ts '<PassSetup JSON>'`.
 * Writes `started` when the pass begins, `CLAIMING_DIGEST` before each digest it claims, and the pass report as JSON
 * when it ends.
 */
import { runPass } from '../../shared/pipeline/index.js';
import { chaosDeps, CLAIMING_DIGEST, type PassSetup } from './deps.js';

const setup = JSON.parse(process.argv[2]) as PassSetup;
const { deps, close } = chaosDeps(setup);
// Said before each digest is claimed: a kill after it may leave a digest `sending`, which at most once never resends.
const claimDigest = deps.store.claimDigest.bind(deps.store);
deps.store.claimDigest = (record) => {
  process.stdout.write(`${CLAIMING_DIGEST}\n`);
  return claimDigest(record);
};
process.stdout.write('started\n');
const report = await runPass(deps, `killed-${setup.clock}`);
close();
process.stdout.write(`${JSON.stringify({ failures: report.failures.length, digests: report.digests.length })}\n`);
