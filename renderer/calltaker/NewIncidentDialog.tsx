import { useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IncidentType, Severity, shortId } from '../../shared/domain';
import type { CallLine, CitizenReport, NewIncident } from '../../shared/domain';
import { draftFromReport } from './fromReport';
import { act, actFor } from '../incidents/act';
import { PlaceCombobox } from '../places/PlaceCombobox';
import type { Place } from '../places/placeData';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectIncidents } from '../store/selectors';
import { countryName, languageName } from '../ui/format';
import { CALL_LINES, CALLER_COUNTRIES, CALLER_LANGUAGES, formatCoordinates, parseCoordinates } from './callerOptions';
import { likelyDuplicates } from './duplicates';
import { useFocusTrap } from './focusTrap';

interface Form {
  type: IncidentType;
  severity: Severity;
  location: string;
  place: Place | null;
  description: string;
  callerName: string;
  callerPhone: string;
  callerLanguage: string;
  callerNationality: string;
  line: CallLine;
}

const EMPTY: Form = { type: 'traffic-accident', severity: 'medium', location: '', place: null, description: '', callerName: '', callerPhone: '', callerLanguage: '', callerNationality: '', line: '191' };

/** A citizen report being promoted: its place, words and likely type, reported on no phone line. */
function formFromReport(report: CitizenReport): Form {
  const draft = draftFromReport(report);
  return { ...EMPTY, type: draft.type ?? EMPTY.type, location: formatCoordinates(draft.position), description: draft.description, line: 'other' };
}

/**
 * "New incident": a call becomes an incident. Every field has a label; Tab walks them, the place search is a
 * combobox, Enter on "Create incident" (or Ctrl+Enter anywhere) submits, Esc closes. Likely duplicates (same
 * type, 500 m, 30 min) are listed, and the call can be attached to one of them as a note instead.
 */
