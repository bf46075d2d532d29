import { assertDeployable, loadConfigFile, type Config } from '../shared/config/index.js';

// The check lives in shared/config: `stancewatch watches push` runs it too.
export { assertDeployable };

/**
 * Loads the watches config for `cdk synth`: the shared schema first, then what only the deployed stack
 * needs (see `assertDeployable`). Errors name the file and the field: `samples/watches.aws.json: watches[0].schedule: ...`.
 */
export function loadDeployableConfig(path: string): Config {
  const config = loadConfigFile(path);
  assertDeployable(config, path);
  return config;
}
