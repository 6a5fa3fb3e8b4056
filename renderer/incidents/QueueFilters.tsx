import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Agency, IncidentStatus, IncidentType } from '../../shared/domain';
import { districtsWithSubdistricts } from '../geo/subdistricts';
import { useConsole, useConsoleStore } from '../store/context';
import { selectFilter, selectSoundOn } from '../store/selectors';

/** The boundaries never change while the console runs. */
const DISTRICTS = districtsWithSubdistricts();

/** Search and filters over the queue: type, status, district, agency. */
export const QueueFilters = forwardRef<HTMLInputElement>(function QueueFilters(_props, searchRef) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const filter = useConsole(selectFilter);
  const soundOn = useConsole(selectSoundOn);
  const store = useConsoleStore();
  const set = store.getState().setFilter;
  return (
    <div className="queue-filters" role="group" aria-label={t('incidents.filters')}>
      <input
        ref={searchRef}
        type="search"
        aria-label={t('incidents.search')}
        placeholder={`${t('incidents.search')} (/)`}
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
        onKeyDown={(e) => {
          // Esc leaves the search box for the queue and keeps the search (a search field would clear itself).
          if (e.key === 'Escape') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
      />
      <select aria-label={t('incidents.allTypes')} value={filter.type ?? ''} onChange={(e) => set({ type: IncidentType.safeParse(e.target.value).data ?? null })}>
        <option value="">{t('incidents.allTypes')}</option>
        {IncidentType.options.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('incidents.allStatuses')} value={filter.status ?? ''} onChange={(e) => set({ status: IncidentStatus.safeParse(e.target.value).data ?? null })}>
        <option value="">{t('incidents.allStatuses')}</option>
        {IncidentStatus.options.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('incidents.allDistricts')} value={filter.district ?? ''} onChange={(e) => set({ district: e.target.value || null })}>
        <option value="">{t('incidents.allDistricts')}</option>
        {DISTRICTS.map(({ district, subdistricts }) => (
          <optgroup key={district.code} label={district[lang]}>
            <option value={district.code}>{t('basemap.wholeDistrict', { name: district[lang] })}</option>
            {subdistricts.map((s) => (
              <option key={s.code} value={s.code}>
                {s[lang]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select aria-label={t('incidents.allAgencies')} value={filter.agency ?? ''} onChange={(e) => set({ agency: Agency.safeParse(e.target.value).data ?? null })}>
        <option value="">{t('incidents.allAgencies')}</option>
        {Agency.options.map((agency) => (
          <option key={agency} value={agency}>
            {t(`agency.${agency}`)}
          </option>
        ))}
      </select>
      <label className="sound-toggle">
        <input type="checkbox" checked={soundOn} onChange={() => store.getState().toggleSound()} /> {t('incidents.soundOn')}
      </label>
    </div>
  );
});
