import { POI_ICONS } from './basemapStyle';

const SIZE = 48;
const RATIO = 2;

type Draw = (g: CanvasRenderingContext2D) => void;

/** Distinct shapes, not only colours, so stations read for colour-blind operators too. */
const shapes: Record<(typeof POI_ICONS)[keyof typeof POI_ICONS], Draw> = {
  [POI_ICONS.police]: (g) => {
    g.beginPath();
    g.moveTo(24, 4);
    g.lineTo(42, 10);
    g.quadraticCurveTo(42, 34, 24, 44);
    g.quadraticCurveTo(6, 34, 6, 10);
    g.closePath();
    g.fillStyle = '#3b7bff';
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = '#ffffff';
    g.stroke();
    g.beginPath();
    g.arc(24, 22, 6, 0, Math.PI * 2);
    g.fillStyle = '#ffffff';
    g.fill();
  },
  [POI_ICONS.fire_station]: (g) => {
    g.beginPath();
    g.moveTo(24, 4);
    g.lineTo(44, 42);
    g.lineTo(4, 42);
    g.closePath();
    g.fillStyle = '#ff5a2e';
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = '#ffffff';
    g.stroke();
    g.beginPath();
    g.moveTo(24, 20);
    g.lineTo(31, 36);
    g.lineTo(17, 36);
    g.closePath();
    g.fillStyle = '#ffd23f';
    g.fill();
  },
  [POI_ICONS.hospital]: (g) => {
    g.beginPath();
    g.roundRect(5, 5, 38, 38, 7);
    g.fillStyle = '#ffffff';
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = '#1e9e5a';
    g.stroke();
    g.fillStyle = '#1e9e5a';
    g.fillRect(20, 11, 8, 26);
    g.fillRect(11, 20, 26, 8);
  },
  // Landmarks are named places, not services: a small quiet diamond, so they never read as a station.
  [POI_ICONS.landmark]: (g) => {
    g.beginPath();
    g.moveTo(24, 10);
    g.lineTo(38, 24);
    g.lineTo(24, 38);
    g.lineTo(10, 24);
    g.closePath();
    g.fillStyle = '#c9a4ff';
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = '#0b1118';
    g.stroke();
  },
  [POI_ICONS.airport]: (g) => {
    g.beginPath();
    g.arc(24, 24, 20, 0, Math.PI * 2);
    g.fillStyle = '#d5dce5';
    g.fill();
    g.fillStyle = '#0b1118';
    // A plane seen from above: fuselage, wings, tail.
    g.fillRect(22, 8, 4, 32);
    g.beginPath();
    g.moveTo(24, 18);
    g.lineTo(40, 27);
    g.lineTo(8, 27);
    g.closePath();
    g.fill();
    g.fillRect(17, 35, 14, 3);
  },
};

export interface IconImage {
  id: string;
  data: ImageData;
  pixelRatio: number;
}

/** Rasterises the station symbols on a canvas: the basemap needs no sprite sheet from anywhere. */
export function renderPoiIcons(): IconImage[] {
  return Object.entries(shapes).map(([id, draw]) => {
    const canvas = document.createElement('canvas');
    canvas.width = SIZE;
    canvas.height = SIZE;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas for map icons');
    draw(g);
    return { id, data: g.getImageData(0, 0, SIZE, SIZE), pixelRatio: RATIO };
  });
}
