import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowProfile } from '../../shared/domain/profile';
import { useBridge, useConsole } from '../store/context';
import { selectIdentity } from '../store/selectors';

/**
 * View → Windows and roles: this window's role and display, the windows the workstation's profile places (from
 * the core, `profile:export`), and the keys that move focus between and within them. Keyboard only works: the
 * close button has focus, Esc closes.
 */
export function WindowsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const identity = useConsole(selectIdentity);
  const [profile, setProfile] = useState<WindowProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    bridge['profile:export']({}).then((p) => setProfile(p.profile), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [bridge]);
  const display = (id: number | null) => (id === null ? t('windows.noDisplay') : t('windows.display', { id }));
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="panel modal windows"
        role="dialog"
        aria-modal="true"
        aria-labelledby="windows-dialog-title"
        data-testid="windows-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="windows-dialog-title">{t('windows.title')}</h2>
        <p data-windows="this">
          {t('windows.thisWindow', { role: t(`wall.roles.${identity.role}`), display: display(identity.displayId) })}
        </p>
        {error && <p role="alert">{t('appmenu.failed', { error })}</p>}
        {profile && (
          <>
            <h3>{t('windows.layout', { name: profile.name })}</h3>
            {profile.windows.length === 0 ? (
              <p>{t('windows.noLayout')}</p>
            ) : (
              <ul data-windows="layout">
                {profile.windows.map((w) => (
                  <li key={`${w.role}-${w.displayId}`} aria-current={w.role === identity.role && w.displayId === identity.displayId ? 'true' : undefined}>
                    {t(`wall.roles.${w.role}`)} · {display(w.displayId)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <h3>{t('windows.keysTitle')}</h3>
        <dl data-windows="keys">
          <dt>
            <kbd>Alt</kbd>+<kbd>Tab</kbd> / <kbd>⌘</kbd>+<kbd>`</kbd>
          </dt>
          <dd>{t('windows.keys.nextWindow')}</dd>
          <dt>
            <kbd>Tab</kbd> / <kbd>Shift</kbd>+<kbd>Tab</kbd>
          </dt>
          <dd>{t('windows.keys.nextControl')}</dd>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>{t('windows.keys.help')}</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('windows.keys.close')}</dd>
        </dl>
        <button type="button" onClick={onClose} autoFocus>
          {t('appmenu.close')}
        </button>
      </div>
    </div>
  );
}
