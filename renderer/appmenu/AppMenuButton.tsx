import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppCommand } from '../../shared/contract/about';
import { setLanguage } from '../i18n';
import { SettingsDialog } from '../settings/SettingsDialog';
import { refusal } from '../../shared/contract/reasons';
import { reasonText } from '../i18n/reasons';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectProfile } from '../store/selectors';
import { AboutDialog } from './AboutDialog';
import { WindowsDialog } from './WindowsDialog';
import './appmenu.css';

type Open = 'about' | 'settings' | 'windows' | null;

/** Saves text as a file through the browser's download (a blob: URL and a temporary link), the one way a page can write a file. */
function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // The download has its own copy once it starts; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The application menu of the browser host, as a button in the top bar: the commands that make sense in a
 * browser. Under Electron the native menu sends the same commands here (`app:command`), so both hosts run one path.
 */
export function AppMenuButton() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const [menuOpen, setMenuOpen] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<string | null>(null);
  const profile = useConsole(selectProfile);
  const fail = (e: unknown) => {
    const { text, reason } = refusal(e);
    setError(reasonText(t, reason, text));
  };

  const importProfile = () => {
    const input = Object.assign(document.createElement('input'), { type: 'file', accept: 'application/json,.json' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      void file
        .text()
        .then((text) => bridge['profile:import']({ profile: JSON.parse(text) }))
        .catch(fail);
    });
    input.click();
  };

  const run = (command: AppCommand) => {
    setMenuOpen(false);
    setError(null);
    switch (command) {
      case 'about':
      case 'settings':
        return setOpen(command);
      case 'keys':
        return store.getState().setDialog('help');
      case 'language-en':
      case 'language-th':
        return void setLanguage(command === 'language-en' ? 'en' : 'th');
      case 'export-profile':
        return void bridge['profile:export']({}).then((p) => download('console-profile.json', JSON.stringify(p.profile, null, 2)), fail);
      case 'import-profile':
        return importProfile();
      case 'export-audit':
        // The newest records that fit one answer, the head checkpoint last (shared/contract/audit.ts); supervisors only.
        return void bridge['audit:export']({}).then((a) => download(a.fileName, a.text, 'application/jsonl'), fail);
      case 'windows':
        return setOpen('windows');
    }
  };

  useEffect(() => bridge['app:command'](({ command }) => run(command)));

  const fullScreen = () => {
    setMenuOpen(false);
    const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    void done.catch(fail);
  };

  return (
    <span className="app-menu">
      <button type="button" className="chip chip-button" aria-haspopup="menu" aria-expanded={menuOpen} data-testid="app-menu" onClick={() => setMenuOpen(!menuOpen)}>
        ☰ {t('appmenu.button')}
      </button>
      {menuOpen && (
        <ul className="panel app-menu-list" role="menu">
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run('export-profile')}>
              {t('appmenu.exportProfile')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run('import-profile')}>
              {t('appmenu.importProfile')}
            </button>
          </li>
          {profile?.role === 'supervisor' && (
            <li role="none">
              <button type="button" role="menuitem" data-testid="app-menu-export-audit" onClick={() => run('export-audit')}>
                {t('appmenu.exportAudit')}
              </button>
            </li>
          )}
          <li role="none">
            <button type="button" role="menuitem" lang="en" onClick={() => run('language-en')}>
              English
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" lang="th" onClick={() => run('language-th')}>
              ไทย
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" data-testid="app-menu-windows" onClick={() => run('windows')}>
              {t('appmenu.windows')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={fullScreen}>
              {t('appmenu.fullScreen')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run('keys')}>
              {t('appmenu.keys')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => run('settings')}>
              {t('appmenu.settings')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" data-testid="app-menu-about" onClick={() => run('about')}>
              {t('appmenu.about')}
            </button>
          </li>
        </ul>
      )}
      {error && (
        <span className="chip chip-failed" role="alert">
          {t('appmenu.failed', { error })}
        </span>
      )}
      {open === 'about' && <AboutDialog onClose={() => setOpen(null)} />}
      {open === 'settings' && <SettingsDialog onClose={() => setOpen(null)} />}
      {open === 'windows' && <WindowsDialog onClose={() => setOpen(null)} />}
    </span>
  );
}
