import { IncidentKind } from '../../../shared/domain';
import type { Agency } from '../../../shared/domain';
import { AGENCY_LETTER } from './colors';

const CELL = 64;

export interface IconMapping {
  x: number;
  y: number;
  width: number;
  height: number;
  mask: boolean;
  anchorX?: number;
  anchorY?: number;
}

export interface IconAtlas {
  /** A PNG data URL: deck.gl decodes it locally, nothing is fetched from anywhere. */
  url: string;
  mapping: Record<string, IconMapping>;
}

type Draw = (g: CanvasRenderingContext2D) => void;

/** A unit: a badge with a nose pointing to its heading, the agency's letter cut out of it. */
function unitIcon(letter: string): Draw {
  return (g) => {
    g.beginPath();
    g.moveTo(32, 2);
    g.lineTo(44, 16);
    g.arc(32, 36, 20, -Math.PI / 2 + 0.6, Math.PI * 1.5 - 0.6);
    g.closePath();
    g.fill();
    g.globalCompositeOperation = 'destination-out';
    g.font = 'bold 24px "DejaVu Sans", "Noto Sans", sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(letter, 32, 38);
    g.globalCompositeOperation = 'source-over';
  };
}

/** Incident symbols by type: shapes, so they differ without colour. */
const INCIDENT_SHAPES: Record<IncidentKind, Draw> = {
  'traffic-accident': (g) => {
    g.fillRect(14, 26, 36, 14);
    g.fillRect(20, 18, 22, 10);
    g.beginPath();
    g.arc(22, 42, 6, 0, Math.PI * 2);
    g.arc(42, 42, 6, 0, Math.PI * 2);
    g.fill();
  },
  medical: (g) => {
    g.fillRect(26, 12, 12, 40);
    g.fillRect(12, 26, 40, 12);
  },
  fire: (g) => {
    g.beginPath();
    g.moveTo(32, 8);
    g.quadraticCurveTo(52, 30, 46, 44);
    g.quadraticCurveTo(40, 56, 32, 56);
    g.quadraticCurveTo(24, 56, 18, 44);
    g.quadraticCurveTo(14, 32, 26, 24);
    g.quadraticCurveTo(26, 36, 32, 36);
    g.closePath();
    g.fill();
  },
  flood: (g) => {
    g.lineWidth = 6;
    for (const y of [22, 34, 46]) {
      g.beginPath();
      g.moveTo(10, y);
      g.bezierCurveTo(20, y - 8, 26, y + 8, 32, y);
      g.bezierCurveTo(38, y - 8, 44, y + 8, 54, y);
      g.stroke();
    }
  },
  assault: (g) => {
    g.fillRect(27, 10, 10, 30);
    g.fillRect(27, 46, 10, 10);
  },
  theft: (g) => {
    g.beginPath();
    g.moveTo(32, 8);
    g.lineTo(54, 32);
    g.lineTo(32, 56);
    g.lineTo(10, 32);
    g.closePath();
    g.fill();
  },
  drowning: (g) => {
    g.beginPath();
    g.arc(32, 20, 9, 0, Math.PI * 2);
    g.fill();
    g.lineWidth = 6;
    g.beginPath();
    g.moveTo(8, 42);
    g.bezierCurveTo(20, 32, 26, 52, 32, 42);
    g.bezierCurveTo(38, 32, 44, 52, 56, 42);
    g.stroke();
  },
  'missing-person': (g) => {
    g.font = 'bold 46px "DejaVu Sans", "Noto Sans", sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('?', 32, 34);
  },
  // Any other standard Alert: a ringed dot, plain on purpose; its category and sub-category are in words beside it.
  other: (g) => {
    g.lineWidth = 6;
    g.beginPath();
    g.arc(32, 32, 22, 0, Math.PI * 2);
    g.stroke();
    g.beginPath();
    g.arc(32, 32, 9, 0, Math.PI * 2);
    g.fill();
  },
};

export const unitIconName = (agency: Agency) => `unit-${agency}`;
export const incidentIconName = (type: IncidentKind) => `incident-${type}`;

/** Draws every map symbol once into one canvas: deck.gl uploads it as a texture, no image is fetched. */
export function createIconAtlas(): IconAtlas {
  const icons: [string, Draw][] = [
    ...Object.entries(AGENCY_LETTER).map(([agency, letter]): [string, Draw] => [`unit-${agency}`, unitIcon(letter)]),
    ...IncidentKind.options.map((type): [string, Draw] => [incidentIconName(type), INCIDENT_SHAPES[type]]),
  ];
  const canvas = document.createElement('canvas');
  canvas.width = CELL * 8;
  canvas.height = CELL * Math.ceil(icons.length / 8);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas for map icons');
  const mapping: Record<string, IconMapping> = {};
  icons.forEach(([name, draw], i) => {
    const x = (i % 8) * CELL;
    const y = Math.floor(i / 8) * CELL;
    g.save();
    g.translate(x, y);
    g.fillStyle = '#ffffff';
    g.strokeStyle = '#ffffff';
    draw(g);
    g.restore();
    mapping[name] = { x, y, width: CELL, height: CELL, mask: true };
  });
  return { url: canvas.toDataURL('image/png'), mapping };
}
