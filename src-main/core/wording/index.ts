// The one wording module: every flag kind, status, job state and error code
// in Chinese and English (words.ts, exhaustive over the unions in codes.ts),
// the flag sentences (flags.ts), errors across boundaries (errors.ts), local
// times and durations (format.ts). Used by the renderer, the workbook, the CLI.
export * from './codes.js';
export * from './words.js';
export * from './flags.js';
export * from './errors.js';
export * from './format.js';
export * from './quality.js';
export * from './args.js';
export * from './cli.js';
import { FLAG_STATUS_WORDS, JOB_STATUS_WORDS, STATUS_WORDS, type Lang } from './words.js';
import type { FlagStatus, GridState, JobStatus } from './codes.js';

export const statusText = (s: GridState, lang: Lang): string => STATUS_WORDS[s][lang];
export const flagStatusText = (s: FlagStatus, lang: Lang): string => FLAG_STATUS_WORDS[s][lang];
export const jobStatusText = (s: JobStatus, lang: Lang): string => JOB_STATUS_WORDS[s][lang];
export * from './log.js';
