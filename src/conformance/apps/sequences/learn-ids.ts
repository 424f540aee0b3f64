import { isJsonObject } from '../../../core/index.js';
import type { AppsOperationId } from '../../../model/apps/index.js';
import type { LearnedId } from './oracle.js';

/** The ids a successful answer handed out, in the order the model draws them for that operation. */
export function learnIds(operation: AppsOperationId, status: number, body: unknown): LearnedId[] {
  if (status < 200 || status > 299 || !isJsonObject(body)) return [];
  const out: LearnedId[] = [];
  const add = (prefix: string, id: unknown) => {
    if (typeof id === 'string' && id !== '') out.push({ prefix, id });
  };
  if (operation === 'create_app') {
    add('app', body['id']);
    const first = Array.isArray(body['channels']) ? body['channels'][0] : undefined;
    if (isJsonObject(first)) add('appchan', first['id']);
  } else if (operation === 'add_channel') {
    add('appchan', body['id']);
  } else if (operation === 'invoke_webhook') {
    add('session', body['session_id']);
  }
  return out;
}
