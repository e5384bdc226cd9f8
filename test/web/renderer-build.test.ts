// `npm run web` rebuilds the UI when dist-renderer is missing or older than its sources.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererStale } from '../../src-main/cli/renderer-build.js';

function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-renderer-'));
  const write = (rel: string, text: string, at: number) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
    utimesSync(join(root, rel), at, at);
  };
  const t0 = 1_700_000_000; // sources
  for (const rel of ['src-renderer/main.tsx', 'src-renderer/index.html', 'src-main/core/catalogue/index.ts', 'vite.config.ts', 'package-lock.json'])
    write(rel, 'x', t0);
  return { root, write, t0 };
}

describe('renderer freshness', () => {
  it('missing build, or a build without its list of sources: stale', () => {
    const { root, write, t0 } = checkout();
    expect(rendererStale(root)).toMatch(/dist-renderer is missing/);
    write('dist-renderer/index.html', '<!doctype html>', t0 + 100);
    expect(rendererStale(root)).toMatch(/no list of its sources/);
  });

  it('up to date until a recorded source, a new renderer file, the vite config or the lockfile is newer', () => {
    const { root, write, t0 } = checkout();
    write('dist-renderer/index.html', '<!doctype html>', t0 + 100);
    write('dist-renderer/build-sources.json', JSON.stringify(['src-main/core/catalogue/index.ts', 'src-renderer/main.tsx']), t0 + 100);
    expect(rendererStale(root)).toBeNull();
    // a catalogue change the renderer imports
    write('src-main/core/catalogue/index.ts', 'y', t0 + 200);
    expect(rendererStale(root)).toBe('src-main/core/catalogue/index.ts 比构建新 / is newer than the build');
    write('dist-renderer/index.html', '<!doctype html>', t0 + 300);
    expect(rendererStale(root)).toBeNull();
    // a file the last build did not know yet
    write('src-renderer/features/new/Page.tsx', 'z', t0 + 400);
    expect(rendererStale(root)).toMatch(/^src-renderer\/features\/new\/Page\.tsx .*newer than the build$/);
    write('dist-renderer/index.html', '<!doctype html>', t0 + 500);
    write('package-lock.json', 'x', t0 + 600);
    expect(rendererStale(root)).toMatch(/^package-lock\.json /);
  });

  it('a recorded source that is gone: stale', () => {
    const { root, write, t0 } = checkout();
    write('dist-renderer/index.html', '<!doctype html>', t0 + 100);
    write('dist-renderer/build-sources.json', JSON.stringify(['src-renderer/main.tsx', 'src-renderer/Old.tsx']), t0 + 100);
    expect(rendererStale(root)).toBe('src-renderer/Old.tsx 已不存在 / is gone');
    rmSync(root, { recursive: true });
  });
});
