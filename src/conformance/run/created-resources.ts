import type { LoadedSpec, Operation } from '../../openapi/index.js';
import type { SpecValidator } from '../../validation/index.js';
import type { RunConfig } from './run-config.js';

/** A resource the run created and will archive at the end. */
export interface CreatedResource {
  /** The DELETE operation that archives it. */
  operation: Operation;
  pathParams: Record<string, string>;
}

/** What a run created, remembered as it goes and archived (DELETEd) at the end. */
export class CreatedResources {
  #list: CreatedResource[] = [];

  /** Notes a create: a 2xx POST to a collection whose item path has a DELETE. */
  noteAnswer(spec: LoadedSpec, operation: Operation, status: number, json: unknown, pathParams: Record<string, string>): void {
    if (operation.method !== 'POST' || status < 200 || status > 299 || operation.path.endsWith('}')) return;
    const id = (json as { id?: unknown } | null | undefined)?.id;
    if (typeof id !== 'string') return;
    const remover = spec.operations.find(
      (op) =>
        op.method === 'DELETE' && op.path.startsWith(operation.path + '/{') && !op.path.slice(operation.path.length + 1).includes('/'),
    );
    if (!remover || Object.keys(pathParams).length > 0) return;
    const param = /\{([^}]+)\}$/.exec(remover.path)![1]!;
    this.#list.push({ operation: remover, pathParams: { [param]: id } });
  }

  /** Notes an id some phase created: archived by the DELETE with one path parameter whose schema takes it. */
  noteId(spec: LoadedSpec, validator: SpecValidator, id: string): void {
    for (const operation of spec.operations) {
      if (operation.method !== 'DELETE') continue;
      const params = operation.parameters.filter((param) => param.in === 'path');
      const param = params[0];
      if (params.length !== 1 || !param?.schemaPointer) continue;
      if (validator.check('path', param.schemaPointer, id).length > 0) continue;
      this.#list.push({ operation, pathParams: { [param.name]: id } });
      return;
    }
  }

  /** Archives everything noted, newest first, best effort: failures are counted, not thrown. */
  async archiveAll(config: Pick<RunConfig, 'baseUrl' | 'client' | 'credentials'>): Promise<{ archived: number; failed: number }> {
    let archived = 0;
    let failed = 0;
    const seen = new Set<string>();
    for (const resource of [...this.#list].reverse()) {
      const url =
        config.baseUrl +
        resource.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(resource.pathParams[name] ?? ''));
      if (seen.has(url)) continue;
      seen.add(url);
      try {
        const answer = await config.client.send({ method: 'DELETE', url, headers: { ...config.credentials } });
        if ('status' in answer && 'body' in answer && answer.status < 300) archived += 1;
        else failed += 1;
      } catch {
        failed += 1;
      }
    }
    return { archived, failed };
  }
}
