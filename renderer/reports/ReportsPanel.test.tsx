import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CitizenReport } from '../../shared/domain';
import { en } from '../i18n/en';
import { th } from '../i18n/th';
import type { ReportsPanelProps } from './ReportsPanel';
import { ReportsPanel } from './ReportsPanel';
import { ageOf, attachBlocker, nextIndex, photoAllowed, visibleReports } from './reportList';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const report = (id: string, over: Partial<CitizenReport> = {}): CitizenReport => ({
  id,
  category: 'waste',
  categoryText: null,
  description: 'ขยะไม่มีคนมาเก็บสามวันแล้ว',
  position: [98.3, 7.9],
  address: 'ใกล้ตลาดสดกะทู้ ต.กะทู้ จ.ภูเก็ต',
  photoUrl: `http://127.0.0.1:4000/reports/v1/photos/${id}.svg`,
  status: 'waiting',
  agency: 'Kathu Municipality',
  incidentId: null,
  reportedAt: NOW - 5 * 60_000,
  observedAt: NOW - 60_000,
  ...over,
});

const none = (): void => undefined;
function render(over: Partial<ReportsPanelProps> = {}): string {
  const props: ReportsPanelProps = { reports: [], selectedReportId: null, onSelect: none, selectedIncidentId: null, onPromote: none, onAttach: none, language: 'en', now: NOW, ...over };
  return renderToStaticMarkup(<ReportsPanel {...props} />);
}
const buttonTag = (html: string, label: string): string => html.match(new RegExp(`<button[^>]*>${label}</button>`))?.[0] ?? `no button "${label}"`;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en }, th: { translation: th } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('the reports list', () => {
  it('lists open reports newest first by default, all on request, with ties in a stable order', () => {
    const reports = [report('old', { reportedAt: 1 }), report('done', { status: 'done', reportedAt: 5 }), report('b', { reportedAt: 3 }), report('a', { reportedAt: 3 })];
    expect(visibleReports(reports, 'open').map((r) => r.id)).toEqual(['a', 'b', 'old']);
    expect(visibleReports(reports, 'all').map((r) => r.id)).toEqual(['done', 'a', 'b', 'old']);
  });

  it('moves with the arrow, Home, End and Page keys, staying inside the list', () => {
    expect(nextIndex('ArrowDown', -1, 5)).toBe(0);
    expect(nextIndex('ArrowDown', 4, 5)).toBe(4);
    expect(nextIndex('ArrowUp', 0, 5)).toBe(0);
    expect(nextIndex('End', 1, 5)).toBe(4);
    expect(nextIndex('Home', 3, 5)).toBe(0);
    expect(nextIndex('PageDown', 0, 30, 10)).toBe(10);
    expect(nextIndex('PageUp', 3, 30, 10)).toBe(0);
    expect(nextIndex('x', 0, 5)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull();
  });

  it('says why a report cannot be attached, and ages in whole units', () => {
    expect(attachBlocker(report('r'), null)).toBe('no-incident');
    expect(attachBlocker(report('r', { incidentId: 'i' }), 'j')).toBe('linked');
    expect(attachBlocker(report('r'), 'j')).toBeNull();
    expect(ageOf(59_000)).toEqual({ value: 0, unit: 'minute' });
    expect(ageOf(3 * 3_600_000)).toEqual({ value: 3, unit: 'hour' });
    expect(ageOf(3 * 86_400_000)).toEqual({ value: 3, unit: 'day' });
  });

  it('shows a photo only where the CSP lets images come from (the page’s own origin, data:, blob:)', () => {
    expect(photoAllowed('http://127.0.0.1:4000/p.svg', 'http://127.0.0.1:4000')).toBe(true);
    expect(photoAllowed('http://127.0.0.1:4000/p.svg', 'http://127.0.0.1:5173')).toBe(false);
    expect(photoAllowed('http://127.0.0.1:4000/p.svg', null)).toBe(false);
    expect(photoAllowed('data:image/png;base64,AA', null)).toBe(true);
    expect(photoAllowed('not a url', 'http://x')).toBe(false);
  });

  it('renders a keyboard listbox of rows with category (or the reporter’s own words), status, age, address and link', () => {
    const html = render({ reports: [report('r1'), report('r2', { category: 'other', categoryText: 'Taxi overcharging', incidentId: 'urn:ngsi-ld:Alert:0193abcd-0000-7000-8000-000000000001', reportedAt: NOW - 3 * 3_600_000 })], selectedReportId: 'r1' });
    expect(html).toMatch(/role="listbox"[^>]*tabindex="0"|tabindex="0"[^>]*role="listbox"/);
    expect(html).toMatch(/aria-activedescendant="[^"]*report-r1"/);
    expect(html).toContain('role="option"');
    expect(html).toMatch(/aria-selected="true"[^>]*>.*Waste/);
    expect(html).toContain('Taxi overcharging');
    expect(html).toMatch(/5 mins? ago/);
    expect(html).toMatch(/3 hrs? ago/);
    expect(html).toContain('ใกล้ตลาดสดกะทู้');
    expect(html).toContain('Linked to incident');
    expect(html.indexOf('Waste')).toBeLessThan(html.indexOf('Taxi overcharging'));
  });

  it('details the selected report: the photo as its link (the CSP would block it), promote, and attach only with an incident selected', () => {
    const html = render({ reports: [report('r1')], selectedReportId: 'r1' });
    expect(html).toContain('Photo (open it outside the console): http://127.0.0.1:4000/reports/v1/photos/r1.svg');
    expect(html).not.toContain('<img');
    expect(buttonTag(html, 'Promote to incident')).not.toContain('disabled');
    expect(buttonTag(html, 'Attach to selected incident')).toContain('disabled');
    expect(html).toContain('Select an incident to attach this report to.');
    const withIncident = render({ reports: [report('r1')], selectedReportId: 'r1', selectedIncidentId: 'urn:ngsi-ld:Alert:x' });
    expect(buttonTag(withIncident, 'Attach to selected incident')).not.toContain('disabled');
    const linked = render({ reports: [report('r1', { incidentId: 'urn:ngsi-ld:Alert:y' })], selectedReportId: 'r1', selectedIncidentId: 'urn:ngsi-ld:Alert:x' });
    expect(buttonTag(linked, 'Promote to incident')).toContain('disabled');
    expect(buttonTag(linked, 'Attach to selected incident')).toContain('disabled');
    expect(linked).toContain('already linked');
  });

  it('hides finished reports until "All" is chosen, and says when there is nothing to show', () => {
    const html = render({ reports: [report('d', { status: 'done' })] });
    expect(html).toContain('No reports to show.');
    expect(html).toMatch(/aria-pressed="true"[^>]*>Open/);
  });

  it('speaks Thai, with Thai dates', async () => {
    await i18next.changeLanguage('th');
    try {
      const html = render({ reports: [report('r1')], selectedReportId: 'r1', language: 'th' });
      expect(html).toContain('ขยะ');
      expect(html).toContain('รอรับเรื่อง');
      expect(html).toContain('ยกระดับเป็นเหตุการณ์');
      expect(html).toContain('2569');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
