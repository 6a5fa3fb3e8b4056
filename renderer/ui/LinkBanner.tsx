import { useTranslation } from 'react-i18next';
import { useConsole } from '../store/context';
import { selectHealth, selectLastDataAt, selectOutbox, selectStoreStatus } from '../store/selectors';
import { ageText, clock } from './format';
import { useNow } from './useNow';

/**
 * What an operator must know about the link and the local store, said plainly above the map:
 * the platform is unreachable (since when, how old the picture is, how many actions wait), the disk
 * refuses writes, a damaged database was set aside (and how many queued actions were saved from it), the
 * store's worker is being restarted, the platform refuses this console's credentials (every action waits),
 * or the map shows the cache from the last session.
 */
export function LinkBanner() {
  const { t } = useTranslation();
  const health = useConsole(selectHealth);
  const status = useConsole(selectStoreStatus);
  const outbox = useConsole(selectOutbox);
  const hold = useConsole((s) => s.credentialHold);
  const lastDataAt = useConsole(selectLastDataAt);
  const now = useNow(1000);
  const queued = outbox.filter((e) => e.state === 'queued').length;
  const down = health !== null && health.link.state !== 'up';
  const newestFeed = Math.max(0, ...(health?.feeds.map((f) => f.lastMessageAt ?? 0) ?? [0]));
  // With several sources, which one is down (each link names its source); the others keep flowing.
  const links = health?.links ?? [];
  const sources = new Set(links.map((l) => l.source).filter((s) => s !== undefined));
  const closed = sources.size > 1 ? links.filter((l) => l.state === 'closed' && l.source !== undefined) : [];
  const picture = newestFeed > 0 ? t('banner.pictureAge', { age: ageText(now, newestFeed) }) : status?.cachedAt ? t('banner.cachedFrom', { time: clock(status.cachedAt) }) : t('banner.noData');
  return (
    <div className="banners">
      {down && health && (
        <div className="banner banner-down" role="alert">
          <strong>{t(health.link.state === 'stalled' ? 'banner.stalled' : 'banner.unreachable', { time: clock(health.link.since) })}</strong> ({ageText(now, health.link.since)}). {picture}{' '}
          {queued > 0 ? t('banner.keptQueued', { count: queued }) : t('banner.kept')}
          {closed.map((l) => (
            <div key={`${l.source ?? ''}-${l.id}`} className="banner-source" data-source={l.source}>
              {t('banner.sourceDown', { source: l.source, link: l.id, detail: l.detail })}
            </div>
          ))}
        </div>
      )}
      {!down && status?.cachedAt && lastDataAt === null && (
        <div className="banner banner-cache" role="status">
          {t('banner.cacheUntil', { time: clock(status.cachedAt) })}
        </div>
      )}
      {hold && (
        <div className="banner banner-fault" role="alert" data-testid="credential-hold">
          <strong>{t('banner.credentialsRefused', { status: hold.status, time: clock(hold.since) })}</strong> {t('banner.credentialsHeld', { count: queued, reason: hold.reason })}{' '}
          {t('banner.credentialsProbe', { time: clock(hold.nextProbeAt) })}
        </div>
      )}
      {status?.fault && (
        <div className="banner banner-fault" role="alert">
          {status.fault.code === 'worker-down' ? t('banner.storeWorkerDown', { message: status.fault.message }) : t('banner.storeFault', { message: status.fault.message })}
        </div>
      )}
      {status?.unavailable && (
        <div className="banner banner-fault" role="alert">
          {t('banner.storeUnavailable', { message: status.unavailable })}
        </div>
      )}
      {status?.recovered.map((r) => (
        <div key={r.file} className="banner banner-cache" role="status">
          {t('banner.recovered', { file: r.file, reason: r.reason, movedTo: r.movedTo })}
          {r.recoveredActions !== undefined && <> {t('banner.recoveredActions', { count: r.recoveredActions })}</>}
        </div>
      ))}
    </div>
  );
}
