import type { Envelope, MessageInput, MessageType } from './protocol';

/** Wraps a message for the wire. Kept apart from the router so content scripts don't bundle the schemas. */
export function envelope<T extends MessageType>(type: T, data: MessageInput<T>): Envelope<T> {
  return { sourcelens: 1, type, data };
}
