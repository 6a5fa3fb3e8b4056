import type { FeedHealth } from '../../shared/contract';
import { useNow } from '../ui/useNow';
import { useConsole } from '../store/context';
import { selectHealth } from '../store/selectors';

const FEED_NAMES = { traffic: 'Traffic', units: 'Units', incidents: 'Incidents' } as const;
const STATE_MARK = { connected: '●', degraded: '▲', down: '■' } as const;

function age(now: number, at: number | null): string {
  if (at === null) return 'never';
  const s = Math.max(0, Math.round((now - at) / 1000));
  return s < 60 ? `${s} s ago` : `${Math.floor(s / 60)} min ago`;
}

function FeedRow({ feed, now }: { feed: FeedHealth; now: number }) {
  return (
    <li className={`feed feed-${feed.state}`} aria-label={`${FEED_NAMES[feed.feed]}: ${feed.state}`}>
      <div className="feed-head">
        <span className="feed-mark" aria-hidden="true">
          {STATE_MARK[feed.state]}
        </span>
        <span className="feed-name">{FEED_NAMES[feed.feed]}</span>
        <span className="feed-state">{feed.state}</span>
      </div>
      <div className="feed-detail">{feed.detail}</div>
      <dl className="feed-stats">
        <dt>last</dt>
        <dd>{age(now, feed.lastMessageAt)}</dd>
        <dt>rate</dt>
        <dd>{feed.messagesPerSecond}/s</dd>
        <dt>lag</dt>
        <dd>{feed.lagMs === null ? '–' : `${Math.max(0, Math.round(feed.lagMs / 1000))} s`}</dd>
        <dt>items</dt>
        <dd>{feed.items}</dd>
        <dt>rejected</dt>
        <dd>{feed.rejected}</dd>
      </dl>
      {feed.lastRejection && (
        <div className="feed-rejection" title={feed.lastRejection.reason}>
          last rejected: {feed.lastRejection.reason}
        </div>
      )}
    </li>
  );
}

/** The truth about each feed: state in words and shape (not colour alone), age, rate, lag and rejections. */
export function FeedHealthPanel() {
  const health = useConsole(selectHealth);
  const now = useNow(1000);
  return (
    <section className="panel feed-health" role="region" aria-label="Feed health">
      <h2>
        Feed health <span className="panel-sub">{health?.platform ?? ''}</span>
      </h2>
      {health ? (
        <ul>
          {health.feeds.map((feed) => (
            <FeedRow key={feed.feed} feed={feed} now={now} />
          ))}
        </ul>
      ) : (
        <p className="muted">Waiting for the core…</p>
      )}
    </section>
  );
}
