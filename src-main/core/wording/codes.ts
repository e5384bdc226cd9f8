// Every key the wording module words: flag kinds (model.ts), report and job
// states, and error codes. Errors cross every boundary (worker → archive →
// services → bridge → UI) as { code, params, message }: `message` is the
// English detail for the technical view; the words come from the code.
// Plain TypeScript with type-only imports: the renderer imports it too.
import type { FlagKind, ReadErrorCode } from '../model.js';
import type { ArchiveErrorCode, ReportStatus } from '../archive/types.js';

export type { FlagKind, ReadErrorCode, ArchiveErrorCode, ReportStatus };

/** A cell of the agency × year grid: a report's status, or no report. */
export type GridState = ReportStatus | 'missing';
/** How one flag stands: open, accepted as in the original (原文如此), or fixed by a correction. */
export type FlagStatus = 'open' | 'accepted' | 'fixed';
/** A long job's state (services/jobs.ts). */
export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** Errors the services raise themselves (not from the archive or a reader). */
export type ServiceErrorCode =
  | 'no_archive'
  | 'bad_args'
  | 'unknown_handler'
  | 'unknown_job'
  | 'no_samples'
  | 'no_original'
  | 'original_too_large' // the viewer: {mb}, over what the app shows inside itself
  | 'no_export_file' // export.openFolder: the export wrote nothing (failed, cancelled, no reports)
  | 'choose_folder' // desktop: an export folder not picked in the dialog
  | 'internal';

/**
 * Why one file of an import was not archived or was left out. A reader's
 * code (ReadErrorCode) or one of these.
 */
export type FileIssueCode =
  | ReadErrorCode
  | 'not_report' // read, but no agency, year or table: not an annual report
  | 'not_regular' // a device, a socket …
  | 'vanished' // deleted between the listing and the reading
  | 'no_permission'
  | 'copy_failed' // the original could not be copied into the archive
  | 'extract_failed' // the extractor stopped on this file (a bug: report it)
  | 'original_missing' // re-extraction: the archived copy is gone
  | 'original_damaged' // re-extraction: the archived copy's checksum changed
  | 'lock_file' // skipped: ~$ Office lock files
  | 'no_extension' // skipped
  | 'unsupported_extension' // skipped: .exe, .jpg …
  | 'symlink' // skipped: not followed
  | 'folder_unreadable' // skipped: a folder that cannot be listed
  | 'hidden' // skipped: a hidden file or folder (.git, .DS_Store)
  | 'dangling_link' // skipped: a symbolic link whose target does not exist
  | 'fifo' // skipped: a named pipe (reading it could block for ever)
  | 'crashed' // failed: the import stopped while a worker read this file; skipped until retried
  // how an imported file landed (archive/versions.ts); stored with the outcome like the issues
  | 'new_report'
  | 'same_report' // another source of an archived version
  | 'new_version' // a version reading differently; {active}: the report's active row
  | 'needs_compare' // a new version of a reviewed report, waiting to be compared
  | 'duplicate_content'
  | 'duplicate_path'
  | 'unknown'; // a stored message from before codes

export type ErrorCode = ArchiveErrorCode | ServiceErrorCode | FileIssueCode;

export type ErrorParams = Record<string, string | number>;

/** An error as it crosses a boundary. */
export interface ErrorInfo {
  code: ErrorCode;
  params?: ErrorParams;
  /** English detail (technical view; logs). */
  message: string;
}

/** HTTP status of an error code at the web bridge. */
export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case 'not_found':
    case 'unknown_handler':
    case 'unknown_job':
    case 'no_original':
    case 'no_samples':
    case 'no_export_file':
      return 404;
    case 'busy':
    case 'no_archive':
    case 'locked':
    case 'read_only':
    case 'export_exists':
      return 409;
    case 'full':
      return 507;
    case 'too_large':
    case 'original_too_large':
      return 413;
    case 'invalid':
    case 'bad_args':
    case 'refused':
    case 'bad_archive_name':
    case 'choose_folder':
      return 400;
    default:
      return 500;
  }
}
