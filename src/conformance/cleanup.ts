import type { RunEnv } from './run-env.js';

/** Archives (DELETEs) everything the run created, newest first, best effort: failures are counted, not thrown. */
export async function cleanUp(env: RunEnv): Promise<{ archived: number; failed: number }> {
  let archived = 0;
  let failed = 0;
  const seen = new Set<string>();
  for (const resource of [...env.created].reverse()) {
    const url =
      env.baseUrl +
      resource.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(resource.pathParams[name] ?? ''));
    if (seen.has(url)) continue;
    seen.add(url);
    try {
      const answer = await env.client.send({ method: 'DELETE', url, headers: { ...env.credentials } });
      if ('status' in answer && 'body' in answer && answer.status < 300) archived += 1;
      else failed += 1;
    } catch {
      failed += 1;
    }
  }
  env.emit({ type: 'cleanup-finished', archived, failed });
  return { archived, failed };
}