export function NewIncidentDialog() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const incidents = useConsole(selectIncidents);
  const picked = useConsole((s) => s.pickedLocation);
  const picking = useConsole((s) => s.pickingLocation);
  const report = useConsole((s) => s.promotingReport);
  const [form, setForm] = useState<Form>(() => (report ? formFromReport(report) : EMPTY));
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  // The line the call came in on is known first; focus starts there.
  useFocusTrap(box, first);
  const [pickedShown, setPickedShown] = useState(picked);
  if (picked !== pickedShown) {
    // A click on the map arrived: it is the location now.
    setPickedShown(picked);
    if (picked) setForm((f) => ({ ...f, location: formatCoordinates(picked), place: null }));
  }
  const position = parseCoordinates(form.location);
  const duplicates = position ? likelyDuplicates(incidents.values(), form.type, position, Date.now()) : [];
  const thai = i18n.language === 'th';
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const close = () => store.getState().setNewIncidentOpen(false);

  const callText = () =>
    [t('calltaker.callOn', { line: form.line === 'other' ? t('calltaker.lines.other') : form.line }), form.callerName, form.callerPhone, form.description].filter((s) => s.trim() !== '').join(' · ');

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!position) {
      setError(t('calltaker.needLocation'));
      return;
    }
    const incident: NewIncident = {
      type: form.type,
      severity: form.severity,
      position,
      description: form.description.trim(),
      district: form.place?.district.en ?? null,
      place: form.place ? (thai ? form.place.name.th : form.place.name.en) : null,
      callerName: form.callerName.trim(),
      callerPhone: form.callerPhone.trim(),
      callerLanguage: form.callerLanguage || null,
      callerNationality: form.callerNationality || null,
      line: form.line,
    };
    const accepted = await actFor(bridge, store, { kind: 'create', incident, ...(report ? { reportId: report.id } : {}) });
    if (!accepted) {
      setError(store.getState().actionError);
      return;
    }
    close();
    if (accepted.incidentId) store.getState().select({ kind: 'incident', id: accepted.incidentId, from: 'queue' });
  };

  const attach = async (incidentId: string) => {
    if (await act(bridge, store, { kind: 'note', incidentId, text: callText() || t('calltaker.sameCall'), ...(report ? { reportId: report.id } : {}) })) {
      close();
      store.getState().select({ kind: 'incident', id: incidentId, from: 'queue' });
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const pickPlace = (place: Place) => setForm((f) => ({ ...f, place, location: formatCoordinates([place.lon, place.lat]) }));
  const district = form.place ? (thai ? `${form.place.subdistrict.th}, ${form.place.district.th}` : `${form.place.subdistrict.en}, ${form.place.district.en}`) : null;

  return (
    <div className="modal-backdrop" hidden={picking}>
      <div ref={box} className="panel modal new-incident" role="dialog" aria-modal="true" aria-label={t('calltaker.dialog')} onKeyDown={onKey}>
        <h2>{t('calltaker.dialog')}</h2>
        {report && (
          <p className="muted promoting-report" role="note">
            {t('calltaker.fromReport', { id: shortId(report.id), category: report.categoryText ?? report.category })}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} className="new-incident-form">
          <label>
            {t('calltaker.line')}
            <select ref={first} value={form.line} onChange={(e) => set('line', CALL_LINES.find((l) => l === e.target.value) ?? 'other')}>
              {CALL_LINES.map((l) => (
                <option key={l} value={l}>
                  {t(`calltaker.lines.${l === 'other' ? 'other' : `l${l}`}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('calltaker.type')}
            <select value={form.type} onChange={(e) => set('type', IncidentType.catch(form.type).parse(e.target.value))}>
              {IncidentType.options.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('calltaker.severity')}
            <select value={form.severity} onChange={(e) => set('severity', Severity.catch(form.severity).parse(e.target.value))}>
              {Severity.options.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <PlaceCombobox onPick={pickPlace} />
          <label>
            {t('calltaker.location')}
            <input value={form.location} onChange={(e) => setForm((f) => ({ ...f, location: e.target.value, place: null }))} placeholder={t('calltaker.locationHint')} aria-invalid={form.location !== '' && !position} />
          </label>
          <p className="muted location-facts" aria-live="polite">
            {district ? t('calltaker.district', { district }) : position ? formatCoordinates(position) : t('calltaker.noLocation')}{' '}
            <button type="button" onClick={() => store.getState().setPickingLocation(true)}>
              {t('calltaker.pickOnMap')}
            </button>
          </p>
          <label>
            {t('calltaker.description')}
            <textarea value={form.description} onChange={(e) => set('description', e.target.value)} maxLength={2000} rows={2} />
          </label>
          <label>
            {t('calltaker.callerName')}
            <input value={form.callerName} onChange={(e) => set('callerName', e.target.value)} maxLength={100} autoComplete="off" />
          </label>
          <label>
            {t('calltaker.callerPhone')}
            <input value={form.callerPhone} onChange={(e) => set('callerPhone', e.target.value)} maxLength={40} inputMode="tel" autoComplete="off" />
          </label>
          <label>
            {t('calltaker.callerLanguage')}
            <select value={form.callerLanguage} onChange={(e) => set('callerLanguage', e.target.value)}>
              <option value="">{t('calltaker.unknown')}</option>
              {CALLER_LANGUAGES.map((tag) => (
                <option key={tag} value={tag}>
                  {languageName(tag)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('calltaker.callerNationality')}
            <select value={form.callerNationality} onChange={(e) => set('callerNationality', e.target.value)}>
              <option value="">{t('calltaker.unknown')}</option>
              {CALLER_COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {countryName(code)}
                </option>
              ))}
            </select>
          </label>
          {duplicates.length > 0 && (
            <section className="duplicates" aria-label={t('calltaker.duplicates')}>
              <h3>{t('calltaker.duplicates')}</h3>
              <ul>
                {duplicates.map(({ incident, metres }) => (
                  <li key={incident.id}>
                    {shortId(incident.id)} · {t(`types.${incident.type}`)} · {t(`status.${incident.status}`)} · {t('calltaker.metres', { metres: Math.round(metres) })}{' '}
                    <button type="button" onClick={() => void attach(incident.id)}>
                      {t('calltaker.attach', { id: shortId(incident.id) })}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {error && (
            <p className="action-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit">{t('calltaker.create')}</button>
            <button type="button" onClick={close}>
              {t('dispatch.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
