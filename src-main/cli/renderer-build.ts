// `nianbao web` (and `npm run web`) from a repository checkout builds the
// renderer itself when dist-renderer is missing or older than its sources, so
// a fresh clone needs no extra step. The sources are the files the last build
// recorded (dist-renderer/build-sources.json, written by vite.config.ts) plus
// everything under src-renderer (a new file), vite.config.ts and the lockfile.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const mtime = (path: string): number | null => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Why the built renderer under `root` must be (re)built, or null when it is up to date. */
export function rendererStale(root: string): string | null {
  const out = join(root, 'dist-renderer');
  const built = mtime(join(out, 'index.html'));
  if (built === null) return '没有构建好的界面 / dist-renderer is missing';
  let listed: string[];
  try {
    listed = JSON.parse(readFileSync(join(out, 'build-sources.json'), 'utf8')) as string[];
  } catch {
    return '构建没有记录其源文件 / the build has no list of its sources';
  }
  // named with / like the recorded list, on Windows too
  const others = [...filesUnder(join(root, 'src-renderer')).map((p) => relative(root, p).split(sep).join('/')), 'vite.config.ts', 'package-lock.json'];
  for (const rel of listed) {
    const m = mtime(join(root, rel));
    if (m === null) return `${rel} 已不存在 / is gone`;
    if (m > built) return `${rel} 比构建新 / is newer than the build`;
  }
  for (const rel of others) {
    const m = mtime(join(root, rel));
    if (m !== null && m > built) return `${rel} 比构建新 / is newer than the build`;
  }
  return null;
}

/** Build the renderer when it is stale; a no-op outside a checkout (no src-renderer). */
export async function ensureRenderer(root: string, say: (line: string) => void = (l) => console.error(l)): Promise<void> {
  if (!existsSync(join(root, 'src-renderer')) || !existsSync(join(root, 'vite.config.ts'))) return;
  const why = rendererStale(root);
  if (!why) return;
  say(`正在构建界面 / building the UI (${why}) …`);
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'src-renderer'), logLevel: 'warn' });
}
