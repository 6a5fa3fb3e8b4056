import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import type { DestinationStream } from 'pino';
import { createStream } from 'rotating-file-stream';
import { z } from 'zod';
import { ConfigError } from '../config';
import type { Logger } from './logger';
import { REDACT_PATHS, REDACTED, scrubFields, scrubText } from './redact';

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;

/** PHUKET_LOG_LEVEL (debug, info, warn or error), default info; anything else is a bad config, named. */
export function logLevelFromEnvironment(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env['PHUKET_LOG_LEVEL']?.trim() || 'info';
  const parsed = LogLevel.safeParse(raw.toLowerCase());
  if (!parsed.success) throw new ConfigError(`PHUKET_LOG_LEVEL: must be one of ${LogLevel.options.join(', ')}, not "${raw.slice(0, 40)}"`);
  return parsed.data;
}

export interface FileLoggerOptions {
  /** The folder of `console.log` and its rotated predecessors; made if missing. */
  readonly dir: string;
  readonly level: LogLevel;
  /** Rotate when the file reaches this (rotating-file-stream syntax). */
  readonly size?: string;
  /** Rotated files kept. */
  readonly maxFiles?: number;
  /** Where warnings and errors are mirrored as one readable line each (default stderr). */
  readonly mirror?: { write(line: string): unknown };
}

export interface FileLogger extends Logger {
  /** The file being written now. */
  readonly path: string;
  /** Flushes and closes the file; later lines go to the mirror only if they are warnings or errors. */
  close(): Promise<void>;
}

const MirroredLine = z.looseObject({ level: z.string(), msg: z.string().optional() });
const NOT_FIELDS = new Set(['level', 'msg', 'time', 'pid']);

/** One line a person can read at a terminal, from pino's already-redacted JSON line. */
function mirrorLine(json: string): string {
  const parsed = MirroredLine.safeParse(JSON.parse(json));
  if (!parsed.success) return json;
  const { level, msg } = parsed.data;
  const fields = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => !NOT_FIELDS.has(key)));
  return Object.keys(fields).length > 0 ? `${level}: ${msg ?? ''} ${JSON.stringify(fields)}\n` : `${level}: ${msg ?? ''}\n`;
}

/**
 * The console's log: JSON lines in `<dir>/console.log`, rotated at 10 MB with 10 files kept, secrets
 * redacted by key and scrubbed from text, warnings and errors also on stderr. A disk that refuses the
 * file (full, read-only) is reported once on the mirror and never stops the process.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  mkdirSync(options.dir, { recursive: true });
  const mirror = options.mirror ?? process.stderr;
  const file = createStream('console.log', { path: options.dir, size: options.size ?? '10M', maxFiles: options.maxFiles ?? 10 });
  let fileOpen = true;
  file.on('error', (error: Error) => {
    if (fileOpen) mirror.write(`error: the log file ${join(options.dir, 'console.log')} failed, logging to stderr only: ${error.message}\n`);
    fileOpen = false;
  });
  file.on('warning', (warning: Error) => mirror.write(`warn: log rotation: ${warning.message}\n`));
  const toFile: DestinationStream = { write: (line) => void (fileOpen && file.write(line)) };
  const toMirror: DestinationStream = {
    write: (line) => {
      try {
        mirror.write(mirrorLine(line));
      } catch {
        // A mirror that cannot take a line (a closed terminal) must not take the logger down with it.
      }
    },
  };
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    pino.multistream([
      { level: options.level, stream: toFile },
      { level: 'warn', stream: toMirror },
    ]),
  );
  const at = (level: LogLevel) => (message: string, fields?: Readonly<Record<string, unknown>>) => logger[level](fields ? scrubFields(fields) : {}, scrubText(message));
  return {
    path: join(options.dir, 'console.log'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    close: () =>
      new Promise<void>((resolve) => {
        if (!fileOpen) return resolve();
        fileOpen = false;
        file.once('error', () => resolve());
        file.end(() => resolve());
      }),
  };
}
