/**
 * One pass in a child process, so the bench can SIGKILL it at any moment: `tsx pass-worker.ts '<PassSetup JSON>'`.
 * Writes `started` when the pass begins and the pass report as JSON when it ends.
 */
import { runPass } from '../../shared/pipeline/index.js';
import { chaosDeps, type PassSetup } from './deps.js';

const setup = JSON.parse(process.argv[2]) as PassSetup;
const { deps, close } = chaosDeps(setup);
process.stdout.write('started\n');
const report = await runPass(deps, `killed-${setup.clock}`);
close();
process.stdout.write(`${JSON.stringify({ failures: report.failures.length, digests: report.digests.length })}\n`);
