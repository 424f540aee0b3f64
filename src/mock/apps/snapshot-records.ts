import { UsageError } from '../../core/index.js';
import {
  AGENT_VERSION_POLICIES,
  APP_STATUSES,
  CHANNEL_TYPES,
  describeIdProblem,
  type AppsSnapshot,
  type IdPrefix,
} from '../../model/apps/index.js';

type Json = Record<string, unknown>;
type Rule = (value: unknown) => string | undefined;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const instant: Rule = (value) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : `must be an RFC 3339 instant, got ${shown(value)}`;
const text: Rule = (value) => (typeof value === 'string' ? undefined : `must be a string, got ${shown(value)}`);
const flag: Rule = (value) => (typeof value === 'boolean' ? undefined : `must be true or false, got ${shown(value)}`);
const object: Rule = (value) => (isObject(value) ? undefined : `must be an object, got ${shown(value)}`);
const nullable =
  (rule: Rule): Rule =>
  (value) =>
    value === null ? undefined : rule(value);
const oneOf =
  (values: readonly string[]): Rule =>
  (value) =>
    typeof value === 'string' && values.includes(value) ? undefined : `must be one of ${values.join(', ')}, got ${shown(value)}`;
const id =
  (prefix: IdPrefix): Rule =>
  (value) =>
    describeIdProblem('it', value, prefix)?.replace(/^it /, '');

// The stored shapes of records.ts: what the model reads from every record it restores.
const APP_FIELDS: Readonly<Record<string, Rule>> = {
  id: id('app'),
  name: text,
  description: nullable(text),
  harness_id: text,
  agent_id: nullable(text),
  agent_identity_id: nullable(text),
  agent_version_id: nullable(text),
  agent_version_policy: oneOf(AGENT_VERSION_POLICIES),
  owner_principal_id: text,
  resolved_owner_user_id: nullable(text),
  status: oneOf(APP_STATUSES),
  created_at: instant,
  updated_at: instant,
  published_at: nullable(instant),
  archived_at: nullable(instant),
  deleted_at: nullable(instant),
};
const CHANNEL_FIELDS: Readonly<Record<string, Rule>> = {
  id: id('appchan'),
  channel_type: oneOf(CHANNEL_TYPES),
  channel_config: object,
  enabled: flag,
  created_at: instant,
  updated_at: instant,
  shared_session_id: nullable(text),
};
const RUN_FIELDS: Readonly<Record<string, Rule>> = {
  id: id('run'),
  app_id: id('app'),
  channel_id: id('appchan'),
  channel_type: oneOf(CHANNEL_TYPES),
  channel_name: nullable(text),
  created_at: instant,
  outcome: oneOf(['ok', 'err']),
  session_id: text,
  message: text,
};

/**
 * Checks that a parsed JSON value is an Apps state snapshot whose every record the model can serve
 * (`--load`, `PUT /__mock/state`, the library's `load()`): a malformed record is refused, naming it
 * (`apps[0] (id "bad"): status must be one of draft, …`), before anything is replaced. `what`
 * names the snapshot in the error.
 */
export function checkAppsSnapshot(value: unknown, what: string): AppsSnapshot {
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.apps)) {
    throw new UsageError(`${what} is not a state snapshot (expected {"version": 1, "apps": [...], "runs": [...]})`);
  }
  if (value.runs !== undefined && !Array.isArray(value.runs)) throw new UsageError(`${what}: runs must be an array`);
  if (value.principal_id !== undefined && typeof value.principal_id !== 'string')
    throw new UsageError(`${what}: principal_id must be a string`);
  const apps = value.apps as unknown[];
  const runs = (value.runs ?? []) as unknown[];
  const appIds = new Set<string>();
  apps.forEach((app, index) => {
    const where = `apps[${index}]`;
    refuse(what, where, app, APP_FIELDS);
    const record = app as Json;
    unique(what, where, record, appIds);
    if (!Array.isArray(record.channels)) fail(what, where, record, `channels must be an array, got ${shown(record.channels)}`);
    const channelIds = new Set<string>();
    (record.channels as unknown[]).forEach((channel, at) => {
      refuse(what, `${where}.channels[${at}]`, channel, CHANNEL_FIELDS);
      unique(what, `${where}.channels[${at}]`, channel as Json, channelIds);
    });
  });
  const runIds = new Set<string>();
  runs.forEach((run, index) => {
    const where = `runs[${index}]`;
    refuse(what, where, run, RUN_FIELDS);
    unique(what, where, run as Json, runIds);
    if (!appIds.has((run as Json).app_id as string))
      fail(what, where, run as Json, `app_id ${shown((run as Json).app_id)} names no app of the snapshot`);
  });
  return {
    version: 1,
    apps: apps as AppsSnapshot['apps'],
    runs: runs as AppsSnapshot['runs'],
    ...(typeof value.principal_id === 'string' ? { principal_id: value.principal_id } : {}),
  };
}

function refuse(what: string, where: string, record: unknown, fields: Readonly<Record<string, Rule>>): void {
  if (!isObject(record)) throw new UsageError(`${what}: ${where} must be an object, got ${shown(record)}`);
  for (const [field, rule] of Object.entries(fields)) {
    const problem = rule(record[field]);
    if (problem) fail(what, where, record, `${field} ${record[field] === undefined ? 'is missing' : problem}`);
  }
}

function unique(what: string, where: string, record: Json, seen: Set<string>): void {
  const key = record.id as string;
  if (seen.has(key)) fail(what, where, record, 'repeats the id of an earlier record');
  seen.add(key);
}

function fail(what: string, where: string, record: Json, detail: string): never {
  const named = typeof record.id === 'string' ? ` (id ${shown(record.id)})` : '';
  throw new UsageError(`${what}: ${where}${named}: ${detail}`);
}

function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}
