// The seed reports and their hand-read ground truth live in the shared
// folder beside the repository (../shared/seeds), never copied into it. Tests
// that read them skip, saying why, when that folder is absent.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(import.meta.dirname, '../../shared');
export const SEEDS = join(SHARED, 'seeds');
export const SEEDS_EXPECTED = join(SEEDS, 'expected');
export const haveSeeds = existsSync(SEEDS_EXPECTED);
if (!haveSeeds) console.warn(`tests that read the seed reports are skipped: ${SEEDS} is absent (the shared folder belongs beside the repository)`);
