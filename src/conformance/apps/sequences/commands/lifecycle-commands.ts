import type { AppRecord } from '../../../../model/apps/index.js';
import type { AppsSequence } from '../apps-sequence.js';
import { StatefulCommand, appPath, pickApp } from './command.js';

// Drafts with a webhook first: publishing those is what lets a sequence reach accepted webhooks.
const publishable = (app: AppRecord) => app.status === 'draft' && app.channels.some((channel) => channel.channel_type === 'webhook');

/** POST /v1/apps/{app_id}/publish. */
export class PublishApp extends StatefulCommand {
  constructor(readonly appIndex: number) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    await world.perform(this.toString(), {
      method: 'POST',
      path: `${appPath(pickApp(world, this.appIndex, publishable))}/publish`,
      credentials: true,
    });
  }

  toString(): string {
    return `POST /v1/apps/{app#${this.appIndex}}/publish`;
  }
}

/** POST /v1/apps/{app_id}/unpublish. */
export class UnpublishApp extends StatefulCommand {
  constructor(readonly appIndex: number) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    await world.perform(this.toString(), {
      method: 'POST',
      path: `${appPath(pickApp(world, this.appIndex))}/unpublish`,
      credentials: true,
    });
  }

  toString(): string {
    return `POST /v1/apps/{app#${this.appIndex}}/unpublish`;
  }
}

/** DELETE /v1/apps/{app_id}: archives. */
export class ArchiveApp extends StatefulCommand {
  constructor(readonly appIndex: number) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    await world.perform(this.toString(), { method: 'DELETE', path: appPath(pickApp(world, this.appIndex)), credentials: true });
  }

  toString(): string {
    return `DELETE /v1/apps/{app#${this.appIndex}}`;
  }
}
