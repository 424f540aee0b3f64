import { isJsonObject } from '../../core/index.js';
import { channelConfigErrors, isChannelType } from './channel-config.js';
import { copyJson } from './json-copy.js';
import { FieldErrors, typeName } from './field-errors.js';
import { BODY_ID_FIELDS, type IdPrefix } from './ids.js';
import type { AgentVersionPolicy, AppRecord, AppStatus, ChannelType } from './records.js';
import { AGENT_VERSION_POLICIES } from './records.js';

/** Field limits fixed by the spec. */
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;

/** The app fields a client writes; a create fixes each of them (with defaults), an update any. */
type WrittenFields = Pick<
  AppRecord,
  'name' | 'description' | 'harness_id' | 'agent_id' | 'agent_identity_id' | 'agent_version_id' | 'agent_version_policy'
>;

/** A valid create request, with defaults applied. */
export interface CreateAppInput extends WrittenFields {
  channel?: { type: ChannelType; config: Record<string, unknown> };
}

/** The fields a valid PATCH sets; absent keys (and nulls on the wire) mean "no change". */
export type UpdateAppInput = { [K in keyof WrittenFields]?: NonNullable<WrittenFields[K]> } & { archive?: boolean };

/** Checks a create body against the domain rules (§4 Create); every failure is reported. */
export function parseCreateApp(body: unknown): { input?: CreateAppInput; errors: FieldErrors } {
  const errors = new FieldErrors();
  if (!isJsonObject(body)) {
    errors.add('', `request body must be a JSON object; got ${body === undefined ? 'no body' : typeName(body)}`);
    return { errors };
  }
  const name = body['name'] === undefined ? missing(errors, 'name') : errors.text('/name', 'name', body['name'], NAME_MAX, true);
  const description = optional(body['description'], (v) => errors.text('/description', 'description', v, DESCRIPTION_MAX, false));
  const harness =
    body['harness_id'] === undefined
      ? missing(errors, 'harness_id')
      : errors.id('/harness_id', 'harness_id', body['harness_id'], 'harness');
  const agent = optional(body['agent_id'], (v) => errors.id('/agent_id', 'agent_id', v, 'agent'));
  const identity = optional(body['agent_identity_id'], (v) => errors.id('/agent_identity_id', 'agent_identity_id', v, 'identity'));
  const version = optional(body['agent_version_id'], (v) => errors.id('/agent_version_id', 'agent_version_id', v, 'agentver'));
  const policy = optional(body['agent_version_policy'], (v) => policyOf(errors, v)) ?? 'default';
  if (policy === 'pinned' && body['agent_version_id'] == null) {
    errors.add(
      '/agent_version_id',
      'agent_version_policy pinned needs an agent_version_id',
      'Send agent_version_id with the pinned policy, or choose default or latest.',
    );
  }
  const channel = parseFirstChannel(errors, body['channel_type'], body['channel_config']);
  if (!errors.ok || name === undefined || harness === undefined) return { errors };
  const input: CreateAppInput = {
    name,
    description: description ?? null,
    harness_id: harness,
    agent_id: agent ?? null,
    agent_identity_id: identity ?? null,
    agent_version_id: version ?? null,
    agent_version_policy: policy,
  };
  if (channel) input.channel = channel;
  return { input, errors };
}

/** Checks a PATCH body (§4 Update); state-dependent rules are applied by the caller. */
export function parseUpdateApp(body: unknown, appId: string): { input?: UpdateAppInput; errors: FieldErrors } {
  const errors = new FieldErrors();
  if (!isJsonObject(body)) {
    errors.add('', `request body must be a JSON object; got ${body === undefined ? 'no body' : typeName(body)}`);
    return { errors };
  }
  const input: UpdateAppInput = {};
  const set = <K extends keyof UpdateAppInput>(key: K, value: UpdateAppInput[K] | undefined) => {
    if (value !== undefined) input[key] = value;
  };
  set(
    'name',
    optional(body['name'], (v) => errors.text('/name', 'name', v, NAME_MAX, true)),
  );
  set(
    'description',
    optional(body['description'], (v) => errors.text('/description', 'description', v, DESCRIPTION_MAX, false)),
  );
  for (const [field, prefix] of Object.entries(BODY_ID_FIELDS) as Array<[keyof typeof BODY_ID_FIELDS, IdPrefix]>) {
    set(
      field,
      optional(body[field], (v) => errors.id(`/${field}`, field, v, prefix)),
    );
  }
  set(
    'agent_version_policy',
    optional(body['agent_version_policy'], (v) => policyOf(errors, v)),
  );
  set(
    'archive',
    optional(body['status'], (v) => statusChange(errors, v, appId)),
  );
  return errors.ok ? { input, errors } : { errors };
}

// Absent and null both mean "not given" (§4 Update: null fields mean no change).
function optional<T>(value: unknown, check: (value: unknown) => T | undefined): T | undefined {
  return value === undefined || value === null ? undefined : check(value);
}

function missing(errors: FieldErrors, field: string): undefined {
  errors.add(`/${field}`, `${field} is required`);
  return undefined;
}

function policyOf(errors: FieldErrors, value: unknown): AgentVersionPolicy | undefined {
  if (typeof value === 'string' && (AGENT_VERSION_POLICIES as readonly string[]).includes(value)) {
    return value as AgentVersionPolicy;
  }
  errors.add('/agent_version_policy', `agent_version_policy must be one of ${AGENT_VERSION_POLICIES.join(', ')}; got ${describe(value)}`);
  return undefined;
}

function statusChange(errors: FieldErrors, value: unknown, appId: string): boolean | undefined {
  const status = value as AppStatus;
  if (status === 'archived') return true;
  if (status === 'draft' || status === 'published') {
    errors.add(
      '/status',
      `status cannot be set to ${status} with PATCH; use publish/unpublish`,
      `Use POST /v1/apps/${appId}/publish or /v1/apps/${appId}/unpublish to change between draft and published.`,
    );
  } else if (status === 'deleted') {
    errors.add(
      '/status',
      'status cannot be set to deleted; the API archives apps instead',
      `Archive the app with DELETE /v1/apps/${appId}, or PATCH status archived.`,
    );
  } else {
    errors.add('/status', `status must be archived when set with PATCH; got ${describe(value)}`);
  }
  return undefined;
}

function parseFirstChannel(
  errors: FieldErrors,
  type: unknown,
  config: unknown,
): { type: ChannelType; config: Record<string, unknown> } | undefined {
  const hasType = type !== undefined && type !== null;
  const hasConfig = config !== undefined && config !== null;
  if (!hasType) {
    if (hasConfig) errors.add('/channel_config', 'channel_config needs channel_type', 'Send channel_type together with channel_config.');
    return undefined;
  }
  if (!isChannelType(type)) {
    errors.add('/channel_type', `channel_type is not a known channel type; got ${describe(type)}`);
    return undefined;
  }
  if (hasConfig && !isJsonObject(config)) {
    errors.add('/channel_config', `channel_config must be an object; got ${typeName(config)}`);
    return undefined;
  }
  const object = hasConfig ? copyJson(config) : {};
  if (!isJsonObject(object)) {
    errors.add('/channel_config', 'channel_config must contain only JSON data');
    return undefined;
  }
  const configErrors = channelConfigErrors(type, object, '/channel_config');
  errors.addAll(configErrors);
  return configErrors.length === 0 ? { type, config: object } : undefined;
}

/** A short rendering of an offending value for a detail; strings are quoted and clipped. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (value === null || typeof value !== 'object') return String(value);
  return typeName(value);
}
