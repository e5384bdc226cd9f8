// Export: years, optional agency/region, format and folder; then progress
// and a button to open the folder.
import { useState } from 'react';
import type { ExportFormat, ExportLayout } from '../../../src-main/contract/models.js';
import { exportPlan } from '../../../src-main/contract/export-plan.js';
import { api } from '../../api/index.js';
import { JobProgressBar } from '../../components/Progress.js';
import { errorText } from '../../components/useAsync.js';
import { useJob } from '../../components/useJob.js';
import { useI18n } from '../../i18n/index.js';

export function ExportPage({ nativeDialogs, years }: { nativeDialogs: boolean; years: number[] }) {
  const { t, error: words } = useI18n();
  const [picked, setPicked] = useState<number[]>(years.slice(-1));
  const [agency, setAgency] = useState('');
  const [region, setRegion] = useState('');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [layout, setLayout] = useState<ExportLayout>('file_per_year');
  const [unidentified, setUnidentified] = useState(false);
  const plan = exportPlan({ years: picked, layout });
  const span = (x: { from: number; to: number }) => (x.from === x.to ? String(x.from) : `${x.from}—${x.to}`);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [folderNote, setFolderNote] = useState<string | null>(null);
  const [job, follow] = useJob();
  const toggle = (y: number) => setPicked((p) => (p.includes(y) ? p.filter((x) => x !== y) : [...p, y].sort()));
  const start = async () => {
    setError(null);
    try {
      const r = await api.call('export.start', {
        years: picked,
        format,
        layout,
        ...(unidentified ? { includeUnidentified: true } : {}),
        folder: folder.trim(),
        ...(agency.trim() ? { agency: agency.trim() } : {}),
        ...(region.trim() ? { region: region.trim() } : {}),
      });
      follow(r.jobId);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const r = job.result?.kind === 'export' ? job.result : null;
  return (
    <div className="page narrow" data-testid="export-page">
      <h2>{t('exportTitle')}</h2>
      <fieldset>
        <legend>{t('exportYears')}</legend>
        {years.map((y) => (
          <label key={y} className="check">
            <input type="checkbox" checked={picked.includes(y)} onChange={() => toggle(y)} data-testid={`export-year-${y}`} /> {y}
          </label>
        ))}
      </fieldset>
      {picked.length > 1 && format === 'xlsx' && (
        <fieldset data-testid="export-layout">
          <legend>{t('exportLayout')}</legend>
          <label className="check">
            <input type="radio" checked={layout === 'file_per_year'} onChange={() => setLayout('file_per_year')} /> {t('layoutFilePerYear')}
          </label>
          <label className="check">
            <input type="radio" checked={layout === 'sheets_per_year'} onChange={() => setLayout('sheets_per_year')} data-testid="layout-sheets" />{' '}
            {t('layoutSheetsPerYear')}
          </label>
        </fieldset>
      )}
      {picked.length > 0 && (
        <p className="muted small" data-testid="export-plan">
          {t('exportPlan', {
            n: format === 'xlsx' ? plan.length : picked.length,
            files: (format === 'xlsx' ? plan : picked.map((y) => ({ from: y, to: y }))).map(span).join('、'),
          })}
        </p>
      )}
      <div className="form-grid">
        <label>{t('exportAgency')}</label>
        <input value={agency} onChange={(e) => setAgency(e.target.value)} />
        <label>{t('exportRegion')}</label>
        <input value={region} onChange={(e) => setRegion(e.target.value)} />
        <label>{t('exportFormat')}</label>
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          <option value="xlsx">Excel (.xlsx)</option>
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </select>
        <label>{t('exportUnidentified')}</label>
        <label className="check">
          <input type="checkbox" checked={unidentified} onChange={(e) => setUnidentified(e.target.checked)} /> {t('exportUnidentifiedHint')}
        </label>
        <label>{t('exportFolder')}</label>
        <div className="row gap">
          <input className="grow" value={folder} readOnly={nativeDialogs} onChange={(e) => setFolder(e.target.value)} data-testid="export-folder" />
          {nativeDialogs && (
            <button type="button" onClick={() => void api.call('export.chooseFolder', {}).then((x) => x.path && setFolder(x.path))}>
              {t('chooseFolder')}
            </button>
          )}
        </div>
      </div>
      <p>
        <button
          type="button"
          className="primary"
          disabled={!picked.length || !folder.trim() || job.running}
          onClick={() => void start()}
          data-testid="export-start"
        >
          {t('startExport')}
        </button>
      </p>
      {error && <div className="error">{error}</div>}
      {job.jobId && <JobProgressBar job={job} onCancel={() => void api.call('jobs.cancel', { jobId: job.jobId! })} />}
      {job.error && <div className="error">{job.cancelled ? t('cancelled') : t('failed', { error: job.failure ? words(job.failure) : job.error })}</div>}
      {r && (
        <div className="summary" data-testid="export-summary">
          <p>{r.files.length ? t('exportDone', { n: r.files.length, reports: r.reports }) : t('exportNothing')}</p>
          <ul className="small">
            {r.files.map((f) => (
              <li key={f}>
                <code data-testid="export-file">{f}</code>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() =>
              void api.call('export.openFolder', { jobId: job.jobId! }).then(
                (o) => setFolderNote(o.opened ? null : t('folderAt', { path: o.path })),
                (e: unknown) => setError(errorText(e)),
              )
            }
          >
            {t('openFolder')}
          </button>
          {folderNote && <p className="muted small">{folderNote}</p>}
        </div>
      )}
    </div>
  );
}
