// The release pipeline is code that only runs on a hosted CI: check here that
// the workflow parses and that its jobs do what the README promises.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(s: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  if?: string;
  strategy?: { matrix: { os?: string[]; include?: Record<string, string>[] } };
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[] } };
  jobs: Record<string, Job>;
}

const text = readFileSync(new URL('../../.github/workflows/release.yml', import.meta.url), 'utf8');
const wf = yaml.load(text) as Workflow;
const runs = (job: Job) => job.steps.map((s) => s.run ?? '');
const indexOf = (job: Job, re: RegExp) => job.steps.findIndex((s) => re.test(s.run ?? ''));

describe('release workflow (.github/workflows/release.yml)', () => {
  it('is valid YAML that runs on a version tag', () => {
    expect(wf.on.push?.tags).toEqual(['v*']);
    expect(Object.keys(wf.jobs).sort()).toEqual(['linux', 'release', 'test', 'windows']);
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job['runs-on'], name).toBeTruthy();
      expect(job.steps.length, name).toBeGreaterThan(0);
      for (const s of job.steps) expect(!!s.run !== !!s.uses, `${name}: a step either runs or uses`).toBe(true);
    }
  });

  it('checks the sources out byte for byte (test fixtures; Windows would turn LF into CRLF)', () => {
    for (const name of ['test', 'windows', 'linux']) {
      const steps = wf.jobs[name]!.steps;
      const checkout = steps.findIndex((s) => s.uses?.startsWith('actions/checkout'));
      expect(checkout, name).toBeGreaterThan(0);
      expect(
        steps.slice(0, checkout).map((s) => s.run),
        name,
      ).toContain('git config --global core.autocrlf false');
    }
  });

  it('tests on Windows and Linux: unit tests under Node, then better-sqlite3 rebuilt for Electron, then the Electron e2e', () => {
    const t = wf.jobs.test!;
    expect(t['runs-on']).toBe('${{ matrix.os }}');
    expect(t.strategy!.matrix.os!.map((o) => o.split('-')[0]).sort()).toEqual(['ubuntu', 'windows']);
    const ci = indexOf(t, /^npm ci$/);
    const unit = indexOf(t, /^npm test$/);
    const rebuild = indexOf(t, /electron-builder install-app-deps/);
    const e2e = t.steps.filter((s) => /vitest run test\/e2e\/electron\.test\.ts/.test(s.run ?? ''));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(unit).toBeGreaterThan(ci);
    expect(rebuild).toBeGreaterThan(unit);
    // one e2e step per OS, after the rebuild, where a missing binary fails instead of skipping
    expect(e2e.map((s) => s.if).sort()).toEqual(["runner.os == 'Linux'", "runner.os == 'Windows'"]);
    for (const s of e2e) {
      expect(t.steps.indexOf(s)).toBeGreaterThan(rebuild);
      expect(s.env?.NIANBAO_REQUIRE_ELECTRON).toBe('1');
    }
    expect(e2e.find((s) => s.if!.includes('Linux'))!.run).toMatch(/^xvfb-run -a /);
    // the binary is downloaded here: nothing skips it
    expect(text).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('builds the Windows x64 NSIS installer and the Linux deb and AppImage for x64 and arm64, after the tests', () => {
    const win = wf.jobs.windows!;
    expect(win.needs).toBe('test');
    expect(win['runs-on']).toMatch(/^windows-/);
    const winBuild = runs(win).find((r) => r.includes('electron-builder'))!;
    expect(winBuild).toMatch(/--win nsis portable --x64/);
    expect(winBuild).toContain('--config electron-builder.yml');
    const linux = wf.jobs.linux!;
    expect(linux.needs).toBe('test');
    expect(linux.strategy!.matrix.include!.map((m) => m.arch).sort()).toEqual(['arm64', 'x64']);
    expect(linux.strategy!.matrix.include!.find((m) => m.arch === 'arm64')!.runner).toMatch(/arm/);
    expect(runs(linux).find((r) => r.includes('electron-builder'))).toMatch(/--linux deb AppImage --\$\{\{ matrix\.arch \}\}/);
    // the renderer and main bundle are built before packaging; the packaged executable's fuses are read back
    for (const job of [win, linux]) {
      expect(indexOf(job, /build:renderer && npm run build:main/)).toBeLessThan(indexOf(job, /electron-builder/));
      expect(indexOf(job, /^node scripts\/check-fuses\.mjs release\//)).toBeGreaterThan(indexOf(job, /electron-builder/));
    }
    expect(runs(win)).toContain('node scripts/check-fuses.mjs release/win-unpacked/nianbao-archive.exe');
    expect(linux.strategy!.matrix.include!.map((m) => m.unpacked).sort()).toEqual(['linux-arm64-unpacked', 'linux-unpacked']);
  });

  it('uploads the artefacts and attaches them to the release of the tag', () => {
    const upload = (job: Job) => job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload(wf.jobs.windows!).with!.path).toBe('release/*.exe');
    expect(String(upload(wf.jobs.linux!).with!.path)).toMatch(/release\/\*\.deb[\s\S]*release\/\*\.AppImage/);
    const rel = wf.jobs.release!;
    expect(rel.needs).toEqual(['windows', 'linux']);
    expect(rel.if).toBe("startsWith(github.ref, 'refs/tags/')");
    expect(rel.permissions).toEqual({ contents: 'write' });
    expect(rel.steps.filter((s) => s.uses?.startsWith('actions/download-artifact')).map((s) => s.with!.pattern)).toEqual(['windows-*', 'linux-*']);
    expect(runs(rel).join('\n')).toMatch(/gh release create "\$\{\{ github\.ref_name \}\}" dist\/\*/);
  });

  it('.ci/run never rebuilds native modules for Electron nor packages the app', () => {
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(ci).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild|electron-builder|npm run dist/);
  });
});
