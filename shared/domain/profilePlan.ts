import { SPLIT_ROLES, defaultRoles } from './profile';
import type { Display, ProfileWindow, Rect, WindowProfile, WindowRole } from './profile';

/** One window to open (or keep): what both Electron's window manager and the browser host's --app windows execute. */
export interface WindowSpec {
  readonly role: WindowRole;
  readonly displayId: number;
  readonly bounds: Rect;
  readonly panelSizes: readonly number[] | null;
}

/** What the plan did that the operator (or the log) should hear about. */
export type PlanNote =
  | { readonly kind: 'display-missing'; readonly displayId: number; readonly role: WindowRole }
  | { readonly kind: 'display-added'; readonly displayId: number; readonly role: WindowRole }
  | { readonly kind: 'queue-moved'; readonly displayId: number }
  | { readonly kind: 'role-dropped'; readonly role: WindowRole };

export interface WindowPlan {
  readonly windows: readonly WindowSpec[];
  readonly notes: readonly PlanNote[];
}

const area = (d: Display): Rect => d.workArea ?? d.bounds;

/** Primary first, then left to right, top to bottom: the order roles are handed out in. */
function ordered(displays: readonly Display[]): Display[] {
  const unique = new Map<number, Display>();
  for (const d of displays) if (!unique.has(d.id)) unique.set(d.id, d);
  return [...unique.values()].sort((a, b) => Number(b.primary ?? false) - Number(a.primary ?? false) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

/** Saved bounds are kept while their centre is still on the display (a resolution change can move it off); else the whole work area. */
function fit(saved: Rect | null, display: Display): Rect {
  const work = area(display);
  if (!saved) return work;
  const cx = saved.x + saved.width / 2;
  const cy = saved.y + saved.height / 2;
  const inside = cx >= work.x && cx < work.x + work.width && cy >= work.y && cy < work.y + work.height;
  if (!inside) return work;
  const width = Math.min(saved.width, work.width);
  const height = Math.min(saved.height, work.height);
  const x = Math.min(Math.max(saved.x, work.x), work.x + work.width - width);
  const y = Math.min(Math.max(saved.y, work.y), work.y + work.height - height);
  return { x, y, width, height };
}

function spec(display: Display, role: WindowRole, saved: ProfileWindow | undefined): WindowSpec {
  const same = saved?.role === role ? saved : undefined;
  return { role, displayId: display.id, bounds: fit(same?.bounds ?? null, display), panelSizes: same?.panelSizes ?? null };
}

/**
 * Turns the displays present and a saved profile into the windows to show, one per display.
 * A saved window keeps its display, bounds and layout while its display is there. A display that is gone takes
 * its window with it, except the queue: the one place an operator acts must stay on some screen, so when it would
 * be lost the roles are handed out again from the defaults for the displays that remain. A new display gets the
 * first role not yet shown (then more map walls). One display is always the all-in-one console.
 */
export function planWindows(displays: readonly Display[], profile: WindowProfile): WindowPlan {
  const present = ordered(displays);
  const ids = new Set(present.map((d) => d.id));
  const saved = new Map<number, ProfileWindow>();
  for (const w of profile.windows) if (!saved.has(w.displayId)) saved.set(w.displayId, w);
  const notes: PlanNote[] = [...saved.values()].filter((w) => !ids.has(w.displayId)).map((w) => ({ kind: 'display-missing', displayId: w.displayId, role: w.role }));
  const [first] = present;
  if (!first) return { windows: [], notes };
  if (present.length === 1) return { windows: [spec(first, 'all', saved.get(first.id))], notes };

  const kept = present.flatMap((d) => {
    const w = saved.get(d.id);
    return w ? [{ display: d, window: w }] : [];
  });
  const covered = new Set<WindowRole>(kept.map((k) => k.window.role));
  const queueLost = saved.size > 0 && [...saved.values()].some((w) => w.role === 'queue' || w.role === 'all') && !covered.has('queue') && !covered.has('all');
  if (queueLost) {
    const roles = defaultRoles(present.length);
    const windows = present.map((d, i) => spec(d, roles[i] ?? 'map', saved.get(d.id)));
    const shown = new Set(windows.map((w) => w.role));
    const dropped = [...new Set([...saved.values()].map((w) => w.role))].filter((r) => !shown.has(r) && r !== 'all');
    notes.push({ kind: 'queue-moved', displayId: first.id }, ...dropped.map((role) => ({ kind: 'role-dropped' as const, role })));
    return { windows, notes };
  }

  const windows = present.map((d) => {
    const w = saved.get(d.id);
    if (w) return spec(d, w.role, w);
    const role = SPLIT_ROLES.find((r) => !covered.has(r)) ?? 'map';
    covered.add(role);
    if (saved.size > 0) notes.push({ kind: 'display-added', displayId: d.id, role });
    return spec(d, role, undefined);
  });
  for (const note of notes) if (note.kind === 'display-missing' && !covered.has(note.role)) notes.push({ kind: 'role-dropped', role: note.role });
  return { windows, notes };
}

/** The profile after the operator moved or resized a window or its panels: saved per display, so each display keeps its own. */
export function rememberWindow(profile: WindowProfile, window: ProfileWindow): WindowProfile {
  const others = profile.windows.filter((w) => w.displayId !== window.displayId);
  return { ...profile, windows: [...others, window].sort((a, b) => a.displayId - b.displayId) };
}

/** The profile that records a plan as executed, so the next start (and the next display change) begins from it. */
export function profileFromPlan(profile: WindowProfile, plan: WindowPlan): WindowProfile {
  const planned = plan.windows.map((w) => ({ role: w.role, displayId: w.displayId, bounds: w.bounds, panelSizes: w.panelSizes === null ? null : [...w.panelSizes] }));
  const plannedIds = new Set(planned.map((w) => w.displayId));
  const shown = new Set(planned.map((w) => w.role));
  // A window of a display that is only unplugged for now is kept while its role is shown nowhere else, so plugging
  // the display back restores it; one whose role moved elsewhere is forgotten, or the role would come back twice.
  const away = profile.windows.filter((w) => !plannedIds.has(w.displayId) && !shown.has(w.role));
  return { ...profile, windows: [...planned, ...away].sort((a, b) => a.displayId - b.displayId) };
}
