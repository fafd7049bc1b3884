import { browser } from 'wxt/browser';
import { envelope } from './envelope';
import type { MessageInput, MessageType, ProtocolReplies, Reply } from './protocol';

/** Raised on the caller's side when the background refuses or fails a message. */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/**
 * The typed client every content script and extension page uses; nobody calls `runtime.sendMessage`
 * directly. Resolves with the handler's answer or throws a MessageError with the background's reason.
 */
export async function sendMessage<T extends MessageType>(
  type: T,
  data: MessageInput<T>,
): Promise<ProtocolReplies[T]> {
  const reply = (await browser.runtime.sendMessage(envelope(type, data))) as Reply<T> | undefined;
  if (!reply) throw new MessageError('no-reply', 'the background did not answer');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}
