import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from './placeData';
import { usePlaceSearch } from './usePlaceSearch';

/** "Find a place": a combobox over the offline places index; each option is the place in the UI's language with the other beside it. */
export function PlaceCombobox({ onPick }: { onPick: (place: Place) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { search, error } = usePlaceSearch();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const results = useMemo(() => (search && query.trim() ? search.search(query, 8) : []), [search, query]);
  const thai = i18n.language === 'th';
  const pick = (place: Place | undefined) => {
    if (!place) return;
    onPick(place);
    setQuery(thai ? place.name.th : place.name.en);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && open && results.length > 0) pick(results[active]);
    else if (e.key === 'Escape' && open) setOpen(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const expanded = open && results.length > 0;
  return (
    <div className="place-combobox">
      <label htmlFor={`${id}-input`}>{t('calltaker.findPlace')}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-${active}` : undefined}
        value={query}
        placeholder={t('calltaker.findPlaceHint')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
      />
      {error && <p className="action-error">{t('calltaker.placesFailed', { error })}</p>}
      {expanded && (
        <ul id={`${id}-list`} role="listbox" aria-label={t('calltaker.places')} className="place-results">
          {results.map((place, k) => {
            const [main, other] = thai ? [place.name.th, place.name.en] : [place.name.en, place.name.th];
            const district = thai ? place.district.th : place.district.en;
            return (
              <li key={place.id} id={`${id}-${k}`} role="option" aria-selected={k === active} className={k === active ? 'active' : undefined} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(place)}>
                <span className="place-main">{main}</span>
                {other !== main && (
                  <span className="place-other" lang={thai ? 'en' : 'th'}>
                    {' '}
                    {other}
                  </span>
                )}
                <span className="place-district muted"> · {district}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
