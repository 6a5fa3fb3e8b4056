import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract';
import type { OperatorProfile } from '../../shared/domain';
import { currentLanguage, setLanguage } from '../i18n';
import { useConsole, useConsoleStore } from '../store/context';
import { selectAppInfo, selectHostError, selectMapPhase, selectProfile } from '../store/selectors';
import { AppMenuButton } from '../appmenu/AppMenuButton';
import { LinkStatus } from './LinkStatus';

/** What the top bar must warn about: a demo that is not a real platform, a console that may only look, no platform at all. */
export type SessionNotice = 'demo' | 'viewer' | 'noPlatform';

export function sessionNotices(info: AppInfo | null, profile: OperatorProfile | null): SessionNotice[] {
  const notices: SessionNotice[] = [];
  if (info?.profileMode === 'demo') notices.push('demo');
  if (info?.profileMode === 'viewer' || profile?.role === 'viewer') notices.push('viewer');
  if (info && !info.platformConfigured) notices.push('noPlatform');
  return notices;
}

const NOTICE_CLASS: Record<SessionNotice, string> = { demo: 'chip chip-demo', viewer: 'chip chip-failed', noPlatform: 'chip chip-failed' };

/** Who and where the console is: always visible, so an operator knows which profile, build and host they are on. */
export function TopBar() {
  const { t } = useTranslation();
  const info = useConsole(selectAppInfo);
  const hostError = useConsole(selectHostError);
  const mapPhase = useConsole(selectMapPhase);
  const profile = useConsole(selectProfile);
  const store = useConsoleStore();
  return (
    <header className="top-bar">
      <h1 className="brand">
        Phuket Command Console <span className="brand-th" lang="th">ศูนย์สั่งการภูเก็ต</span>
      </h1>
      <div className="top-bar-status">
        {sessionNotices(info, profile).map((notice) => (
          <span key={notice} className={NOTICE_CLASS[notice]} role="note" data-session={notice} title={t(`session.${notice}Hint`)}>
            {t(`session.${notice}`)}
          </span>
        ))}
        <LinkStatus />
        {profile && (
          <span className="chip" aria-label={t('operator')}>
            {profile.name} · {t(`role.${profile.role}`)} · {profile.workstation}
          </span>
        )}
        {info && (
          <span className="chip" title={new Date(info.startedAt).toISOString()}>
            v{info.version} · {t(`host.${info.host}`)}
          </span>
        )}
        <span className={`chip chip-${mapPhase}`} role="status" aria-label={t('map.region')}>
          {t(`map.${mapPhase}`)}
        </span>
        <button type="button" className="chip chip-button" aria-keyshortcuts="l" onClick={() => void setLanguage(currentLanguage() === 'en' ? 'th' : 'en')}>
          {t('language.switch')}
        </button>
        <button type="button" className="chip chip-button" aria-keyshortcuts="?" onClick={() => store.getState().setDialog('help')}>
          ?
        </button>
        <AppMenuButton />
        {hostError && (
          <span className="chip chip-failed" role="alert">
            {hostError}
          </span>
        )}
      </div>
    </header>
  );
}
