// Import a folder: native dialog in the desktop app, a typed path in the
// browser, or a dropped folder; then progress with cancel, then the summary.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { api } from '../../api/index.js';
import { JobProgressBar } from '../../components/Progress.js';
import { errorText as errorWords } from '../../components/useAsync.js';
import type { FileError } from '../../../src-main/contract/models.js';
import { errorText } from '../../../src-main/core/wording/index.js';
import { useJob } from '../../components/useJob.js';
import { useI18n } from '../../i18n/index.js';

/** A path inside the imported folder is shown relative to it. */
function shortPath(file: string, folder: string): string {
  const f = folder.replace(/[\\/]+$/, '');
  return f && file.startsWith(f) && /[\\/]/.test(file.charAt(f.length)) ? file.slice(f.length + 1) : file;
}

interface Props {
  nativeDialogs: boolean;
  samples: boolean;
  onDone(): void;
  /** Open the review queue on this run's flagged reports. */
  onQueue(runId: number): void;
}

export function ImportPage({ nativeDialogs, samples, onDone, onQueue }: Props) {
  const { t, lang, error: words } = useI18n();
  // Chinese from the code; in English the words and the reader's own detail.
  const issue = (x: FileError) => {
    const words = errorText(x, lang);
    return lang === 'en' && x.error && x.error !== words ? `${words} (${x.error})` : words;
  };
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dropNote, setDropNote] = useState(false);
  const [job, follow, reset] = useJob();
  const startedSamples = useRef(false);

  const start = async (path: string) => {
    setError(null);
    try {
      follow((await api.call('import.start', { folder: path })).jobId);
    } catch (e) {
      setError(errorWords(e));
    }
  };
  useEffect(() => {
    if (!samples || startedSamples.current) return;
    startedSamples.current = true;
    api.call('samples.import', {}).then(
      (r) => follow(r.jobId),
      (e: unknown) => setError(errorWords(e)),
    );
  }, [samples, follow]);

  const choose = async () => {
    const r = await api.call('import.chooseFolder', {});
    if (r.path) {
      setFolder(r.path);
      await start(r.path);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    const path = file ? api.pathForFile(file) : null;
    if (path) {
      setFolder(path);
      void start(path);
    } else setDropNote(true);
  };

  const r = job.result?.kind === 'import' ? job.result : null;
  return (
    <div className="page narrow" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2>{t('importTitle')}</h2>
      {!job.jobId && (
        <>
          <p className="muted">{t('importHint')}</p>
          {nativeDialogs && (
            <p>
              <button type="button" className="primary" onClick={() => void choose()}>
                {t('chooseFolder')}
              </button>
            </p>
          )}
          <form
            className="row gap"
            onSubmit={(e) => {
              e.preventDefault();
              if (folder.trim()) void start(folder.trim());
            }}
          >
            <input className="grow" placeholder={t('folderPath')} value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="import-path" />
            <button type="submit" disabled={!folder.trim()} data-testid="import-start">
              {t('startImport')}
            </button>
          </form>
          <div className="dropzone">{t('dropHere')}</div>
          {dropNote && <p className="muted small">{t('dropNoPath')}</p>}
        </>
      )}
      {error && <div className="error">{error}</div>}
      {job.jobId && <JobProgressBar job={job} onCancel={() => void api.call('jobs.cancel', { jobId: job.jobId! })} />}
      {job.cancelled && !r && <p data-testid="import-cancelled">{t('importCancelled')}</p>}
      {job.error && !job.cancelled && <div className="error">{t('failed', { error: job.failure ? words(job.failure) : job.error })}</div>}
      {r && (
        <div className="summary" data-testid="import-summary">
          <h3 data-testid="import-summary-title">{r.cancelled ? t('importCancelled') : t('summary')}</h3>
          <p data-testid="import-summary-line">
            {/* 有疑问 N is a link: the review queue on this run's flagged reports */}
            {t(r.cancelled ? 'summaryLineCancelled' : 'summaryLine', {
              files: r.files,
              imported: r.imported,
              updated: r.updated,
              skipped: r.skipped,
              failed: r.failed,
              flagged: '\u0001',
            })
              .split('\u0001')
              .map((part, i) =>
                i === 0 ? (
                  part
                ) : (
                  <span key={i}>
                    {r.flagged > 0 ? (
                      <button
                        type="button"
                        className="link inline"
                        onClick={() => onQueue(r.run)}
                        title={t('flaggedLinkHint')}
                        data-testid="import-flagged-link"
                      >
                        {t('flaggedLink', { n: r.flagged })}
                      </button>
                    ) : (
                      t('flaggedLink', { n: 0 })
                    )}
                    {part}
                  </span>
                ),
              )}
          </p>
          {r.errors.length > 0 && (
            <>
              <h4>{t('perFileErrors')}</h4>
              <ul className="errors" data-testid="import-errors">
                {r.errors.map((x) => (
                  <li key={x.file}>
                    <code>{shortPath(x.file, folder)}</code>
                    {lang === 'zh' ? '：' : ': '}
                    {issue(x)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {r.skippedFiles.length > 0 && (
            <details>
              <summary>{t('skippedFiles', { n: r.skippedFiles.length })}</summary>
              <ul className="errors">
                {r.skippedFiles.map((x) => (
                  <li key={x.file}>
                    <code>{shortPath(x.file, folder)}</code>
                    {lang === 'zh' ? '：' : ': '}
                    {issue(x)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {(r || job.error) && (
        <div className="row gap">
          <button type="button" className="primary" onClick={onDone} data-testid="import-close">
            {t('navLibrary')}
          </button>
          <button type="button" onClick={reset}>
            {t('importFolder')}
          </button>
        </div>
      )}
    </div>
  );
}
