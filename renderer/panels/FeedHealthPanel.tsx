import { useTranslation } from 'react-i18next';
import type { FeedHealth, SourceLinkHealth } from '../../shared/contract';
import { useConsole } from '../store/context';
import { selectHealth } from '../store/selectors';
import { ageText } from '../ui/format';
import { useNow } from '../ui/useNow';
import { reasonText } from '../i18n/reasons';

const STATE_MARK = { connected: '●', degraded: '▲', down: '■' } as const;

function FeedRow({ feed, now }: { feed: FeedHealth; now: number }) {
  const { t } = useTranslation();
  const name = t(`feeds.names.${feed.feed}`);
  const state = t(`feeds.states.${feed.state}`);
  return (
    <li className={`feed feed-${feed.state}`} aria-label={`${name}: ${state}`} data-feed={feed.feed} data-state={feed.state}>
      <div className="feed-head">
        <span className="feed-mark" aria-hidden="true">
          {STATE_MARK[feed.state]}
        </span>
        <span className="feed-name">{name}</span>
        <span className="feed-state">{state}</span>
      </div>
      <div className="feed-detail">{feed.state === 'connected' ? t('feeds.live') : reasonText(t, feed.reason, feed.detail)}</div>
      {feed.entityTypes && feed.entityTypes.length > 0 && <div className="feed-types">{t('feeds.entityTypes', { types: feed.entityTypes.join(', ') })}</div>}
      <dl className="feed-stats">
        <dt>{t('feeds.last')}</dt>
        <dd>{feed.lastMessageAt === null ? t('feeds.never') : t('feeds.ago', { age: ageText(now, feed.lastMessageAt) })}</dd>
        <dt>{t('feeds.rate')}</dt>
        <dd>{feed.messagesPerSecond}/s</dd>
        <dt>{t('feeds.lag')}</dt>
        <dd>{feed.lagMs === null ? '–' : `${Math.max(0, Math.round(feed.lagMs / 1000))} s`}</dd>
        <dt>{t('feeds.items')}</dt>
        <dd>{feed.items}</dd>
        <dt>{t('feeds.rejected')}</dt>
        <dd>{feed.rejected}</dd>
      </dl>
      {feed.lastRejection && (
        <div className="feed-rejection" title={feed.lastRejection.reason}>
          {t('feeds.lastRejected', { reason: feed.lastRejection.reason })}
        </div>
      )}
    </li>
  );
}

const LINK_MARK = { open: '●', connecting: '▲', closed: '■' } as const;

/** One link of the source (the NGSI-LD broker, the MQTT broker or HTTP endpoint), in words and shape. */
function LinkRow({ link }: { link: SourceLinkHealth }) {
  const { t } = useTranslation();
  const name = link.feed === undefined ? t(`feeds.links.${link.id}`) : t(`feeds.names.${link.feed}`);
  const state = t(`feeds.linkStates.${link.state}`);
  return (
    <li className={`source-link link-${link.state}`} aria-label={`${name}: ${state}`} data-link={link.id} data-state={link.state}>
      <span className="feed-mark" aria-hidden="true">
        {LINK_MARK[link.state]}
      </span>{' '}
      <span className="feed-name">{name}</span> <span className="panel-sub">{link.target}</span> <span className="feed-state">{state}</span>
      {link.state !== 'open' && <div className="feed-detail">{reasonText(t, link.reason, link.detail)}</div>}
    </li>
  );
}

/** The truth about each feed: state in words and shape (not colour alone), age, rate, lag and rejections. */
export function FeedHealthPanel() {
  const { t } = useTranslation();
  const health = useConsole(selectHealth);
  const now = useNow(1000);
  return (
    <section className="panel feed-health" role="region" aria-label={t('feeds.region')}>
      <h2>
        {t('feeds.region')} <span className="panel-sub">{health?.platform ?? ''}</span>
      </h2>
      {health?.links && health.links.length > 0 && (
        <ul className="source-links" aria-label={t('feeds.links.broker')}>
          {health.links.map((link) => (
            <LinkRow key={`${link.source ?? ''}:${link.id}`} link={link} />
          ))}
        </ul>
      )}
      {health ? (
        <ul>
          {health.feeds.map((feed) => (
            <FeedRow key={feed.feed} feed={feed} now={now} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('feeds.waiting')}</p>
      )}
    </section>
  );
}
