import { ConfigError } from '../errors/index.js';
import { parseScheduleExpression } from './schedule-expression.js';
import type { Config } from './schema.js';

/**
 * Throws a ConfigError listing every field the deployed stack cannot use: Lambda cannot read `file://` sources,
 * and the schedule function evaluates only EventBridge's rate or cron expressions (schedule-expression.ts). `cdk synth` and
 * `stancewatch watches push` both check a config with it. Errors name the file and the field:
 * `samples/watches.aws.json: watches[0].schedule: ...`.
 */
export function assertDeployable(config: Config, origin: string): void {
  const problems: string[] = [];
  config.watches.forEach((watch, watchIndex) => {
    const scheduleProblem = problemOf(() => parseScheduleExpression(watch.schedule));
    if (scheduleProblem) problems.push(`watches[${watchIndex}].schedule: ${scheduleProblem}`);
    watch.sources.forEach((source, sourceIndex) => {
      if (/^file:/i.test(source.url)) {
        problems.push(`watches[${watchIndex}].sources[${sourceIndex}].url: file URLs cannot be read by the deployed functions; use http(s)`);
      }
    });
  });
  if (problems.length > 0) {
    throw new ConfigError(`Config not deployable:\n  ${problems.map((problem) => `${origin}: ${problem}`).join('\n  ')}`);
  }
}

function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
