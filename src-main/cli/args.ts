import { cliText, langFromEnv } from '../core/wording/cli.js';

// A small argument parser: `cmd pos... --flag value --bool`. Flags listed in
// BOOLEAN never take a value, so `--json FILE` keeps FILE positional.
export interface Args {
  command: string | undefined;
  positional: string[];
  flags: Record<string, string | true>;
}

const BOOLEAN = new Set([
  'json',
  'flagged',
  'all',
  'help',
  'verbose',
  'quiet',
  'open',
  'no-progress',
  'retry',
  'not-report',
  'compare',
  'unidentified',
  'overwrite',
]);

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        flags[a.slice(2, eq)] = a.slice(eq + 1);
        continue;
      }
      const key = a.slice(2);
      const next = argv[i + 1];
      if (!BOOLEAN.has(key) && next !== undefined && !next.startsWith('--')) {
        flags[key] = next;
        i++;
      } else flags[key] = true;
    } else positional.push(a);
  }
  const [command, ...rest] = positional;
  return { command, positional: rest, flags };
}

export function flagString(args: Args, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagNumber(args: Args, name: string): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(cliText('flagNumber', langFromEnv(flagString(args, 'lang'), process.env), { name, got: v }));
  return n;
}
