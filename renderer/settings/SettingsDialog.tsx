import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../shared/contract/settings';
import { useBridge } from '../store/context';

/** The config in effect and where each value came from; what IT deployed is marked read-only. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    bridge['settings:effective']({}).then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [bridge]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="panel modal settings" role="dialog" aria-modal="true" aria-label={t('appmenu.settingsTitle')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('appmenu.settingsTitle')}</h2>
        {error && <p role="alert">{t('appmenu.failed', { error })}</p>}
        {view && (
          <table>
            <thead>
              <tr>
                <th>{t('appmenu.setting')}</th>
                <th>{t('appmenu.value')}</th>
                <th>{t('appmenu.from')}</th>
              </tr>
            </thead>
            <tbody>
              {view.entries.map((entry) => (
                <tr key={entry.path} data-setting={entry.path}>
                  <td>
                    <code>{entry.path}</code>
                  </td>
                  <td>
                    <code>{entry.value}</code>
                  </td>
                  <td title={entry.file ?? undefined}>
                    {t(`appmenu.sources.${entry.source}`)}
                    {entry.deployed && ` · ${t('appmenu.deployed')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {t('appmenu.close')}
        </button>
      </div>
    </div>
  );
}
