import { useState } from 'react';
import type { AppInfo } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { errorText } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';

export function Welcome({ info, onImport }: { info: AppInfo; onImport(samples: boolean): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  if (!info.archive) {
    // No archive open (the last one was refused or moved): open or create one.
    const choose = (create: boolean) => void api.call('archive.choose', { create }).catch((e: unknown) => setError(errorText(e)));
    return (
      <div className="welcome" data-testid="welcome">
        <h1>{t('welcomeTitle')}</h1>
        <p>{t('noArchive')}</p>
        {info.nativeDialogs ? (
          <div className="row gap">
            <button type="button" className="primary" onClick={() => choose(true)}>
              {t('newArchive')}
            </button>
            <button type="button" onClick={() => choose(false)}>
              {t('openArchive')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('noArchiveWeb')}</p>
        )}
        {error && <div className="error">{error}</div>}
      </div>
    );
  }
  return (
    <div className="welcome" data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeText')}</p>
      <div className="row gap">
        <button type="button" className="primary" onClick={() => onImport(false)}>
          {t('importFolder')}
        </button>
        {info.samples && (
          <button type="button" onClick={() => onImport(true)} data-testid="import-samples">
            {t('importSamples')}
          </button>
        )}
      </div>
      {info.archive && <p className="muted small">{t('archiveAt', { path: info.archive.path })}</p>}
    </div>
  );
}
