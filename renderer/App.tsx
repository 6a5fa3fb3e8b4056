import { IncidentPanel } from './incidents/IncidentPanel';
import { NeedsAttention } from './incidents/NeedsAttention';
import { MapView } from './map/MapView';
import { FeedHealthPanel } from './panels/FeedHealthPanel';
import { MapLegend } from './panels/MapLegend';
import { SelectionCard } from './panels/SelectionCard';
import { useConsole } from './store/context';
import { selectBasemap, selectMapError } from './store/selectors';
import { LinkBanner } from './ui/LinkBanner';
import { TopBar } from './ui/TopBar';

export function App() {
  const basemap = useConsole(selectBasemap);
  const mapError = useConsole(selectMapError);
  return (
    <div className="console">
      <TopBar />
      <main className="workspace">
        {basemap ? <MapView manifest={basemap} /> : <div className="map map-placeholder">Waiting for the console host…</div>}
        {mapError && (
          <div className="map-error" role="alert">
            The map could not load: {mapError}
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
      </main>
    </div>
  );
}
