import type { AppsSequence } from '../apps-sequence.js';
import { StatefulCommand, appPath, hasRuns, pickApp } from './command.js';

/** Windows that hold every run of a short sequence (§4 List runs). */
export const VALID_WINDOWS = ['24h', '1h', '30d', '720h'] as const;
/** Windows the contract refuses (§4 List runs). */
export const INVALID_WINDOWS = ['90m', '0h', '31d', '12x'] as const;
const WINDOWS = [...VALID_WINDOWS, ...INVALID_WINDOWS] as const;

/** GET /v1/apps/{app_id}/runs?window=&groupBy=. */
export class ListAppRuns extends StatefulCommand {
  override readonly wants = hasRuns;

  constructor(
    readonly appIndex: number,
    readonly window: (typeof WINDOWS)[number] | undefined,
    readonly groupBy: 'hour' | 'day' | undefined,
  ) {
    super();
  }

  async run(_model: AppsSequence, world: AppsSequence): Promise<void> {
    const query = new URLSearchParams();
    if (this.window !== undefined) query.set('window', this.window);
    if (this.groupBy !== undefined) query.set('groupBy', this.groupBy);
    await world.perform(this.toString(), {
      method: 'GET',
      path: `${appPath(pickApp(world, this.appIndex, hasRuns))}/runs`,
      query: query.toString(),
      credentials: true,
    });
  }

  toString(): string {
    const query = [this.window ? `window=${this.window}` : '', this.groupBy ? `groupBy=${this.groupBy}` : ''].filter(Boolean).join('&');
    return `GET /v1/apps/{app#${this.appIndex}}/runs${query ? `?${query}` : ''}`;
  }
}
