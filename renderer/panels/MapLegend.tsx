import { useTranslation } from 'react-i18next';
import { AGENCY_LETTER, SEVERITY_STYLE, TRAFFIC_BANDS, UNIT_STATUS_COLORS } from '../map/layers/colors';
import type { Rgba } from '../map/layers/colors';
import { ROUTE_COLORS } from '../map/layers/busLayers';
import { REPORT_STATUS_COLORS } from '../map/layers/reportLayers';
import { WARNING_NOT_ACTUAL_COLORS, WARNING_SEVERITY_COLORS } from '../map/layers/warningLayers';
import { BASEMAP_TOGGLES } from '../map/controls/settings';
import { useConsole, useConsoleStore } from '../store/context';
import { selectBasemapLayers, selectSiteTilesNotice } from '../store/mapSlice';
import { selectLayers } from '../store/selectors';
import { FEED_IDS } from '../../shared/domain';

const css = ([r, g, b]: Rgba) => `rgb(${r} ${g} ${b})`;

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
  const { t } = useTranslation();
  const layers = useConsole(selectLayers);
  const basemapLayers = useConsole(selectBasemapLayers);
  const siteNotice = useConsole(selectSiteTilesNotice);
  const store = useConsoleStore();
  return (
    <section className="panel legend" role="region" aria-label={t('legend.region')}>
      <h2>{t('legend.layers')}</h2>
      <div className="layer-toggles">
        {FEED_IDS.map((layer) => (
          <label key={layer}>
            <input type="checkbox" checked={layers[layer]} onChange={() => store.getState().toggleLayer(layer)} /> {t(`feeds.names.${layer}`)}
          </label>
        ))}
      </div>
      <h3>{t('basemap.title')}</h3>
      <div className="layer-toggles basemap-toggles">
        {BASEMAP_TOGGLES.map((layer) => (
          <label key={layer}>
            <input type="checkbox" checked={basemapLayers[layer]} onChange={() => store.getState().toggleBasemapLayer(layer)} /> {t(`basemap.${layer}`)}
          </label>
        ))}
      </div>
      {siteNotice && (
        <p className="site-tiles-notice" role="status">
          {t('basemap.siteTilesFailed', { error: siteNotice })}
        </p>
      )}
      <h3>{t('legend.traffic')}</h3>
      <ul className="swatches">
        {TRAFFIC_BANDS.map((band) => (
          <Swatch key={band.label} color={band.color} label={t(`legend.bands.${band.label}`)} />
        ))}
      </ul>
      <h3>{t('legend.severity')}</h3>
      <ul className="swatches">
        {Object.entries(SEVERITY_STYLE).map(([severity, style]) => (
          <Swatch key={severity} color={style.color} label={t(`severity.${severity}`)} />
        ))}
      </ul>
      <h3>{t('warnings.legendTitle')}</h3>
      <ul className="swatches">
        {Object.entries(WARNING_SEVERITY_COLORS).map(([severity, colors]) => (
          <Swatch key={severity} color={colors.line} label={t(`warnings.severity.${severity}`)} />
        ))}
        <Swatch color={WARNING_NOT_ACTUAL_COLORS.line} label={t('warnings.notActual')} />
      </ul>
      <h3>{t('feeds.names.buses')}</h3>
      <ul className="swatches">
        {Object.entries(ROUTE_COLORS).map(([route, color]) => (
          <Swatch key={route} color={[...color, 255]} label={t(`buses.routes.${route}`)} />
        ))}
      </ul>
      <h3>{t('feeds.names.reports')}</h3>
      <ul className="swatches">
        {Object.entries(REPORT_STATUS_COLORS).map(([status, color]) => (
          <Swatch key={status} color={color} label={t(`reports.status.${status}`)} />
        ))}
      </ul>
      <h3>
        {t('legend.units')} ({Object.entries(AGENCY_LETTER).map(([agency, letter]) => `${letter} ${t(`agency.${agency}`)}`).join(', ')})
      </h3>
      <ul className="swatches">
        {Object.entries(UNIT_STATUS_COLORS).map(([status, color]) => (
          <Swatch key={status} color={color} label={t(`unitStatus.${status}`)} />
        ))}
      </ul>
    </section>
  );
}
