import { useEffect, useState } from 'react';
import { PlacesFile } from './placeData';
import { createPlaceSearch } from './placeSearch';
import type { PlaceSearch } from './placeSearch';

let loading: Promise<PlaceSearch> | null = null;

/** The shipped places index (assets/places/places.json), fetched from the console's own origin once per window. */
function loadPlaces(): Promise<PlaceSearch> {
  loading ??= fetch(new URL('places/places.json', document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`places index: HTTP ${response.status}`);
      return response.json();
    })
    .then((json: unknown) => createPlaceSearch(PlacesFile.parse(json).places));
  // A failed load is tried again the next time the dialog opens.
  loading.catch(() => (loading = null));
  return loading;
}

/** The place search once loaded (null until then), and why it could not load. */
export function usePlaceSearch(): { search: PlaceSearch | null; error: string | null } {
  const [state, setState] = useState<{ search: PlaceSearch | null; error: string | null }>({ search: null, error: null });
  useEffect(() => {
    let live = true;
    loadPlaces().then(
      (search) => live && setState({ search, error: null }),
      (error: unknown) => live && setState({ search: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
