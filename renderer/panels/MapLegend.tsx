import { AGENCY_LETTER, SEVERITY_STYLE, TRAFFIC_BANDS, UNIT_STATUS_COLORS } from '../map/layers/colors';
import type { Rgba } from '../map/layers/colors';
import { useConsole, useConsoleStore } from '../store/context';
import { selectLayers } from '../store/selectors';
import type { LayerVisibility } from '../store/selectionSlice';

const css = ([r, g, b]: Rgba) => `rgb(${r} ${g} ${b})`;
const LAYER_NAMES: Record<keyof LayerVisibility, string> = { traffic: 'Traffic', incidents: 'Incidents', units: 'Units' };
const LAYER_ORDER: readonly (keyof LayerVisibility)[] = ['traffic', 'incidents', 'units'];

function Swatch({ color, label }: { color: Rgba; label: string }) {
  return (
    <li>
      <span className="swatch" style={{ background: css(color) }} aria-hidden="true" />
      {label}
    </li>
  );
}

/** Layer switches and what the colours mean. */
export function MapLegend() {
  const layers = useConsole(selectLayers);
  const store = useConsoleStore();
  return (
    <section className="panel legend" role="region" aria-label="Map legend">
      <h2>Layers</h2>
      <div className="layer-toggles">
        {LAYER_ORDER.map((layer) => (
          <label key={layer}>
            <input type="checkbox" checked={layers[layer]} onChange={() => store.getState().toggleLayer(layer)} /> {LAYER_NAMES[layer]}
          </label>
        ))}
      </div>
      <h3>Traffic (speed vs free flow)</h3>
      <ul className="swatches">
        {TRAFFIC_BANDS.map((band) => (
          <Swatch key={band.label} color={band.color} label={band.label} />
        ))}
      </ul>
      <h3>Incident severity (size and rings too)</h3>
      <ul className="swatches">
        {Object.entries(SEVERITY_STYLE).map(([severity, style]) => (
          <Swatch key={severity} color={style.color} label={severity} />
        ))}
      </ul>
      <h3>Units ({Object.entries(AGENCY_LETTER).map(([agency, letter]) => `${letter} ${agency}`).join(', ')})</h3>
      <ul className="swatches">
        {Object.entries(UNIT_STATUS_COLORS).map(([status, color]) => (
          <Swatch key={status} color={color} label={status} />
        ))}
      </ul>
    </section>
  );
}
