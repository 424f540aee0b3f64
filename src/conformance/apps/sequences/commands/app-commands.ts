import type { AppsSequence } from '../apps-sequence.js';
import { channelBody, describeChannel, type ChannelSpec } from './channel-spec.js';
import { StatefulCommand, appPath, pickApp } from './command.js';

/** What a createApp command sends, chosen by fast-check. */
export interface CreateAppInput {
  word: string;
  number: number;
  description: string | null | undefined;
  harnessId: string;
  policy: 'default' | 'latest' | undefined;
  agentId: string | undefined;
  channel: ChannelSpec | undefined;
  /** channel_config without channel_type: the contract answers 400. */
  orphanConfig: boolean;
}

/** POST /v1/apps, with or without a first channel. */
export class CreateApp extends StatefulCommand {
  readonly appIndex = undefined;

  constructor(readonly input: CreateAppInput) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const { input } = this;
    const body: Record<string, unknown> = { name: `${world.namePrefix}${input.word}-${input.number}`, harness_id: input.harnessId };
    if (input.description !== undefined) body.description = input.description;
    if (input.policy) body.agent_version_policy = input.policy;
    if (input.agentId) body.agent_id = input.agentId;
    if (input.channel) Object.assign(body, channelBody(input.channel, world));
    if (input.orphanConfig) body.channel_config = { message: 'no type' };
    const generatedAs = input.orphanConfig
      ? {
          kind: 'negative' as const,
          keyword: 'dependentRequired',
          pointer: '/channel_config',
          description: 'channel_config without channel_type',
        }
      : undefined;
    await world.perform(this.toString(), {
      method: 'POST',
      path: '/v1/apps',
      body,
      credentials: true,
      ...(generatedAs ? { generatedAs } : {}),
    });
  }

  toString(): string {
    const { channel, orphanConfig } = this.input;
    if (orphanConfig) return 'POST /v1/apps (channel_config without channel_type)';
    return `POST /v1/apps (${channel ? describeChannel(channel) : 'no channel'})`;
  }
}

/** GET /v1/apps/{app_id}. */
export class GetApp extends StatefulCommand {
  constructor(readonly appIndex: number) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    await world.perform(this.toString(), { method: 'GET', path: appPath(pickApp(world, this.appIndex)), credentials: true });
  }

  toString(): string {
    return `GET /v1/apps/{app#${this.appIndex}}`;
  }
}

/** What a listApps command asks for. */
export interface ListAppsInput {
  /** A name word (in any case), the run's name prefix, or something no app has. */
  search: { kind: 'word'; word: string } | { kind: 'prefix' } | { kind: 'none-match' } | undefined;
  includeArchived: boolean | undefined;
}

/** GET /v1/apps?search=&include_archived=. */
export class ListApps extends StatefulCommand {
  readonly appIndex = undefined;

  constructor(readonly input: ListAppsInput) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const query = new URLSearchParams();
    const { search, includeArchived } = this.input;
    if (search?.kind === 'word') query.set('search', search.word);
    if (search?.kind === 'prefix') query.set('search', world.namePrefix);
    if (search?.kind === 'none-match') query.set('search', `${world.namePrefix}zz-no-such-app`);
    if (includeArchived !== undefined) query.set('include_archived', String(includeArchived));
    await world.perform(this.toString(), { method: 'GET', path: '/v1/apps', query: query.toString(), credentials: true });
  }

  toString(): string {
    const { search, includeArchived } = this.input;
    const parts = [];
    if (search) parts.push(`search=${search.kind === 'word' ? search.word : search.kind}`);
    if (includeArchived !== undefined) parts.push(`include_archived=${includeArchived}`);
    return `GET /v1/apps${parts.length ? `?${parts.join('&')}` : ''}`;
  }
}

/** The fields a PATCH may send; absent keys are not sent, null means "no change" (§4 Update). */
export interface UpdateAppInput {
  index: number;
  fields: {
    name?: string | null;
    description?: string | null;
    harness_id?: string | null;
    agent_version_policy?: 'default' | 'latest' | null;
    status?: 'archived' | 'draft' | 'published' | 'deleted' | 'bogus' | null;
  };
}

/** PATCH /v1/apps/{app_id} with a random subset of fields. */
export class UpdateApp extends StatefulCommand {
  constructor(readonly input: UpdateAppInput) {
    super();
  }

  get appIndex(): number {
    return this.input.index;
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const body: Record<string, unknown> = { ...this.input.fields };
    // Names carry the run's prefix so that whatever the run leaves behind is recognisable.
    if (typeof body.name === 'string' && body.name !== '') body.name = `${world.namePrefix}${body.name}`;
    const status = this.input.fields.status;
    const invalid = status !== undefined && status !== null && status !== 'archived';
    await world.perform(this.toString(), {
      method: 'PATCH',
      path: appPath(pickApp(world, this.input.index)),
      body,
      credentials: true,
      ...(invalid
        ? { generatedAs: { kind: 'negative', keyword: 'enum', pointer: '/status', description: `status ${status} is not settable` } }
        : {}),
    });
  }

  toString(): string {
    const fields = Object.entries(this.input.fields).map(([key, value]) =>
      value === null ? `${key}=null` : key === 'status' ? `status=${String(value)}` : key,
    );
    return `PATCH /v1/apps/{app#${this.input.index}} {${fields.join(', ')}}`;
  }
}
