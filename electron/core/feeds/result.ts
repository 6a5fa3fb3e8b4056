/** A mapper's verdict on one entity: the domain object, or why it was refused. */
export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };

export const accept = <T>(value: T): Mapped<T> => ({ ok: true, value });
export const refuse = <T>(reason: string): Mapped<T> => ({ ok: false, reason: reason.slice(0, 300) });
