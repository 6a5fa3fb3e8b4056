import { useTranslation } from 'react-i18next';
import { shortId } from '../../shared/domain';
import type { CitizenReport } from '../../shared/domain';
import { act } from '../incidents/act';
import { currentLanguage } from '../i18n';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectSelection } from '../store/selectors';
import { ReportsPanel } from './ReportsPanel';

/**
 * The citizen-reports list wired to this window: reports from the live state, the report picked here or on
 * the map, promote (the call-taker's dialog, filled from the report) and attach (a note on the selected
 * incident that links the report, through the outbox like every action).
 */
export function ReportsDesk() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const reports = useConsole((s) => s.reports);
  const selectedReportId = useConsole((s) => s.selectedReportId);
  const selection = useConsole(selectSelection);
  const incidentId = selection?.kind === 'incident' ? selection.id : null;
  const attach = (report: CitizenReport, to: string) => {
    const category = report.categoryText ?? t(`reports.category.${report.category}`);
    const text = t('reports.attachNote', { id: shortId(report.id), category, text: report.description.slice(0, 3000) });
    void act(bridge, store, { kind: 'note', incidentId: to, text, reportId: report.id });
  };
  return (
    <section className="panel reports" role="region" aria-label={t('reports.title')}>
      <h2>{t('reports.title')}</h2>
      <ReportsPanel
        reports={[...reports.values()]}
        selectedReportId={selectedReportId}
        onSelect={(id) => store.getState().selectReport(id)}
        selectedIncidentId={incidentId}
        onPromote={(report) => store.getState().promoteReport(report)}
        onAttach={attach}
        language={currentLanguage()}
      />
    </section>
  );
}
