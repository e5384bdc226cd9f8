// A .nianbao archive named on the command line: what the system passes when
// the user double-clicks an archive (file association in electron-builder.yml)
// or drops one on the app's icon. Only an existing file with that extension
// counts; switches and the app folder (development: `electron .`) are skipped.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export function archiveFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith('.nianbao')) continue;
    const path = resolve(cwd, arg);
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}
