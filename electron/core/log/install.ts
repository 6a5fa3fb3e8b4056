import { createFileLogger, logLevelFromEnvironment } from './fileLogger';
import { log, setLogger } from './logger';

export interface InstalledLog {
  /** The log file, or null when it could not be made and the log goes to stderr only. */
  readonly path: string | null;
  /** Flushes the file and puts the previous logger back. */
  close(): Promise<void>;
}

/**
 * Makes the rotating file under `dir` the process's logger. A bad PHUKET_LOG_LEVEL throws a ConfigError
 * (a bad setting stops the start, named); a folder that cannot be made leaves the log on stderr and says so.
 */
export function installFileLog(dir: string, env: NodeJS.ProcessEnv): InstalledLog {
  const level = logLevelFromEnvironment(env);
  const previous = log();
  try {
    const fileLogger = createFileLogger({ dir, level });
    setLogger(fileLogger);
    return {
      path: fileLogger.path,
      async close() {
        setLogger(previous);
        await fileLogger.close();
      },
    };
  } catch (error) {
    previous.warn('cannot write the log file; logging to stderr only', { dir, error: error instanceof Error ? error.message : String(error) });
    return { path: null, close: async () => undefined };
  }
}
