import { coldStart } from './coldStart';
import { coldStartCore } from './coldStartCore';
import { crosswindow } from './crosswindow';
import { fanout } from './fanout';
import type { Bench } from './harness';
import { ingest } from './ingest';
import { outbox } from './outbox';
import { queue } from './queue';
import { recommend } from './recommend';
import { render } from './render';

/** Every benchmark, in the order `npm run bench` runs them: cheap core ones first. */
export const BENCHES: readonly Bench[] = [ingest, outbox, recommend, coldStartCore, fanout, coldStart, render, crosswindow, queue];
