import { z } from 'zod';
import { CodedReason } from './reasons';

/**
 * The browser host's WebSocket envelope. Payloads stay `unknown` here and are parsed
 * against the channel's own schema on arrival, so the envelope never vouches for content.
 */
export const ClientMessage = z.object({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  ch: z.string().max(64),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.union([
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(true), payload: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(false), error: z.string().max(4000), reason: CodedReason.optional() }),
  z.object({ t: z.literal('evt'), ch: z.string().max(64), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Largest WebSocket frame either side accepts, checked before JSON parsing. */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** What an Electron IPC request resolves to: errors travel as data, so the renderer gets the message rather than Electron's wrapper. */
export const IpcResult = z.union([
  z.object({ ok: z.literal(true), payload: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string().max(4000), reason: CodedReason.optional() }),
]);
export type IpcResult = z.infer<typeof IpcResult>;
