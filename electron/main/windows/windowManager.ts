import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Display, WindowProfile } from '../../../shared/domain/profile';
import { planWindows, profileFromPlan, rememberWindow } from '../../../shared/domain/profilePlan';
import type { WindowSpec } from '../../../shared/domain/profilePlan';
import { log } from '../../core/log/logger';
import { recordFault } from '../../core/processGuards';
import type { WindowSession } from '../../core/session/windowSession';
import { createConsoleWindow } from '../window';
import { readDisplays } from './displays';
import { attachHealing } from './healing';

interface Managed {
  readonly window: BrowserWindow;
  spec: WindowSpec;
}

export interface WindowManager {
  /** Opens one window per display for the saved profile, and follows displays coming and going. */
  start(): void;
  /** After the core restarted: its new session must learn every window's role again. */
  reassign(): void;
  stop(): void;
}

const SAVE_BOUNDS_AFTER_MS = 500;

/** Executes the pure plan (planWindows) with Electron's windows and screen; one window per display, each with its role. */
export function createWindowManager(preload: string, session: () => WindowSession, env: NodeJS.ProcessEnv = process.env): WindowManager {
  const managed = new Map<number, Managed>();
  let stopped = false;

  const displays = (): Display[] => readDisplays(screen, env);
  const save = (profile: WindowProfile) => void session().setProfile(profile).catch((error: unknown) => recordFault('saving the window profile', error));
  const assign = (m: Managed) => session().assign(String(m.window.webContents.id), { role: m.spec.role, displayId: m.spec.displayId });

  function open(spec: WindowSpec): Managed {
    const window = createConsoleWindow(preload, { role: spec.role, bounds: spec.bounds, title: `Phuket Command Console · ${spec.role}` });
    const m: Managed = { window, spec };
    managed.set(spec.displayId, m);
    assign(m);
    attachHealing(window, () => m.spec.role);
    let timer: NodeJS.Timeout | undefined;
    const remember = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (window.isDestroyed()) return;
        // Kept per display id, so each display has its own bounds for this window.
        save(rememberWindow(session().profile(), { role: m.spec.role, displayId: m.spec.displayId, bounds: window.getBounds(), panelSizes: m.spec.panelSizes === null ? null : [...m.spec.panelSizes] }));
      }, SAVE_BOUNDS_AFTER_MS);
    };
    window.on('moved', remember);
    window.on('resized', remember);
    const id = window.webContents.id;
    window.on('closed', () => {
      clearTimeout(timer);
      session().release(String(id));
      // An operator's close is respected (a killed renderer does not close its window: healing reloads it in place).
      if (managed.get(spec.displayId) === m) managed.delete(spec.displayId);
    });
    return m;
  }

  function apply(reason: string): void {
    if (stopped) return;
    const plan = planWindows(displays(), session().profile());
    for (const note of plan.notes) log().warn('window plan', { reason, ...note });
    const wanted = new Map(plan.windows.map((w) => [w.displayId, w]));
    for (const [displayId, m] of managed) {
      const spec = wanted.get(displayId);
      if (spec && spec.role === m.spec.role) {
        m.spec = spec;
        if (!m.window.isDestroyed()) m.window.setBounds(spec.bounds);
        continue;
      }
      managed.delete(displayId);
      if (!m.window.isDestroyed()) m.window.close();
    }
    for (const spec of plan.windows) if (!managed.has(spec.displayId)) open(spec);
    save(profileFromPlan(session().profile(), plan));
    log().info('windows placed', { reason, windows: plan.windows.map((w) => `${w.role}@${w.displayId}`) });
  }

  const follow = (reason: string) => () => {
    try {
      apply(reason);
    } catch (error) {
      recordFault(`placing windows after ${reason}`, error);
    }
  };
  const onAdded = follow('display added');
  const onRemoved = follow('display removed');
  const onMetrics = follow('display changed');

  return {
    start() {
      apply('start');
      screen.on('display-added', onAdded);
      screen.on('display-removed', onRemoved);
      screen.on('display-metrics-changed', onMetrics);
    },
    reassign() {
      for (const m of managed.values()) if (!m.window.isDestroyed()) assign(m);
    },
    stop() {
      stopped = true;
      screen.removeListener('display-added', onAdded);
      screen.removeListener('display-removed', onRemoved);
      screen.removeListener('display-metrics-changed', onMetrics);
    },
  };
}
