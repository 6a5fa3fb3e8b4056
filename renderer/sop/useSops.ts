import { useEffect, useState } from 'react';
import { loadSops } from './sops';
import type { Sop } from './sops';

/** The shipped procedures, loaded once per window; none while loading or when they cannot be read. */
export function useSops(): Sop[] {
  const [sops, setSops] = useState<Sop[]>([]);
  useEffect(() => {
    let live = true;
    loadSops().then(
      (loaded) => live && setSops(loaded),
      () => live && setSops([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return sops;
}
