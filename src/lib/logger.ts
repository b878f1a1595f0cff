import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino); fields snake_case, alertable events carry `event`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'wiredesk' } });
}
