import { describe, expect, it } from 'vitest';
import { contractUrl, secretFromHash } from './websocket';

describe('the browser bridge URL', () => {
  it('carries the secret from the fragment when the printed URL had one', () => {
    const secret = secretFromHash('#secret=abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE');
    expect(contractUrl('http://127.0.0.1:9000', secret)).toBe('ws://127.0.0.1:9000/contract?secret=abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE');
  });
  it('is bare when the window was opened by ticket: the session cookie goes along by itself', () => {
    expect(secretFromHash('')).toBeNull();
    expect(secretFromHash('#secret=<script>')).toBeNull();
    expect(contractUrl('http://127.0.0.1:9000', null)).toBe('ws://127.0.0.1:9000/contract');
  });
});
