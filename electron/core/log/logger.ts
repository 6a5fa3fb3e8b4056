/**
 * The one logging interface of the core, the hosts and the Electron shell. Fields are structured so a
 * log file can be searched; `setLogger` swaps the destination (stderr by default, a rotating file once
 * the host has set one up). Never pass a token or a secret in `fields`.
 */
export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

function line(level: string, message: string, fields?: Readonly<Record<string, unknown>>): string {
  return fields && Object.keys(fields).length > 0 ? `${level}: ${message} ${JSON.stringify(fields)}` : `${level}: ${message}`;
}

const stderrLogger: Logger = {
  debug: () => undefined,
  info: (message, fields) => console.error(line('info', message, fields)),
  warn: (message, fields) => console.error(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
};

let current: Logger = stderrLogger;

/** The process-wide logger. Call it at the moment of logging (`log().warn(…)`), so a later `setLogger` takes effect. */
export function log(): Logger {
  return current;
}

export function setLogger(next: Logger): void {
  current = next;
}
