import type { LoadedSpec, Operation } from '../../openapi/index.js';
import type { RunConfig } from './run-config.js';

// RFC 9110 §15.5.5, §15.5.11: what the target says is not there (any more) needs no clean-up.
const GONE = new Set([404, 410]);

/** What a run created, remembered as the path that removes it and DELETEd at the end. */
export class CreatedResources {
  #paths: string[] = [];

  /** Notes a create: a 2xx POST to a top-level collection whose item path has a DELETE. */
  noteAnswer(spec: LoadedSpec, operation: Operation, status: number, json: unknown, pathParams: Record<string, string>): void {
    if (operation.method !== 'POST' || status < 200 || status > 299 || operation.path.endsWith('}')) return;
    const id = (json as { id?: unknown } | null | undefined)?.id;
    if (typeof id !== 'string') return;
    const remover = spec.operations.find(
      (op) =>
        op.method === 'DELETE' && op.path.startsWith(operation.path + '/{') && !op.path.slice(operation.path.length + 1).includes('/'),
    );
    if (!remover || Object.keys(pathParams).length > 0) return;
    this.#paths.push(remover.path.replace(/\{[^}]+\}$/, encodeURIComponent(id)));
  }

  /** Notes what a phase created, by the path a DELETE removes it at (`/v1/agents/agent_…`). */
  notePath(path: string): void {
    this.#paths.push(path);
  }

  /**
   * DELETEs everything noted, newest first (children before their parents), each path once, best
   * effort: a resource already gone (deleted by the run itself, or with its parent) counts as
   * cleaned up; other failures are counted, not thrown.
   */
  async archiveAll(config: Pick<RunConfig, 'baseUrl' | 'client' | 'credentials'>): Promise<{ archived: number; failed: number }> {
    let archived = 0;
    let failed = 0;
    for (const path of [...new Set([...this.#paths].reverse())]) {
      try {
        const answer = await config.client.send({ method: 'DELETE', url: config.baseUrl + path, headers: { ...config.credentials } });
        if ('status' in answer && 'body' in answer && (answer.status < 300 || GONE.has(answer.status))) archived += 1;
        else failed += 1;
      } catch {
        failed += 1;
      }
    }
    return { archived, failed };
  }
}
