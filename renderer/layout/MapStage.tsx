import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView } from '../map/MapView';
import { useConsole } from '../store/context';
import { selectBasemap, selectMapError } from '../store/selectors';
import { LinkBanner } from '../ui/LinkBanner';

/** The map with its error and link banners; the panels floating over it are the caller's. */
export function MapStage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const basemap = useConsole(selectBasemap);
  const mapError = useConsole(selectMapError);
  return (
    <main className="workspace">
      {basemap ? <MapView manifest={basemap} /> : <div className="map map-placeholder">{t('map.waitingHost')}</div>}
      {mapError && (
        <div className="map-error" role="alert">
          {t('map.couldNotLoad', { error: mapError })}
        </div>
      )}
      <LinkBanner />
      {children}
    </main>
  );
}
