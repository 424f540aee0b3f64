import type { ResponseFacts } from '../../core/index.js';
import type { LoadedSpec } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { Exchange } from '../findings/exchange.js';
import type { Mismatch } from './mismatch.js';
import type { StatefulRequest } from './options.js';
import type { StatefulSource } from './source.js';
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
 * Re-sends a finding's evidence to a target, in order, and holds the answers against a fresh
 * oracle of the source that found it. A fresh target hands out other ids, so each id the original
 * answers carried is mapped to the one the replayed answer carries, and rewritten in the requests
 * that follow.
 */
export async function replayEvidence(source: StatefulSource, options: ReplayEvidenceOptions): Promise<ReplayOutcome> {
  const base = options.target.replace(/\/+$/, '');
  const judge = source.judge({ spec: options.spec, validator: options.validator, target: base });
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
    source.pairIds(original.json, exchange.json, ids);
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
