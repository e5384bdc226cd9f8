// The installer configuration is never built here (no network), so check it
// against electron-builder's own schema and the decisions it must keep.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

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
  nsis: { perMachine: boolean; oneClick: boolean; allowToChangeInstallationDirectory: boolean; installerLanguages: string[]; createDesktopShortcut: string | boolean };
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
    expect(cfg.nsis).toMatchObject({ perMachine: false, oneClick: false, allowToChangeInstallationDirectory: true, installerLanguages: ['zh_CN'], createDesktopShortcut: 'always' });
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
      const pkg = JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
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
});
