import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../shared/domain';
import { useConsole } from '../store/context';
import { selectFilter, selectIncidents, selectUnits } from '../store/selectors';
import { filterQueue } from './filters';

/** The queue as the operator has filtered it; searching also matches the translated type. */
export function useQueue(): Incident[] {
  const incidents = useConsole(selectIncidents);
  const units = useConsole(selectUnits);
  const filter = useConsole(selectFilter);
  const { t, i18n } = useTranslation();
  return useMemo(() => filterQueue(incidents.values(), filter, units, (i) => `${t(`types.${i.type}`)} ${t(`status.${i.status}`)}`), [incidents, units, filter, t, i18n.language]);
}
