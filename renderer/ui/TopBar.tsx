import { useConsole } from '../store/context';
import { selectAppInfo, selectHostError, selectMapPhase, selectProfile } from '../store/selectors';
import { LinkStatus } from './LinkStatus';

const hostLabel = { electron: 'desktop', browser: 'browser host' } as const;

/** Who and where the console is: always visible, so an operator knows which build and host they are on. */
export function TopBar() {
  const info = useConsole(selectAppInfo);
  const hostError = useConsole(selectHostError);
  const mapPhase = useConsole(selectMapPhase);
  const profile = useConsole(selectProfile);
  return (
    <header className="top-bar">
      <h1 className="brand">
        Phuket Command Console <span className="brand-th" lang="th">ศูนย์สั่งการภูเก็ต</span>
      </h1>
      <div className="top-bar-status">
        <LinkStatus />
        {profile && (
          <span className="chip" aria-label="Operator">
            {profile.name} · {profile.role} · {profile.workstation}
          </span>
        )}
        {info && (
          <span className="chip" title={`Started ${new Date(info.startedAt).toLocaleString()}`}>
            v{info.version} · {hostLabel[info.host]}
          </span>
        )}
        <span className={`chip chip-${mapPhase}`} role="status" aria-label="Map status">
          {mapPhase === 'ready' ? 'Map ready' : mapPhase === 'failed' ? 'Map failed' : 'Loading map…'}
        </span>
        {hostError && (
          <span className="chip chip-failed" role="alert">
            {hostError}
          </span>
        )}
      </div>
    </header>
  );
}
