import { useConsole } from '../store/context';
import { selectHealth, selectLastDataAt, selectOutbox, selectStoreStatus } from '../store/selectors';
import { ageText, clock } from './format';
import { useNow } from './useNow';

/**
 * What an operator must know about the link and the local store, said plainly above the map:
 * the platform is unreachable (since when, how old the picture is, how many actions wait), the disk
 * refuses writes, a damaged database was set aside, or the map shows the cache from the last session.
 */
export function LinkBanner() {
  const health = useConsole(selectHealth);
  const status = useConsole(selectStoreStatus);
  const outbox = useConsole(selectOutbox);
  const lastDataAt = useConsole(selectLastDataAt);
  const now = useNow(1000);
  const queued = outbox.filter((e) => e.state === 'queued').length;
  const down = health !== null && health.link.state !== 'up';
  const headline = health?.link.state === 'stalled' ? 'Platform not responding since' : 'Platform unreachable since';
  const newestFeed = Math.max(0, ...(health?.feeds.map((f) => f.lastMessageAt ?? 0) ?? [0]));
  return (
    <div className="banners">
      {down && health && (
        <div className="banner banner-down" role="alert">
          <strong>
            {headline} {clock(health.link.since)}
          </strong> ({ageText(now, health.link.since)}).{' '}
          {newestFeed > 0 ? `Showing the last-known picture, ${ageText(now, newestFeed)} old.` : status?.cachedAt ? `Showing cached data from ${clock(status.cachedAt)}.` : 'No data yet.'}{' '}
          Actions are kept and sent when the link returns{queued > 0 ? `: ${queued} queued` : ''}.
        </div>
      )}
      {!down && status?.cachedAt && lastDataAt === null && (
        <div className="banner banner-cache" role="status">
          Showing cached data from {clock(status.cachedAt)} until the platform answers.
        </div>
      )}
      {status?.fault && (
        <div className="banner banner-fault" role="alert">
          Local storage problem: {status.fault.message}. The console keeps running; new actions cannot be saved until it is fixed.
        </div>
      )}
      {status?.unavailable && (
        <div className="banner banner-fault" role="alert">
          Local storage unavailable: {status.unavailable}
        </div>
      )}
      {status?.recovered.map((r) => (
        <div key={r.file} className="banner banner-cache" role="status">
          {r.file} was damaged ({r.reason}); it was moved to {r.movedTo} and a fresh one started.
        </div>
      ))}
    </div>
  );
}
