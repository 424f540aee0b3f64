/**
 * The stored state of the Apps contract. Records are plain JSON data holding everything,
 * secrets included; what a client may see is decided in present.ts. Records are treated as
 * immutable: a transition builds a new record, so a record handed out in `changes` never moves.
 */

/** The channel kinds an app can be distributed through. */
export const CHANNEL_TYPES = ['slack', 'ag_ui', 'schedule', 'webhook', 'a2a', 'fcp', 'api_endpoint'] as const;

/** One of {@link CHANNEL_TYPES}. */
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** The lifecycle states of an app. */
export const APP_STATUSES = ['draft', 'published', 'archived', 'deleted'] as const;

/** One of {@link APP_STATUSES}. */
export type AppStatus = (typeof APP_STATUSES)[number];

/** How an app resolves the agent version it runs. */
export const AGENT_VERSION_POLICIES = ['default', 'latest', 'pinned'] as const;

/** One of {@link AGENT_VERSION_POLICIES}. */
export type AgentVersionPolicy = (typeof AGENT_VERSION_POLICIES)[number];

/** A stored channel, with its secrets and the session a shared-session webhook keeps. */
export interface ChannelRecord {
  id: string;
  channel_type: ChannelType;
  channel_config: Record<string, unknown>;
  enabled: boolean;
  created_at: string;
  updated_at: string;
  /** The session a `shared_session` webhook reuses; null until its first invocation. */
  shared_session_id: string | null;
}

/** A stored app; timestamps are ISO 8601 strings so the record is plain JSON. */
export interface AppRecord {
  id: string;
  name: string;
  description: string | null;
  harness_id: string;
  agent_id: string | null;
  agent_identity_id: string | null;
  agent_version_id: string | null;
  agent_version_policy: AgentVersionPolicy;
  owner_principal_id: string;
  resolved_owner_user_id: string | null;
  status: AppStatus;
  channels: ChannelRecord[];
  created_at: string;
  updated_at: string;
  published_at: string | null;
  archived_at: string | null;
  deleted_at: string | null;
}

/** A stored run: one accepted webhook invocation. Its status is derived lazily from the clock. */
export interface RunRecord {
  id: string;
  app_id: string;
  channel_id: string;
  channel_type: ChannelType;
  channel_name: string | null;
  created_at: string;
  /** The outcome once the run completes, drawn when it was created. */
  outcome: 'ok' | 'err';
  session_id: string;
  /** The rendered channel message; kept for inspection, never part of the Run wire shape. */
  message: string;
}
