import type { TFunction } from 'i18next';
import type { Incident } from '../../shared/domain';

/**
 * An incident's type in words. An `other` one (a standard Alert without special handling) says its Smart Data
 * Model category and sub-category, translated where the console knows them and as sent otherwise.
 */
export function incidentTypeLabel(t: TFunction, incident: Pick<Incident, 'type' | 'category' | 'subCategory'>): string {
  if (incident.type !== 'other') return t(`types.${incident.type}`);
  const category = t(`alertCategory.${incident.category}`, { defaultValue: incident.category });
  const sub = incident.subCategory === null ? null : t(`alertSubCategory.${incident.subCategory}`, { defaultValue: incident.subCategory });
  return sub === null ? category : `${category}: ${sub}`;
}
