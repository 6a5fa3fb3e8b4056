import { useEffect, useState } from 'react';
import type { OpsFigures } from '../../shared/contract';
import { useBridge } from '../store/context';

const EVERY_MS = 5_000;

/** The core's live figures, asked for again every few seconds (they are means over an hour: no need for every change). */
export function useFigures(): OpsFigures | null {
  const bridge = useBridge();
  const [figures, setFigures] = useState<OpsFigures | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void bridge['ops:figures']({}).then(
        (f) => live && setFigures(f),
        (error: unknown) => console.warn('live figures unavailable:', error instanceof Error ? error.message : String(error)),
      );
    ask();
    const timer = setInterval(ask, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [bridge]);
  return figures;
}
