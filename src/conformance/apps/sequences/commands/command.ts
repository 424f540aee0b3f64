import type fc from 'fast-check';
import type { AppRecord, ChannelRecord } from '../../../../model/apps/index.js';
import type { AppsSequence } from '../apps-sequence.js';

/** An app id no target hands out (well formed, so the contract answers 404, not 400). */
export const UNKNOWN_APP = `app_${'0'.repeat(12)}7${'0'.repeat(18)}1`;
/** A channel id no target hands out. */
export const UNKNOWN_CHANNEL = `appchan_${'0'.repeat(12)}7${'0'.repeat(18)}2`;

// The index that, with no app yet, still sends the command (to an unknown app: the 404 case).
const PROBE_INDEX = 3;

/** Base of every stateful command: runnable while the sequence is still comparable. */
export abstract class StatefulCommand implements fc.AsyncCommand<AppsSequence, AppsSequence> {
  /** The app the command acts on, counted from the newest; undefined for commands that need none. */
  abstract readonly appIndex: number | undefined;

  /** The apps the command is meant for; with none of them yet, only the probe index sends it. */
  readonly wants: ((app: AppRecord, world: AppsSequence) => boolean) | undefined = undefined;

  check(world: Readonly<AppsSequence>): boolean {
    if (!world.active) return false;
    // Acting on an app before any fits is worth trying, but not in most steps: it would use up
    // the sequence before anything is created.
    if (this.appIndex === undefined || this.appIndex === PROBE_INDEX) return true;
    const wants = this.wants;
    return (world as AppsSequence).apps().some((app) => (wants ? wants(app, world as AppsSequence) : true));
  }

  abstract run(model: AppsSequence, world: AppsSequence): Promise<void>;

  abstract toString(): string;
}

/**
 * The `index`-th app counted from the newest, so short sequences keep working on one app; among
 * those `prefer` accepts when there are any (the probe index always counts over all apps).
 */
export function pickApp(
  world: AppsSequence,
  index: number,
  prefer?: (app: AppRecord, world: AppsSequence) => boolean,
): AppRecord | undefined {
  const all = world.apps();
  const preferred = prefer && index !== PROBE_INDEX ? all.filter((app) => prefer(app, world)) : [];
  const apps = preferred.length > 0 ? preferred : all;
  return apps.length === 0 ? undefined : apps[apps.length - 1 - (index % apps.length)];
}

/** Apps with runs: where a run listing shows something. */
export function hasRuns(app: AppRecord, world: AppsSequence): boolean {
  return world.appsWithRuns().has(app.id);
}

/** Published apps with a webhook channel: where a webhook call can be accepted. */
export function isLive(app: AppRecord): boolean {
  return app.status === 'published' && app.channels.some((channel) => channel.channel_type === 'webhook');
}

/** The `index`-th channel of an app, among those of `type` when it has any. */
export function pickChannel(app: AppRecord | undefined, index: number, type?: string): ChannelRecord | undefined {
  if (!app || app.channels.length === 0) return undefined;
  const typed = type ? app.channels.filter((channel) => channel.channel_type === type) : [];
  const list = typed.length > 0 ? typed : app.channels;
  return list[index % list.length];
}

/** The path of an app, or of an unknown one when the sequence has none yet. */
export function appPath(app: AppRecord | undefined): string {
  return `/v1/apps/${app?.id ?? UNKNOWN_APP}`;
}
