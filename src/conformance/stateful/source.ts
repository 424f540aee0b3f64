import type fc from 'fast-check';
import type { StatefulOptions } from './options.js';
import type { Sequence } from './sequence.js';
import type { JudgeOptions, SequenceJudge } from './sequence-judge.js';
import type { StatefulSession } from './session.js';

/** A stateful check: its name (a --checks value) and what it asserts. */
export interface StatefulCheck {
  name: string;
  description: string;
}

/**
 * A source of stateful command sequences for a kind of document: the Apps sequences, and beside
 * them any other (resources inferred from a document, say). The machinery in this folder runs
 * its sequences, shrinks a failing one, replays it and reports it, whatever the source.
 */
export interface StatefulSource<S extends Sequence = Sequence> {
  /** The first part of the source's replay paths, so each source knows its own. */
  readonly replayPrefix: string;
  /** The checks its mismatches are reported under, in report order. */
  readonly checks: readonly StatefulCheck[];
  /** The command arbitraries fast-check draws sequences from. */
  commands(options: StatefulOptions): fc.Arbitrary<fc.AsyncCommand<S, S>>[];
  /** A fresh sequence: fast-check's model and real system at once, with a fresh judge. */
  sequence(session: StatefulSession): S;
  /** A fresh judge, to hold a replay of evidence against. */
  judge(options: JudgeOptions): SequenceJudge;
  /** Maps the ids an original answer carried to those its replay carries, so later requests can be rewritten. */
  pairIds(original: unknown, replayed: unknown, ids: Map<string, string>): void;
}
