/**
 * An in-memory transport for provider tests: answers by URL (the first rule whose pattern matches), records every
 * request it was asked to send. No network, no mock server.
 */
import type { GatewayRequest, GatewayResponse, ProviderContext } from '../../core/sources/provider';

export type FakeAnswer = Partial<GatewayResponse>;

export function fakeTransport(rules: [RegExp, FakeAnswer | ((req: GatewayRequest) => FakeAnswer)][]) {
  const sent: GatewayRequest[] = [];
  const ctx: ProviderContext = {
    transport: {
      async request(req) {
        sent.push(req);
        const rule = rules.find(([re]) => re.test(req.url));
        if (!rule) throw new Error(`no answer for ${req.url}`);
        const a = typeof rule[1] === 'function' ? rule[1](req) : rule[1];
        return { status: 200, finalUrl: req.url, text: '', ...a };
      },
    },
    tokens: { getToken: async () => null },
    now: () => 1_000_000,
  };
  return { sent, ctx };
}

/** A transport that gives every request the same answer. */
export const answering = (answer: FakeAnswer) => fakeTransport([[/./, answer]]);
