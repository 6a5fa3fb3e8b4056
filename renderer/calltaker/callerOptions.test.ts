import { expect, it } from 'vitest';
import { formatCoordinates, parseCoordinates } from './callerOptions';

it('reads coordinates as people say them (lat, lon) and refuses anything else', () => {
  expect(parseCoordinates('7.8961, 98.2963')).toEqual([98.2963, 7.8961]);
  expect(parseCoordinates(' 7.8961 98.2963 ')).toEqual([98.2963, 7.8961]);
  expect(parseCoordinates('98.2963')).toBeNull();
  expect(parseCoordinates('95, 200')).toBeNull();
  expect(formatCoordinates([98.2963, 7.8961])).toBe('7.89610, 98.29630');
});
