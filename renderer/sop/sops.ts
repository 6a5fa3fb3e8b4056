import { z } from 'zod';
import type { TimelineEvent } from '../../shared/contract';
import { IncidentKind, Severity } from '../../shared/domain';
import type { Incident } from '../../shared/domain';

const Text = z.object({ en: z.string().min(1).max(400), th: z.string().min(1).max(400) });

/** A standard operating procedure: a versioned checklist in both languages (assets/sops/*.json). */
export const Sop = z.object({
  id: z.string().regex(/^[a-z-]{1,64}$/),
  version: z.number().int().positive(),
  title: Text,
  /** Which incidents it is for: any type listed, any Alert sub-category listed, or any severity listed. */
  applies: z.object({ types: z.array(IncidentKind).optional(), subCategories: z.array(z.string()).optional(), severities: z.array(Severity).optional() }),
  items: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), text: Text })).min(1).max(40),
});
export type Sop = z.infer<typeof Sop>;

export const SopIndex = z.object({ version: z.literal(1), files: z.array(z.string().regex(/^[a-z-]+\.json$/)).max(50) });

/** The procedures that apply to an incident, in the order shipped. Pure. */
export function sopsFor(incident: Incident, sops: readonly Sop[]): Sop[] {
  return sops.filter(
    (s) =>
      (s.applies.types ?? []).includes(incident.type) ||
      (incident.subCategory !== null && (s.applies.subCategories ?? []).includes(incident.subCategory)) ||
      (s.applies.severities ?? []).includes(incident.severity),
  );
}

/** Which items are checked now, from the timeline's SOP events (the last word on each item wins). Pure. */
export function checkedItems(events: readonly TimelineEvent[], sopId: string): Set<string> {
  const checked = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'sop' || e.params?.['sop'] !== sopId) continue;
    const item = e.params['item'];
    if (item === undefined) continue;
    if (e.to === 'checked') checked.add(item);
    else checked.delete(item);
  }
  return checked;
}

/** A procedure's and an item's own words in the window's language; their ids only if the procedure is not shipped here. Pure. */
export function sopWords(sops: readonly Sop[], sopId: string, itemId: string, lang: 'en' | 'th'): { sop: string; item: string } {
  const sop = sops.find((x) => x.id === sopId);
  const item = sop?.items.find((x) => x.id === itemId);
  return { sop: sop?.title[lang] ?? sopId, item: item?.text[lang] ?? itemId };
}

let loading: Promise<Sop[]> | null = null;

/** The shipped procedures, fetched once per window from the console's own origin. */
export function loadSops(): Promise<Sop[]> {
  loading ??= (async () => {
    const base = new URL('sops/', document.baseURI);
    const index = SopIndex.parse(await (await fetch(new URL('index.json', base))).json());
    return Promise.all(index.files.map(async (file) => Sop.parse(await (await fetch(new URL(file, base))).json())));
  })();
  loading.catch(() => (loading = null));
  return loading;
}
