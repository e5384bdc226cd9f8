// One log file per day in the app's data folder; uncaught errors are logged
// and shown as a readable dialog rather than a stack trace.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Log {
  dir: string;
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export function logFileName(d = new Date()): string {
  return `nianbao-${d.toISOString().slice(0, 10)}.log`;
}

export function createLog(dir: string): Log {
  mkdirSync(dir, { recursive: true });
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    try {
      appendFileSync(join(dir, logFileName()), line, 'utf8');
    } catch {
      // Logging must never take the app down.
    }
  };
  return {
    dir,
    info: (m) => write('INFO ', m),
    error: (m, err) => write('ERROR', err instanceof Error ? `${m}: ${err.stack ?? err.message}` : err === undefined ? m : `${m}: ${String(err)}`),
  };
}

/** A message for a person: what went wrong and where the details are. */
export function readableError(err: unknown, logDir: string): string {
  const what = err instanceof Error ? err.message : String(err);
  return `年报档案遇到一个意外错误：\n\n${what}\n\n详细信息已写入日志文件夹：\n${logDir}\n\n(An unexpected error occurred; details are in the log folder.)`;
}

export function installCrashHandlers(log: Log, show: (title: string, message: string) => void): void {
  const handle = (kind: string) => (err: unknown) => {
    log.error(kind, err);
    try {
      show('年报档案 — 错误', readableError(err, log.dir));
    } catch {
      // no UI available (e.g. before ready)
    }
  };
  process.on('uncaughtException', handle('uncaughtException'));
  process.on('unhandledRejection', handle('unhandledRejection'));
}
