import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../errors/index.js';
import { formatPath } from './path.js';
import { ConfigSchema, type Config } from './schema.js';

export type { Config, Watch, Source, KeywordGroups } from './schema.js';
export { ConfigSchema } from './schema.js';
export { assertDeployable } from './deployable.js';
export {
  DEFAULT_DIGEST_TOPICS,
  digestTopicAdvice,
  digestTopicArn,
  formatDigestTopicsFlag,
  formatDigestTopicsSetting,
  isDigestTopicAllowed,
  isTopicNamePattern,
  parseDigestTopics,
  type TopicScope,
} from './digest-topics.js';
export { parseScheduleExpression, ratePeriodMs, tickWindow, watchesDueInTick, watchesDueWithin, type ScheduleExpression } from './schedule-expression.js';

/** Placeholders a config may use in source URLs, e.g. `${SAMPLES_URL}/feed.xml`. */
export type ConfigVariables = Record<string, string>;

/**
 * Validates a parsed config. Errors name the field and where the config came from:
 * `samples/watches.json: watches[0].sources[0].url: expected an http(s) or file URL`.
 */
export function parseConfig(raw: unknown, origin: string, variables: ConfigVariables = {}): Config {
  const result = ConfigSchema.safeParse(substituteVariables(raw, variables, origin));
  if (!result.success) {
    const problems = describeIssues(result.error.issues).map((problem) => `${origin}: ${problem}`);
    throw new ConfigError(`Invalid config:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** Reads and validates a JSON config file; relative file:// paths resolve against the file's folder. */
export function loadConfigFile(path: string, variables: ConfigVariables = {}): Config {
  const text = readConfigText(path);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`Config file ${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const configDir = resolve(path, '..');
  return parseConfig(raw, path, { CONFIG_DIR: configDir, ...variables });
}

/** A config file's text; a missing or unreadable file is a ConfigError saying what to pass instead. */
export function readConfigText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${(cause as Error).message})`;
    throw new ConfigError(`config file ${path} ${problem}; pass --config with the path of your watches JSON (see "Configuration" in the README)`, { cause });
  }
}

/**
 * Schema issues as `watches[2].sources[0].url: expected an http(s) or file URL`. Unknown fields say where
 * they are themselves, one line each: `unknown field "speaker" in watches[0] (did you mean "speakers"?)`.
 */
export function describeIssues(issues: ReadonlyArray<{ code?: string; path: PropertyKey[]; message: string }>): string[] {
  return issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.message.split('\n') : [`${formatPath(issue.path)}: ${issue.message}`]));
}

/** Replaces `${NAME}` in every string of the config; an unknown name is an error, not an empty string. */
function substituteVariables(raw: unknown, variables: ConfigVariables, origin: string): unknown {
  if (typeof raw === 'string') {
    return raw.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_match, name: string) => {
      const value = variables[name];
      if (value === undefined) throw new ConfigError(`${origin}: unknown variable \${${name}} (known: ${Object.keys(variables).join(', ') || 'none'})`);
      return value;
    });
  }
  if (Array.isArray(raw)) return raw.map((item) => substituteVariables(item, variables, origin));
  if (raw && typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, substituteVariables(value, variables, origin)]));
  }
  return raw;
}
