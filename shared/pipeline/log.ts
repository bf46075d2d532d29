/** The logging the core needs; Powertools' Logger fits it in Lambda, a stderr logger locally. */
export interface Log {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** Human-readable lines on stderr, so stdout stays for the digest or the JSON report. */
export function stderrLog(minLevel: LogLevel | 'silent' = 'info', write = (line: string) => process.stderr.write(line)): Log {
  const threshold = minLevel === 'silent' ? LEVELS.length : LEVELS.indexOf(minLevel);
  const at = (level: LogLevel) => (message: string, extra?: Record<string, unknown>) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const details = extra && Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : '';
    write(`${level === 'info' ? '' : `${level}: `}${message}${details}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
