import { show } from '../../../stateful/index.js';
import type { AppsMismatch } from '../checks.js';
import { isJsonObject, type JsonObject } from '../../../../core/index.js';
import { sameJson } from './json.js';
import { compareChannel } from './channel.js';

/** The app fields a client writes, so the contract fixes what reads return. */
export const APP_DATA_FIELDS = [
  'name',
  'description',
  'harness_id',
  'agent_id',
  'agent_identity_id',
  'agent_version_id',
  'agent_version_policy',
] as const;

/** How a mismatch of a data field is classified: fields this request (or an earlier PATCH) wrote are read-your-writes. */
export interface FieldBlame {
  /** Fields written by the request being judged or by an earlier PATCH. */
  written: ReadonlySet<string>;
  /** True when some PATCH touched the app, so an unwritten field that moved was changed by one. */
  patchedBefore: boolean;
}

/** Compares an app body with the oracle's: written fields, lifecycle state, channels. */
export function compareApp(expected: JsonObject, received: unknown, where: string, blame: FieldBlame): AppsMismatch[] {
  if (!isJsonObject(received)) {
    return [
      {
        check: 'read_your_writes',
        title: `${where} answered without an app object`,
        expected: 'an app object',
        received: show(received),
        key: 'body:not-an-app',
      },
    ];
  }
  const out: AppsMismatch[] = [];
  const id = String(expected['id']);
  for (const field of APP_DATA_FIELDS) {
    const want = expected[field];
    const got = received[field];
    if (sameJson(want, got)) continue;
    const unwritten = !blame.written.has(field) && blame.patchedBefore;
    out.push({
      check: unwritten ? 'partial_update' : 'read_your_writes',
      title: unwritten
        ? `${where}: ${field} of ${id} changed although no request set it`
        : `${where}: ${field} of ${id} is not what was written`,
      expected: show(want ?? null),
      received: show(got ?? null),
      key: `field:${field}`,
    });
  }
  out.push(...lifecycleFields(expected, received, where, id));
  out.push(...compareChannels(expected['channels'], received['channels'], where, id));
  return out;
}

function lifecycleFields(expected: JsonObject, received: JsonObject, where: string, id: string): AppsMismatch[] {
  const out: AppsMismatch[] = [];
  const status = expected['status'];
  if (received['status'] !== status) {
    out.push({
      check: 'lifecycle_transitions',
      title: `${where}: ${id} should be ${String(status)}`,
      expected: show(status),
      received: show(received['status']),
      key: 'field:status',
    });
  } else if (status === 'published' && typeof received['published_at'] !== 'string') {
    out.push({
      check: 'lifecycle_transitions',
      title: `${where}: published app ${id} has no published_at`,
      expected: 'an RFC 3339 published_at',
      received: show(received['published_at']),
      key: 'field:published_at',
    });
  } else if (status === 'archived' && typeof received['archived_at'] !== 'string') {
    out.push({
      check: 'lifecycle_transitions',
      title: `${where}: archived app ${id} has no archived_at`,
      expected: 'an RFC 3339 archived_at',
      received: show(received['archived_at']),
      key: 'field:archived_at',
    });
  }
  return out;
}

function compareChannels(expected: unknown, received: unknown, where: string, id: string): AppsMismatch[] {
  const want = Array.isArray(expected) ? expected.filter(isJsonObject) : [];
  if (!Array.isArray(received)) {
    return [
      {
        check: 'read_your_writes',
        title: `${where}: ${id} has no channels array`,
        expected: `${want.length} channel(s)`,
        received: show(received),
        key: 'channels:missing',
      },
    ];
  }
  const got = new Map(received.filter(isJsonObject).map((channel) => [String(channel['id']), channel]));
  const wantIds = want.map((channel) => String(channel['id']));
  const gotIds = [...got.keys()];
  if (!sameJson([...wantIds].sort(), [...gotIds].sort())) {
    return [
      {
        check: 'read_your_writes',
        title: `${where}: the channels of ${id} are not the ones added`,
        expected: show(wantIds),
        received: show(gotIds),
        key: 'channels:set',
      },
    ];
  }
  return want.flatMap((channel) => compareChannel(channel, got.get(String(channel['id'])), where));
}
