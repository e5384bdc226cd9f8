// `nianbao` command line. Each command lives in its own module under
// commands/ and is loaded on demand, so one command's dependencies (SQLite,
// ExcelJS, pdf.js) never slow down another.
import { cliText, errorText, langFromEnv, toErrorInfo } from '../core/wording/index.js';
import { flagString, parseArgs, type Args } from './args.js';

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

const USAGE_ZH = `nianbao — 年报档案 命令行

  extract FILE... [--json]          读取报告，列出其表格和疑问标记
  import FOLDER [--retry]           导入文件夹；逐个文件列出结果（--retry：重读上次导入时中断的文件）
  list [--year Y] [--agency T] [--status S] [--flagged] [--quality KIND|any] [--compare] [--all]
                                    档案库中的报告（--compare：待比较；--all：所有版本）
  versions ID | compare ID VERSION_ID | use-version ID VERSION_ID | keep-version ID
  take-cell ID VERSION_ID FIELD     报告的版本（待比较：比较、切换、保留）
  remove ID [--reason T] [--not-report] | restore ID | trash   回收站
  show ID | correct ID FIELD VALUE [--note T] | undo ID | redo ID
  history ID [FIELD] | verify ID | search TEXT | agencies
  queue [--run N] [--flagged | --compare | --kind K,K] | log ID [--csv]   审核队列与修改记录
  accept ID FLAG_ID [--note T] | unaccept ID FLAG_ID   按原文如此接受一个疑问
  merge-agencies A B | rename-agency A NEW | reextract [--all] | backup OUT
  set-region AGENCY [--province P] [--city C] [--county X]
  set-meta ID [--agency A] [--year Y] [--template T] [--published-at YYYY-MM-DD]
  quality [--recheck] [--threshold 0.8] [--deadline-department MM-DD] [--deadline-government MM-DD] [--deadline-township MM-DD]
  set-agency-kind AGENCY department|government|township|auto   发布期限（条例第四十九条）
  passages ID FLAG_ID               内容雷同标记的两段文字，相同部分标出
  export --year Y --out FILE.xlsx   年度工作簿（另有 --agency、--years、--format）
  demo                              示例报告 → 档案库 → 工作簿
  web [--port N]                    在 127.0.0.1 上提供界面

档案库命令都接受 --archive PATH（默认：用户数据文件夹）和 --json（机器可读，不随语言改变）。
输出语言：中文；--lang en 或以 en 开头的 LANG 为英文。`;

const USAGE_EN = `nianbao — 年报档案 command line

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

Archive commands take --archive PATH (default: the per-user data folder) and --json.
Output in Chinese by default; --lang en, or a LANG starting with en, for English.`;

const langOf = (args: Args) => langFromEnv(flagString(args, 'lang'), process.env);

async function main(args: Args): Promise<number> {
  const name = args.command;
  const usage = langOf(args) === 'zh' ? USAGE_ZH : USAGE_EN;
  if (!name || name === 'help' || args.flags.help) {
    console.log(usage);
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`${cliText('unknownCommand', langOf(args), { name })}\n\n${usage}`);
    return 2;
  }
  const mod = await load();
  return mod.run(args);
}

const args = parseArgs(process.argv.slice(2));
main(args).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // a coded error in the user's language (the English detail in English); the commands' own errors are worded already
    const info = toErrorInfo(err);
    const lang = langOf(args);
    console.error(info.code === 'internal' || lang === 'en' ? info.message : errorText(info, lang));
    process.exitCode = 1;
  },
);
