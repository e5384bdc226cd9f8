// `nianbao` command line. Each command lives in its own module under
// commands/ and is loaded on demand, so one command's dependencies (SQLite,
// ExcelJS, pdf.js) never slow down another.
import { parseArgs, type Args } from './args.js';

type Command = (args: Args) => Promise<number>;
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  extract: () => import('./commands/extract.js'),
  import: () => import('./commands/archive.js'),
  list: () => import('./commands/archive.js'),
  show: () => import('./commands/archive.js'),
  correct: () => import('./commands/archive.js'),
  undo: () => import('./commands/archive.js'),
  redo: () => import('./commands/archive.js'),
  history: () => import('./commands/archive.js'),
  verify: () => import('./commands/archive.js'),
  accept: () => import('./commands/archive.js'),
  unaccept: () => import('./commands/archive.js'),
  'set-meta': () => import('./commands/archive.js'),
  search: () => import('./commands/archive.js'),
  agencies: () => import('./commands/archive.js'),
  'merge-agencies': () => import('./commands/archive.js'),
  'set-region': () => import('./commands/archive.js'),
  'rename-agency': () => import('./commands/archive.js'),
  reextract: () => import('./commands/archive.js'),
  backup: () => import('./commands/archive.js'),
  quality: () => import('./commands/archive.js'),
  'set-agency-kind': () => import('./commands/archive.js'),
  passages: () => import('./commands/archive.js'),
  versions: () => import('./commands/archive.js'),
  compare: () => import('./commands/archive.js'),
  'use-version': () => import('./commands/archive.js'),
  'keep-version': () => import('./commands/archive.js'),
  'take-cell': () => import('./commands/archive.js'),
  remove: () => import('./commands/archive.js'),
  restore: () => import('./commands/archive.js'),
  trash: () => import('./commands/archive.js'),
  export: () => import('./commands/export.js'),
  demo: () => import('./commands/demo.js'),
  web: () => import('./commands/web.js'),
};

const USAGE = `nianbao — 年报档案 command line

  extract FILE... [--json]          read reports, print their tables and flags
  import FOLDER [--retry]           import a folder; every file listed with its outcome
  list [--year Y] [--agency T] [--status S] [--flagged] [--quality KIND|any] [--cross-year] [--compare] [--all]
  versions ID | compare ID VERSION_ID | use-version ID VERSION_ID | keep-version ID
  take-cell ID VERSION_ID FIELD     versions of a report (待比较: compare, switch, keep)
  remove ID [--reason T] [--not-report] | restore ID | trash   the trash (回收站)
  show ID | correct ID FIELD VALUE [--note T] | undo ID | redo ID
  history ID [FIELD] | verify ID | search TEXT | agencies
  accept ID FLAG_ID [--note T] | unaccept ID FLAG_ID   a flag as in the original (原文如此)
  merge-agencies A B | rename-agency A NEW | reextract [--all] | backup OUT
  set-region AGENCY [--province P] [--city C] [--county X]
  set-meta ID [--agency A] [--year Y] [--template T] [--published-at YYYY-MM-DD]
  quality [--recheck] [--threshold 0.8] [--deadline-department MM-DD] [--deadline-government MM-DD] [--deadline-township MM-DD]
  set-agency-kind AGENCY department|government|township|auto   publication deadline (条例第四十九条)
  passages ID FLAG_ID               a copied_text flag's two passages, common parts marked
  export --year Y --out FILE.xlsx   yearly workbook (also --agency, --years, --format)
  demo                              sample reports → archive → workbook
  web [--port N]                    serve the UI on 127.0.0.1

Archive commands take --archive PATH (default: the per-user data folder) and --json.`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const name = args.command;
  if (!name || name === 'help' || args.flags.help) {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  const mod = await load();
  return mod.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
