// The server's structured log: one JSON object per line on stdout, written asynchronously so
// that logging never holds up a request. Its level is LOG_LEVEL (silent turns it off), given by
// the launcher: this module reads no environment, so that the front thread (server/front.ts) can
// log without loading the environment's schema.
import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      // "info" reads better than 30 for people and log shippers alike.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination({ dest: 1, sync: false }),
  );
}

/** Writes out what is still buffered; call before the process exits. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
