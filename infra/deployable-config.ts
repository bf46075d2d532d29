import { ConfigError } from '../shared/errors/index.js';
import { loadConfigFile, type Config } from '../shared/config/index.js';

const SCHEDULE_PATTERN = /^(rate|cron)\(.+\)$/;

/**
 * Loads the watches config for `cdk synth`: the shared schema first, then what only the deployed stack
 * needs (Lambda cannot read `file://` sources; EventBridge needs a rate or cron expression).
 * Errors name the file and the field: `samples/watches.aws.json: watches[0].schedule: ...`.
 */
export function loadDeployableConfig(path: string): Config {
  const config = loadConfigFile(path);
  assertDeployable(config, path);
  return config;
}

/** Throws a ConfigError listing every field the deployed stack cannot use. */
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
