import { ConfigError } from '../errors/index.js';
import type { Config } from './schema.js';

const SCHEDULE_PATTERN = /^(rate|cron)\(.+\)$/;

/**
 * Throws a ConfigError listing every field the deployed stack cannot use: Lambda cannot read `file://` sources,
 * and the schedule function understands only EventBridge's rate or cron expressions. `cdk synth` and
 * `stancewatch watches push` both check a config with it. Errors name the file and the field:
 * `samples/watches.aws.json: watches[0].schedule: ...`.
 */
export function assertDeployable(config: Config, origin: string): void {
  const problems: string[] = [];
  config.watches.forEach((watch, watchIndex) => {
    if (!SCHEDULE_PATTERN.test(watch.schedule)) {
      problems.push(`watches[${watchIndex}].schedule: expected rate(...) or cron(...), got "${watch.schedule}"`);
    }
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
