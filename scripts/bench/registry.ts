import { coldStart } from './coldStart';
import { coldStartCore } from './coldStartCore';
import { crosswindow } from './crosswindow';
import { fanout } from './fanout';
import { feedToPixel } from './feedToPixel';
import type { Bench } from './harness';
import { ingest } from './ingest';
import { outbox } from './outbox';
import { queue } from './queue';
import { recommend } from './recommend';
import { render } from './render';
import { soak } from './soak';

/** Every benchmark, in the order `npm run bench` runs them: cheap core ones first, the 20-minute soak last. */
export const BENCHES: readonly Bench[] = [ingest, outbox, recommend, coldStartCore, fanout, coldStart, render, feedToPixel, crosswindow, queue, soak];
