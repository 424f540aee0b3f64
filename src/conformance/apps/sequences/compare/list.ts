import type { AppRecord } from '../../../../model/apps/index.js';
import { show } from '../../../stateful/index.js';
import type { AppsMismatch } from '../checks.js';
import { isJsonObject, type JsonObject } from '../../../../core/index.js';
import { instant } from './json.js';

/**
 * An app listing against the oracle's, restricted to the apps this sequence created (a live
 * deployment lists others too): the same apps, archived ones only when asked, newest first.
 */
export function compareAppList(expected: JsonObject, received: unknown, where: string, ours: readonly AppRecord[]): AppsMismatch[] {
  if (!isJsonObject(received) || !Array.isArray(received['data'])) {
    return [
      { check: 'read_your_writes', title: `${where}: no data array`, expected: 'data: [app]', received: show(received), key: 'body:data' },
    ];
  }
  const status = new Map(ours.map((app) => [app.id, app.status]));
  const want = new Set((Array.isArray(expected['data']) ? expected['data'] : []).filter(isJsonObject).map((app) => String(app['id'])));
  const listed = received['data'].filter(isJsonObject).filter((app) => status.has(String(app['id'])));
  const got = new Set(listed.map((app) => String(app['id'])));
  for (const app of ours) {
    if (want.has(app.id) === got.has(app.id)) continue;
    const archived = app.status === 'archived';
    const present = got.has(app.id);
    return [
      {
        check: archived ? 'archived_hidden' : 'read_your_writes',
        title: present
          ? `${where} lists ${archived ? 'archived ' : ''}app ${app.id}, which it should not`
          : `${where} leaves out ${archived ? 'archived ' : ''}app ${app.id}`,
        expected: present ? 'absent' : 'listed',
        received: present ? 'listed' : 'absent',
        key: archived ? (present ? 'archived:listed' : 'archived:missing') : present ? 'app:unexpected' : 'app:missing',
      },
    ];
  }
  const times = listed.map((app) => instant(app['created_at']) ?? 0);
  for (let i = 1; i < times.length; i++) {
    if (times[i]! > times[i - 1]!) {
      return [
        {
          check: 'read_your_writes',
          title: `${where}: apps are not newest first`,
          expected: 'created_at non-increasing',
          received: `${show(listed[i]!['id'])} after an older app`,
          key: 'order',
        },
      ];
    }
  }
  return [];
}
