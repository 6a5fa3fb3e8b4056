import { useTranslation } from 'react-i18next';
import { IncidentPanel } from './incidents/IncidentPanel';
import { NeedsAttention } from './incidents/NeedsAttention';
import { MapView } from './map/MapView';
import { FeedHealthPanel } from './panels/FeedHealthPanel';
import { MapLegend } from './panels/MapLegend';
import { SelectionCard } from './panels/SelectionCard';
import { useConsole } from './store/context';
import { selectBasemap, selectDialog, selectMapError } from './store/selectors';
import { HelpOverlay } from './ui/HelpOverlay';
import { LinkBanner } from './ui/LinkBanner';
import { TopBar } from './ui/TopBar';

export function App() {
  const { t } = useTranslation();
  const basemap = useConsole(selectBasemap);
  const mapError = useConsole(selectMapError);
  const dialog = useConsole(selectDialog);
  return (
    <div className="console">
      <TopBar />
      <main className="workspace">
        {basemap ? <MapView manifest={basemap} /> : <div className="map map-placeholder">{t('map.waitingHost')}</div>}
        {mapError && (
          <div className="map-error" role="alert">
            {t('map.couldNotLoad', { error: mapError })}
          </div>
        )}
        <LinkBanner />
        <aside className="overlay overlay-left">
          <IncidentPanel />
          <MapLegend />
        </aside>
        <aside className="overlay overlay-right">
          <FeedHealthPanel />
          <NeedsAttention />
          <SelectionCard />
        </aside>
        {dialog === 'help' && <HelpOverlay />}
      </main>
    </div>
  );
}
