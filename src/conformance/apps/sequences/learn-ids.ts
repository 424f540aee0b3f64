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
  if (operation === 'createApp') {
    add('app', body['id']);
    const first = Array.isArray(body['channels']) ? body['channels'][0] : undefined;
    if (isJsonObject(first)) add('appchan', first['id']);
  } else if (operation === 'addChannel') {
    add('appchan', body['id']);
  } else if (operation === 'invokeWebhook') {
    add('session', body['session_id']);
  }
  return out;
}
