// Errors as { code, params, message } across boundaries, and their words.
import type { ErrorCode, ErrorInfo, ErrorParams, FileIssueCode } from './codes.js';
import { argProblemText } from './args.js';
import { ERROR_WORDS, type Lang } from './words.js';

const has = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_WORDS, code);

/** Any thrown value as ErrorInfo: a coded error (ReadError, ArchiveError, ServiceError …) keeps its code; anything else is `internal`. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e && typeof e === 'object') {
    const x = e as { code?: unknown; params?: unknown; message?: unknown };
    const message = typeof x.message === 'string' ? x.message : String(e);
    if (has(x.code)) return { code: x.code, ...(x.params && typeof x.params === 'object' ? { params: x.params as ErrorParams } : {}), message };
    return { code: 'internal', message };
  }
  return { code: 'internal', message: String(e) };
}

function fill(template: string, params: ErrorParams | undefined): string {
  return template.replace(/\s?\{(\w+)\}/g, (m, k: string) => (params && k in params ? `${m.startsWith(' ') ? ' ' : ''}${params[k]}` : '')).trim();
}

/** The error in words, in `lang` (never the English detail inside the Chinese). */
export function errorText(e: Pick<ErrorInfo, 'code' | 'params'>, lang: Lang): string {
  // an input error naming its field and what was expected (年份须为 1990–2100 之间的整数)
  const arg = e.code === 'bad_args' || e.code === 'invalid' || e.code === 'not_found' ? argProblemText(e.params, lang) : null;
  if (arg) return arg;
  return fill(ERROR_WORDS[e.code][lang], e.params);
}

/**
 * A per-file issue as stored in the archive (import_outcomes.error,
 * reports.error): JSON `{"code","params","message"}`. Plain text from before
 * codes decodes as code `unknown` with the text as its detail.
 */
export function encodeIssue(code: FileIssueCode, message: string, params?: ErrorParams): string {
  return JSON.stringify(params ? { code, params, message } : { code, message });
}

export function decodeIssue(stored: string): ErrorInfo & { code: FileIssueCode } {
  if (stored.startsWith('{')) {
    try {
      const o = JSON.parse(stored) as { code?: unknown; params?: ErrorParams; message?: unknown };
      if (has(o.code))
        return { code: o.code as FileIssueCode, message: typeof o.message === 'string' ? o.message : '', ...(o.params ? { params: o.params } : {}) };
    } catch {
      // plain text that happens to start with a brace
    }
  }
  return { code: 'unknown', message: stored };
}

/** An Error that carries a code (services' own failures). */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
