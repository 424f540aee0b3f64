import type { ResponseFacts } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Exchange } from '../check.js';
import { isObject } from './json.js';
import { Judge } from './judge.js';
import type { Mismatch } from './mismatch.js';
import type { StatefulRequest } from './options.js';
import { toExchange } from './to-exchange.js';

/** What {@link replayEvidence} needs: a (fresh) target and the evidence of a finding. */
export interface ReplayEvidenceOptions {
  target: string;
  spec: LoadedSpec;
  validator: SpecValidator;
  send(request: StatefulRequest): Promise<ResponseFacts>;
  evidence: readonly Exchange[];
}

/** The replayed exchanges, and the mismatches of the first one that broke a rule (none when the case no longer fails). */
export interface ReplayOutcome {
  exchanges: Exchange[];
  mismatches: Mismatch[];
}

/**
 * Re-sends a finding's evidence to a target, in order, and holds the answers against a fresh oracle.
 * A fresh target hands out other ids, so each id the original answers carried is mapped to the one
 * the replayed answer carries, and rewritten in the requests that follow.
 */
export async function replayEvidence(options: ReplayEvidenceOptions): Promise<ReplayOutcome> {
  const base = options.target.replace(/\/+$/, '');
  const judge = new Judge(options.spec, options.validator, base);
  const ids = new Map<string, string>();
  const exchanges: Exchange[] = [];
  for (const original of options.evidence) {
    const path = rewrite(original.request.path, ids);
    const query = rewrite(original.request.query, ids);
    const body = original.request.body ? Buffer.from(rewrite(original.request.body.toString('utf8'), ids)) : undefined;
    const request: StatefulRequest = {
      method: original.request.method,
      path,
      query,
      headers: { ...original.request.headers },
      ...(body ? { body } : {}),
      url: `${base}${path}${query ? `?${query}` : ''}`,
    };
    const routed = judge.route(request.method, path);
    if (!routed) break;
    const started = performance.now();
    const response = await options.send(request);
    const exchange = toExchange(routed, request, response, original.generatedAs, Math.round(performance.now() - started));
    exchanges.push(exchange);
    pairIds(original.json, exchange.json, ids);
    const mismatches = judge.judge(routed, request, response, exchange.json);
    if (mismatches.length > 0) return { exchanges, mismatches };
  }
  return { exchanges, mismatches: [] };
}

function rewrite(text: string, ids: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of ids) out = out.split(from).join(to);
  return out;
}

// The ids a request can name later are the app's, its channels' (createApp, addChannel answers).
function pairIds(before: unknown, after: unknown, ids: Map<string, string>): void {
  if (!isObject(before) || !isObject(after)) return;
  const pair = (a: unknown, b: unknown) => {
    if (typeof a === 'string' && typeof b === 'string' && a !== b && /^(app|appchan)_/.test(a)) ids.set(a, b);
  };
  pair(before['id'], after['id']);
  const a = Array.isArray(before['channels']) ? before['channels'] : [];
  const b = Array.isArray(after['channels']) ? after['channels'] : [];
  a.forEach((channel, i) => pair(isObject(channel) ? channel['id'] : undefined, isObject(b[i]) ? (b[i] as Record<string, unknown>)['id'] : undefined));
}
