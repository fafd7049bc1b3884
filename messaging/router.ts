import * as v from 'valibot';
import {
  type ErrorCode,
  type MessageData,
  type MessageType,
  type ProtocolReplies,
  protocol,
  type Reply,
} from './protocol';
import { Refusal } from './refusal';
import { type SenderInfo, senderProblem } from './sender';

export type Handler<T extends MessageType> = (
  data: MessageData<T>,
  sender: SenderInfo,
) => Promise<ProtocolReplies[T]> | ProtocolReplies[T];
export type Handlers = { [T in MessageType]: Handler<T> };

function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

const EnvelopeSchema = v.object({ sourcelens: v.literal(1), type: v.string(), data: v.unknown() });

/**
 * The one central dispatcher (one listener answers; several racing listeners is a known MV3 trap). It checks,
 * in order: the envelope, the type, the sender, the data; only then calls the handler. Anything wrong gets a
 * typed error answer and the handler is never reached, so nothing is stored.
 */
export function createRouter(handlers: Handlers, ownId: string, ownOrigin: string) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply<MessageType>> {
    const envelope = v.safeParse(EnvelopeSchema, raw);
    if (!envelope.success) return fail('bad-envelope', 'not a SourceLens message');
    const type = envelope.output.type;
    if (!Object.hasOwn(protocol, type))
      return fail('unknown-type', `unknown message type "${type.slice(0, 40)}"`);
    const entry = protocol[type as MessageType];
    const problem = senderProblem(sender, entry.from, ownId, ownOrigin);
    if (problem) return fail('bad-sender', problem);
    // No message's data is a list, but valibot's object schemas take arrays (an empty message would run).
    if (Array.isArray(envelope.output.data)) return fail('bad-data', `invalid ${type}: a list`);
    const data = v.safeParse(entry.schema, envelope.output.data);
    if (!data.success) {
      const issue = data.issues[0];
      const where = issue ? v.getDotPath(issue) : null;
      return fail(
        'bad-data',
        `invalid ${type}${where ? ` at ${where}` : ''}: ${issue?.message ?? 'bad shape'}`,
      );
    }
    try {
      const handler = handlers[type as MessageType] as Handler<MessageType>;
      return { ok: true, data: await handler(data.output as never, sender) };
    } catch (err) {
      if (err instanceof Refusal) return fail(err.code, err.message);
      return fail('handler-failed', err instanceof Error ? err.message : String(err));
    }
  };
}
