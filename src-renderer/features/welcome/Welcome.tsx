import type { AppInfo } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

export function Welcome({ info, onImport }: { info: AppInfo; onImport(samples: boolean): void }) {
  const { t } = useI18n();
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
