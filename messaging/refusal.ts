/**
 * A handler's typed refusal: the router answers with its code instead of `handler-failed`, so a caller (and a
 * test) can tell "too many messages" from a fault.
 */
export class Refusal extends Error {
  constructor(
    readonly code: 'rate-limited',
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
