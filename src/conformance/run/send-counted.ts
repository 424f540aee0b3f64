import type { RequestFacts, ResponseFacts } from '../../core/index.js';
import type { Run } from './run.js';
import { sendForAnswer } from './send-for-answer.js';

/**
 * Sends for an answer (a phase's request, a check's follow-up) and counts it towards the run's
 * coverage when it went to the target; a followed link may lead to another origin.
 */
export async function sendCounted({ config, state }: Run, request: RequestFacts & { url: string }): Promise<ResponseFacts> {
  const response = await sendForAnswer(config.client, request);
  const path = pathOnTarget(config.baseUrl, request.url);
  if (path !== undefined) state.coverage.noteRequest(request.method, path, response);
  return response;
}

/** The path of `url` below the target's base URL (`/api` + `/v1/apps`), or undefined when it lies elsewhere. */
function pathOnTarget(baseUrl: string, url: string): string | undefined {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return undefined;
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  if (target.origin !== base.origin || !(target.pathname === prefix || target.pathname.startsWith(`${prefix}/`))) return undefined;
  return target.pathname.slice(prefix.length) || '/';
}
