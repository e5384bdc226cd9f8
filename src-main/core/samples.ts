// The sample reports (示例报告) the demo and 导入示例 import: the project's
// seed reports, read from the shared folder beside the repository
// (../shared/seeds) and never copied into it. Seed 002 (a crawled web page in
// traditional characters with pinyin notes) is left out of the samples. The
// packaged app carries the same files as a resource (electron-builder.yml).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDeadPidFolders } from './archive/files.js';

/** Where the seeds are for a checkout at `repoRoot`. */
export const sharedSeeds = (repoRoot: string): string => join(repoRoot, '..', 'shared', 'seeds');

/** A seed file shipped as a sample. */
export const isSample = (name: string): boolean => name.endsWith('.txt') && !name.startsWith('002_');

/**
 * A fresh temporary folder holding only the samples (a folder import takes
 * every file it finds, and the seeds folder also holds their ground truth),
 * or null when the seeds are absent. It is `<tmp>/nianbao-samples/<pid>`,
 * removed when the process exits; folders left by a process that was killed
 * are removed by the next one.
 */
export function sampleFolder(seeds: string, root = join(tmpdir(), 'nianbao-samples')): string | null {
  if (!existsSync(seeds)) return null;
  const names = readdirSync(seeds).filter(isSample);
  if (names.length === 0) return null;
  removeDeadPidFolders(root);
  const dir = join(root, String(process.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const n of names) copyFileSync(join(seeds, n), join(dir, n));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
