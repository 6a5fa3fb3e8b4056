import { MapLegend } from '../panels/MapLegend';
import { SelectionCard } from '../panels/SelectionCard';
import { MapStage } from './MapStage';
import { SelectedIncidentCard } from './SelectedIncidentCard';

/** The map wall role: the whole map, its legend, and what is selected on any window of the console. */
export function MapWall() {
  return (
    <MapStage>
      <aside className="overlay overlay-left">
        <MapLegend />
      </aside>
      <aside className="overlay overlay-right">
        <SelectedIncidentCard />
        <SelectionCard />
      </aside>
    </MapStage>
  );
}
