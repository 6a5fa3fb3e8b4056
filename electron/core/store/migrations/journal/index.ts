import type { Migration } from '../migration';
import { createOutbox } from './0010-create-outbox';
import { createAudit } from './0020-create-audit';
import { createLocalIncidents } from './0030-create-local-incidents';
import { anchorAudit } from './0040-anchor-audit';
import { createTimeline } from './0050-create-timeline';

/** journal.db, oldest first. Append new steps; never edit one that has shipped. */
export const journalMigrations: readonly Migration[] = [createOutbox, createAudit, createLocalIncidents, anchorAudit, createTimeline];
