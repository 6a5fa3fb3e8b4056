/** Short, readable forms for the panels. */
export function shortId(id: string): string {
  const match = /^urn:ngsi-ld:[^:]+:(.+)$/.exec(id);
  return match?.[1] ?? id;
}

export function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour12: false });
}

export function ageText(now: number, at: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
