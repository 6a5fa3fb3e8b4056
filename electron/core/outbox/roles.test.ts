import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorProfile } from '../../../shared/domain';
import { incidentFixture } from '../../../shared/domain/testing/fixtures';
import { startConsoleCore } from '../consoleCore';
import type { ConsoleCore } from '../consoleCore';
import { createStore } from '../store/store';
import { uuidv7 } from '../store/uuidv7';

const cores: ConsoleCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
});

/** A core cut off from any platform, with one incident in its cache: roles are judged locally. */
async function coreAs(role: OperatorProfile['role']): Promise<ConsoleCore> {
  const dir = mkdtempSync(join(tmpdir(), 'roles-'));
  const seed = createStore({ dir });
  await seed.open();
  const incident = incidentFixture({ status: 'new' });
  await seed.appendObservations([{ feed: 'incidents', entityId: incident.id, sourceTime: 1, receivedAt: 1, endedAt: null, item: { feed: 'incidents', item: incident } }]);
  await seed.close();
  const core = await startConsoleCore({
    name: 't',
    version: '0.0.0',
    host: 'browser',
    platform: null,
    profile: { name: role, role, workstation: 'ws' },
    store: () => createStore({ dir }),
    newId: () => uuidv7(),
  });
  cores.push(core);
  return core;
}

describe('role rules in the core', () => {
  it('refuses an operator dispatch, close or reopen even if a window asks', async () => {
    const core = await coreAs('operator');
    const id = incidentFixture().id;
    await expect(core.handlers['incident:act']({ kind: 'acknowledge', incidentId: id }, { host: 'browser', windowId: 'w' })).resolves.toMatchObject({ state: 'queued' });
    await expect(core.actions.perform({ kind: 'dispatch', incidentId: id, unitIds: ['u1'] })).rejects.toThrow('an operator may not dispatch');
    await expect(core.actions.perform({ kind: 'status', incidentId: id, status: 'closed' })).rejects.toThrow(/may not move an incident to closed/);
    expect(core.actions.view().entries.map((e) => e.action.kind)).toEqual(['acknowledge']);
  }, 20_000);

  it('lets a supervisor dispatch', async () => {
    const core = await coreAs('supervisor');
    const id = incidentFixture().id;
    await core.actions.perform({ kind: 'acknowledge', incidentId: id });
    await expect(core.actions.perform({ kind: 'dispatch', incidentId: id, unitIds: ['u1'] })).resolves.toMatchObject({ state: 'queued' });
    expect(core.live.snapshot().incidents[0]).toMatchObject({ status: 'dispatched', assignedUnitIds: ['u1'] });
  }, 20_000);
});
