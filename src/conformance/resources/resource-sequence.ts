import type { KnownItem } from './known-items.js';
import { Sequence, type PlannedRequest, type StatefulSession } from '../stateful/index.js';
import { itemPath } from './item-target.js';
import type { ResourceJudge } from './judge.js';

/**
 * One command sequence over the inferred resources: the generic sequence, plus the items its judge
 * knows. Before any other request, it sends the read the judge asks for to name the rule an
 * answer broke (is the parent really gone? is the listed item really deleted?).
 */
export class ResourceSequence extends Sequence {
  readonly judge: ResourceJudge;

  constructor(session: StatefulSession, judge: ResourceJudge) {
    super(session, judge);
    this.judge = judge;
  }

  override get active(): boolean {
    return super.active && !this.judge.diverged;
  }

  /** Every item the sequence created, deleted ones included, oldest first. */
  items(): readonly KnownItem[] {
    return this.judge.items.all();
  }

  override async perform(step: string, planned: PlannedRequest): Promise<void> {
    await super.perform(step, planned);
    for (let probe = this.judge.probe; probe && this.active; probe = this.judge.probe) {
      const path = itemPath(probe.item.collection, probe.item.id, probe.item.parents);
      await super.perform(`GET ${probe.item.collection.itemPath} (is it gone?)`, { method: 'GET', path, credentials: true });
    }
  }
}
