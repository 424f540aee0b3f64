import { CoverageTally } from '../findings/coverage.js';
import { FindingBook } from '../findings/finding-book.js';
import { IdPool } from '../generate/id-pool.js';
import { CreatedResources } from './created-resources.js';
import { DeletedPaths } from './deleted-paths.js';
import type { RunConfig } from './run-config.js';
import { RunSecrets } from './run-secrets.js';
import { RunTally } from './run-tally.js';
import { TargetHealth } from './target-health.js';

/** What a run accumulates; each part is owned, and only changed, by the module that defines it. */
export interface RunState {
  /** Ids the target handed out, to fill path parameters with. */
  readonly ids: IdPool;
  /** Findings, deduplicated, each new cause announced once. */
  readonly findings: FindingBook;
  /** Requests sent, and per check the exchanges that passed and failed. */
  readonly tally: RunTally;
  /** Every secret sent, and the tokens of resources the run created. */
  readonly secrets: RunSecrets;
  /** What the run created, archived at the end. */
  readonly created: CreatedResources;
  /** Whether the target still answers (transport failures in a row). */
  readonly health: TargetHealth;
  /** Which declared responses the answers exercised. */
  readonly coverage: CoverageTally;
  /** Where the run has sent DELETEs, so a follow-up that finds the item gone is not blamed on the target. */
  readonly deleted: DeletedPaths;
}

/** One run: what is fixed for it, and what it accumulates. */
export interface Run {
  readonly config: RunConfig;
  readonly state: RunState;
}

/** A run with nothing accumulated yet. */
export function startRun(config: RunConfig): Run {
  return {
    config,
    state: {
      ids: new IdPool(config.spec.operations, config.validator),
      findings: new FindingBook((finding) => config.emit({ type: 'finding-reported', finding })),
      tally: new RunTally(config.checks.map((check) => check.name)),
      secrets: new RunSecrets(config.credentials),
      created: new CreatedResources(),
      health: new TargetHealth(),
      coverage: new CoverageTally(config.spec.operations),
      deleted: new DeletedPaths(),
    },
  };
}

/** True once the run should send nothing more: Ctrl-C, --max-duration, or a target that stopped answering. */
export function halted({ config, state }: Run): boolean {
  return config.stopped() || state.health.unresponsive;
}
