// Child process for concurrent.test.ts: runs the command line's archive
// commands (list, correct, show — each opening and closing the archive as
// `nianbao` does) in a loop until the file `stop` appears, and prints one JSON
// line with what succeeded and every error.
import { existsSync } from 'node:fs';
import { parseArgs } from '../../src-main/cli/args.js';
import { run } from '../../src-main/cli/commands/archive.js';

const [path, stop, id, field] = process.argv.slice(2) as [string, string, string, string];
const result = { lists: 0, corrections: 0, shows: 0, errors: [] as string[], values: [] as number[] };
const quiet = <T>(fn: () => Promise<T>): Promise<T> => {
  const log = console.log;
  const err = console.error;
  console.log = () => {};
  console.error = (...a: unknown[]) => result.errors.push(a.join(' '));
  return fn().finally(() => ((console.log = log), (console.error = err)));
};
console.log('ready');
for (let i = 1; !existsSync(stop) || i <= 3; i++) {
  const cmd = async (...argv: string[]) => quiet(() => run(parseArgs([...argv, '--archive', path])));
  if ((await cmd('list', '--json')) === 0) result.lists++;
  if ((await cmd('correct', id, field, String(i), '--note', `child ${i}`)) === 0) result.corrections++, result.values.push(i);
  if ((await cmd('show', id, '--json')) === 0) result.shows++;
  if ((await cmd('search', '政府信息公开')) === 0) result.lists++;
}
console.log(JSON.stringify(result));
