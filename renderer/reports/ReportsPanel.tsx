import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { shortId } from '../../shared/domain';
import type { CitizenReport } from '../../shared/domain';
import type { Language } from '../i18n';
import { locale } from '../i18n';
import type { ReportFilter } from './reportList';
import { ageOf, attachBlocker, nextIndex, photoAllowed, visibleReports } from './reportList';
import './reports.css';

export interface ReportsPanelProps {
  reports: readonly CitizenReport[];
  selectedReportId: string | null;
  onSelect(id: string): void;
  selectedIncidentId: string | null;
  onPromote(report: CitizenReport): void;
  onAttach(report: CitizenReport, incidentId: string): void;
  language: Language;
  /** The clock for ages; the render time when not given. */
  now?: number;
}

const ROW_PX = 44;

const categoryLabel = (t: TFunction, r: CitizenReport): string => (r.category === 'other' && r.categoryText !== null ? r.categoryText : t(`reports.category.${r.category}`));

function ageLabel(t: TFunction, language: Language, ms: number): string {
  const { value, unit } = ageOf(ms);
  return t('reports.age', { age: new Intl.NumberFormat(locale(language), { style: 'unit', unit, unitDisplay: 'short' }).format(value) });
}

/**
 * Citizen reports: a virtualised list (newest first, open or all) that the arrow keys move through, and the
 * selected report's details with the operator's two actions. Everything comes in by props, so the window
 * decides what a promote or an attach does (the outbox) and where the selection lives.
 */
export function ReportsPanel(props: ReportsPanelProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ReportFilter>('open');
  const list = visibleReports(props.reports, filter);
  const scroller = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const virtualizer = useVirtualizer({ count: list.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 8, initialRect: { width: 320, height: ROW_PX * 8 } });
  const selectedIndex = list.findIndex((r) => r.id === props.selectedReportId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  const now = props.now ?? Date.now();
  const optionId = (id: string): string => `${baseId}-report-${id}`;
  const selected = props.reports.find((r) => r.id === props.selectedReportId) ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next = nextIndex(event.key, selectedIndex, list.length, Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_PX * 8) / ROW_PX)));
    const target = next === null ? undefined : list[next];
    if (target === undefined) return;
    event.preventDefault();
    props.onSelect(target.id);
  };

  return (
    <section className="reports-panel" aria-label={t('reports.title')}>
      <div className="reports-filter" role="group" aria-label={t('reports.filters')}>
        {(['open', 'all'] as const).map((f) => (
          <button key={f} type="button" className="count-chip" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(f === 'open' ? 'reports.filterOpen' : 'reports.filterAll')}{' '}
            <strong>{visibleReports(props.reports, f).length}</strong>
          </button>
        ))}
      </div>
      <div
        ref={scroller}
        className="reports-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={t('reports.list')}
        aria-describedby={`${baseId}-keys`}
        aria-activedescendant={selected !== null && selectedIndex >= 0 ? optionId(selected.id) : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="reports-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const r = list[row.index];
            if (r === undefined) return null;
            const isSelected = r.id === props.selectedReportId;
            return (
              <div
                key={r.id}
                id={optionId(r.id)}
                role="option"
                aria-selected={isSelected}
                aria-setsize={list.length}
                aria-posinset={row.index + 1}
                className={`report-row status-${r.status}${isSelected ? ' selected' : ''}${r.incidentId !== null ? ' linked' : ''}`}
                style={{ transform: `translateY(${row.start}px)` }}
                onClick={() => props.onSelect(r.id)}
              >
                <span className="report-line">
                  <span className="report-category">{categoryLabel(t, r)}</span> <span className="report-status">{t(`reports.status.${r.status}`)}</span>{' '}
                  <span className="report-age">{ageLabel(t, props.language, now - r.reportedAt)}</span>
                </span>
                <span className="report-line report-sub">
                  {r.address ?? t('reports.noAddress')}
                  {r.incidentId !== null && <span className="report-linked"> · {t('reports.linked', { id: shortId(r.incidentId) })}</span>}
                </span>
              </div>
            );
          })}
        </div>
        {list.length === 0 && <p className="reports-empty">{t('reports.empty')}</p>}
      </div>
      <p id={`${baseId}-keys`} className="reports-keys">
        {t('reports.keysHint')}
      </p>
      <ReportDetails {...props} report={selected} now={now} />
    </section>
  );
}

function ReportDetails(props: ReportsPanelProps & { report: CitizenReport | null; now: number }) {
  const { t } = useTranslation();
  const whyId = useId();
  const { report } = props;
  if (report === null) {
    return (
      <div className="report-details" role="region" aria-label={t('reports.details')}>
        <p>{t('reports.noSelection')}</p>
      </div>
    );
  }
  const time = new Intl.DateTimeFormat(locale(props.language), { dateStyle: 'medium', timeStyle: 'short' });
  const blocker = attachBlocker(report, props.selectedIncidentId);
  const pageOrigin = typeof window === 'undefined' ? null : window.location.origin;
  return (
    <div className="report-details" role="region" aria-label={t('reports.details')}>
      <h3>
        {categoryLabel(t, report)} · {t(`reports.status.${report.status}`)}
      </h3>
      <p className="report-description">{report.description}</p>
      <p>{report.address ?? t('reports.noAddress')}</p>
      {report.agency !== null && <p>{t('reports.agency', { agency: report.agency })}</p>}
      <p>
        {t('reports.reported', { time: time.format(report.reportedAt) })} · {t('reports.updated', { time: time.format(report.observedAt) })}
      </p>
      {report.incidentId !== null && <p className="report-linked">{t('reports.linked', { id: shortId(report.incidentId) })}</p>}
      {report.photoUrl === null ? (
        <p className="report-photo-none">{t('reports.noPhoto')}</p>
      ) : photoAllowed(report.photoUrl, pageOrigin) ? (
        <img className="report-photo" src={report.photoUrl} alt={t('reports.photo')} />
      ) : (
        <p className="report-photo-link">{t('reports.photoLink', { url: report.photoUrl })}</p>
      )}
      <div className="report-actions">
        <button type="button" disabled={report.incidentId !== null} onClick={() => props.onPromote(report)}>
          {t('reports.promote')}
        </button>
        <button
          type="button"
          disabled={blocker !== null}
          aria-describedby={blocker === null ? undefined : whyId}
          onClick={() => {
            if (props.selectedIncidentId !== null) props.onAttach(report, props.selectedIncidentId);
          }}
        >
          {t('reports.attach')}
        </button>
      </div>
      {blocker !== null && (
        <p id={whyId} className="report-why">
          {t(blocker === 'linked' ? 'reports.alreadyLinked' : 'reports.needsIncident')}
        </p>
      )}
    </div>
  );
}
