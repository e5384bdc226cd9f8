// Test helpers: temporary archives and extractions built from the seeds' hand-read ground truth.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { vi } from 'vitest';
import { parseArgs } from '../../src-main/cli/args.js';
import { run } from '../../src-main/cli/commands/archive.js';
import type { Extraction } from '../../src-main/core/model.js';
import type { ExtractedFile } from '../../src-main/core/archive/store.js';
import type { TemplateId } from '../../src-main/core/catalogue/types.js';
import { haveSeeds, SEEDS } from '../seeds.js';

export { SEEDS };

export function tmp(prefix = 'nb-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The seed reports' file names (none when the shared seeds are absent: the tests using them are skipped then). */
export function seedNames(): string[] {
  if (!haveSeeds) return [];
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** An Extraction carrying a seed's ground-truth values (what a perfect extractor would return). */
export function seedExtraction(name: string): Extraction {
  const exp = JSON.parse(readFileSync(join(SEEDS, 'expected', name.replace(/\.txt$/, '.json')), 'utf8')) as {
    agency: string;
    year: number;
    template: TemplateId;
    values: Record<string, number | null>;
  };
  return { file: name, agency: exp.agency, year: exp.year, template: exp.template, values: exp.values, flags: [], cells: {}, format: 'txt' };
}

export function seedFile(name: string, ex = seedExtraction(name)): ExtractedFile {
  const bytes = readFileSync(join(SEEDS, name));
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    name,
    originalPath: join(SEEDS, name),
    size: bytes.length,
    mtime: null,
    format: 'txt',
    extraction: ex,
    text: bytes.toString('utf8'),
  };
}

export const sha256File = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Runs an archive command in process (the code path of `nianbao`), capturing what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await run(parseArgs(argv));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
