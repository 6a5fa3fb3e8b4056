import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusal } from '../../shared/contract/reasons';
import { SettingsLogLevel, USER_SETTING_KEYS } from '../../shared/contract/settings';
import type { SettingsUpdate, SettingsView, UserSettingKey } from '../../shared/contract/settings';
import { reasonText } from '../i18n/reasons';
import { useBridge, useConsole } from '../store/context';
import { selectProfile } from '../store/selectors';

const unquote = (json: string | undefined): string => {
  if (json === undefined) return '';
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
};

/**
 * The local settings a supervisor may change (the user file): each shows its value in effect; one IT deployed
 * stays read-only and says so. Saving writes the user file in the core, which answers with the view read again.
 */
type SaveStatus = { kind: 'saved' | 'failed'; text: string } | null;

export function LocalSettings({ view, onSaved, status, setStatus }: { view: SettingsView; onSaved: (view: SettingsView) => void; status: SaveStatus; setStatus: (status: SaveStatus) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const profile = useConsole(selectProfile);
  const entry = (key: UserSettingKey) => view.entries.find((e) => e.path === key);
  const [logLevel, setLogLevel] = useState(unquote(entry('logLevel')?.value) || 'info');
  const [workstation, setWorkstation] = useState(unquote(entry('workstation')?.value));
  const [busy, setBusy] = useState(false);
  const supervisor = profile?.role === 'supervisor';
  const editable = (key: UserSettingKey) => supervisor && !entry(key)?.deployed;

  const save = (update: SettingsUpdate) => {
    setBusy(true);
    setStatus(null);
    bridge['settings:update'](update).then(
      (result) => {
        onSaved(result.view);
        setStatus({ kind: 'saved', text: t('appmenu.settingsSaved') });
      },
      (error: unknown) => {
        const { text, reason } = refusal(error);
        setStatus({ kind: 'failed', text: reasonText(t, reason, text) });
      },
    ).finally(() => setBusy(false));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const level = SettingsLogLevel.safeParse(logLevel);
    const update: SettingsUpdate = {
      ...(editable('logLevel') && level.success && level.data !== unquote(entry('logLevel')?.value) ? { logLevel: level.data } : {}),
      ...(editable('workstation') && workstation.trim() !== '' && workstation.trim() !== unquote(entry('workstation')?.value) ? { workstation: workstation.trim() } : {}),
    };
    if (Object.keys(update).length === 0) return setStatus({ kind: 'saved', text: t('appmenu.settingsUnchanged') });
    save(update);
  };
  const fromUser = USER_SETTING_KEYS.filter((key) => entry(key)?.source === 'user' && editable(key));

  return (
    <form className="local-settings" aria-label={t('appmenu.localSettings')} onSubmit={submit} data-testid="local-settings">
      <h3>{t('appmenu.localSettings')}</h3>
      {!supervisor && <p data-testid="settings-supervisor-only">{t('appmenu.supervisorOnly')}</p>}
      <label>
        {t('appmenu.logLevel')}{' '}
        <select value={logLevel} disabled={!editable('logLevel') || busy} onChange={(e) => setLogLevel(e.target.value)} data-setting-edit="logLevel">
          {SettingsLogLevel.options.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
        {entry('logLevel')?.deployed && ` ${t('appmenu.deployed')}`}
      </label>
      <label>
        {t('appmenu.workstation')}{' '}
        <input type="text" maxLength={100} value={workstation} disabled={!editable('workstation') || busy} onChange={(e) => setWorkstation(e.target.value)} data-setting-edit="workstation" />
        {entry('workstation')?.deployed && ` ${t('appmenu.deployed')}`}
      </label>
      {supervisor && (
        <div className="local-settings-actions">
          <button type="submit" disabled={busy}>
            {t('appmenu.save')}
          </button>
          {fromUser.length > 0 && (
            <button type="button" disabled={busy} onClick={() => save({ ...(fromUser.includes('logLevel') ? { logLevel: null } : {}), ...(fromUser.includes('workstation') ? { workstation: null } : {}) })}>
              {t('appmenu.resetLocal')}
            </button>
          )}
        </div>
      )}
      {status && (
        <p role={status.kind === 'failed' ? 'alert' : 'status'} data-testid="settings-status">
          {status.text}
        </p>
      )}
    </form>
  );
}

/** The config in effect and where each value came from; what IT deployed is marked read-only. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>(null);
  useEffect(() => {
    bridge['settings:effective']({}).then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [bridge]);
  // After a change the view is read again from the core, so the table shows where each value now comes from.
  const reread = (next: SettingsView) => {
    setView(next);
    bridge['settings:effective']({}).then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="panel modal settings"
        role="dialog"
        aria-modal="true"
        aria-label={t('appmenu.settingsTitle')}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
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
        {view && <LocalSettings key={view.entries.map((e) => `${e.path}=${e.value}`).join()} view={view} onSaved={reread} status={status} setStatus={setStatus} />}
        <button type="button" onClick={onClose} autoFocus>
          {t('appmenu.close')}
        </button>
      </div>
    </div>
  );
}
