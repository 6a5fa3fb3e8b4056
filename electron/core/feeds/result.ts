import type { CodedReason } from '../../../shared/contract';

/**
 * A mapper's verdict on one entity: the domain object, or why it was refused. An accepted object may carry
 * `adjusted`: what was changed to make it safe (a future time clamped), which feed health counts.
 */
export type Mapped<T> = { ok: true; value: T; adjusted?: string } | { ok: false; reason: string; coded?: CodedReason };

export const accept = <T>(value: T, adjusted: readonly string[] = []): Mapped<T> =>
  adjusted.length === 0 ? { ok: true, value } : { ok: true, value, adjusted: adjusted.join('; ').slice(0, 300) };
export const refuse = <T>(reason: string, why?: CodedReason): Mapped<T> => (why ? { ok: false, reason: reason.slice(0, 300), coded: why } : { ok: false, reason: reason.slice(0, 300) });
