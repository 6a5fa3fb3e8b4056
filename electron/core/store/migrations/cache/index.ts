import type { Migration } from '../migration';
import { createObservations } from './0010-create-observations';
import { createLatest } from './0020-create-latest';
import { openFeeds } from './0030-open-feeds';

/** cache.db, oldest first. Append new steps; never edit one that has shipped. */
export const cacheMigrations: readonly Migration[] = [createObservations, createLatest, openFeeds];
