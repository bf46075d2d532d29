import type { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '../../shared/pipeline/index.js';

/**
 * The core's `Log` over Powertools' Logger: structured JSON lines with the Lambda context. Powertools
 * takes extra attributes as rest arguments, so an absent `extra` must not be passed on as `undefined`.
 */
export function powertoolsLog(logger: Logger): Log {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, extra?: Record<string, unknown>): void => {
      if (extra) logger[level](message, extra);
      else logger[level](message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
