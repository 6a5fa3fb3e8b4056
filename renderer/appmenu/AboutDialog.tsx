import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AboutInfo } from '../../shared/contract/about';
import { useBridge } from '../store/context';

/** The About box, the same in both hosts: versions, folders, the platform and the data licences. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    bridge['app:about']({}).then(setAbout, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [bridge]);
  const runtime = about ? [about.versions.electron && `Electron ${about.versions.electron}`, about.versions.chromium && `Chromium ${about.versions.chromium}`, `Node ${about.versions.node}`, about.os].filter(Boolean).join(' · ') : '';
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="panel modal about" role="dialog" aria-modal="true" aria-label={t('appmenu.aboutTitle')} data-testid="about-dialog" onClick={(e) => e.stopPropagation()}>
        <h2>{t('appmenu.aboutTitle')}</h2>
        {error && <p role="alert">{t('appmenu.failed', { error })}</p>}
        {about && (
          <>
            <p data-about="version">{t('appmenu.version', { version: about.version, build: about.build })}</p>
            <dl>
              <dt>{t('appmenu.runtime')}</dt>
              <dd data-about="runtime">{runtime}</dd>
              <dt>{t('appmenu.platform')}</dt>
              <dd data-about="platform">{about.platform ? `${about.platform.label} (${about.platform.url})` : t('appmenu.noPlatform')}</dd>
              {about.dataDir && (
                <>
                  <dt>{t('appmenu.dataDir')}</dt>
                  <dd data-about="data">{about.dataDir}</dd>
                </>
              )}
              {about.logDir && (
                <>
                  <dt>{t('appmenu.logDir')}</dt>
                  <dd>{about.logDir}</dd>
                </>
              )}
              {about.crashDumps && (
                <>
                  <dt>{t('appmenu.crashDumps')}</dt>
                  <dd data-about="crash-dumps">{about.crashDumps}</dd>
                </>
              )}
            </dl>
            <h3>{t('appmenu.licences')}</h3>
            <ul data-about="licences">
              {about.licences.map((l) => (
                <li key={l.data}>
                  {l.data}: {l.attribution} ({l.licence})
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {t('appmenu.close')}
        </button>
      </div>
    </div>
  );
}
