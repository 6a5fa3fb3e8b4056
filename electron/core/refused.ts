import type { CodedReason } from '../../shared/contract/reasons';

/** A request the core will not carry out, with its coded reason for the window's language (the hosts send `reason`). */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
  constructor(
    message: string,
    readonly reason?: CodedReason,
  ) {
    super(message);
  }
}
