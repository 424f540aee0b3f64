import fc from 'fast-check';

/** A kind of command and how much a sequence gains from it in a given state (0: never now). */
export interface WeightedCommand<S extends object> {
  arbitrary: fc.Arbitrary<fc.AsyncCommand<S, S>>;
  weight(model: Readonly<S>): number;
}

// Resolution of the draw that picks among the commands that fit.
const PICKS = 1 << 16;

/**
 * Sequences whose every step does something: each step draws one input of every kind of command,
 * and when it runs picks among those whose precondition holds in the current state, each as
 * likely as its weight there. Fixed lists of commands waste most steps on commands whose state is
 * not reached yet (a listing of what nothing has produced yet); weighing by the state instead lets
 * a source favour what unlocks the deep states and what can only be exercised there, so a short
 * sequence reaches the end of a lifecycle. A failing sequence shrinks by losing steps.
 */
export function weightedSteps<S extends object>(commands: readonly WeightedCommand<S>[]): fc.Arbitrary<fc.AsyncCommand<S, S>> {
  // Inputs of the kinds a step did not run would shrink forever without changing anything, each
  // attempt replaying the whole sequence: a step shrinks only by leaving the sequence.
  return fc
    .noShrink(fc.tuple(fc.nat(PICKS - 1), ...commands.map((command) => command.arbitrary)))
    .map(([pick, ...drawn]) => new WeightedStep(pick / PICKS, drawn, commands));
}

/** One step: the command it will run is decided by the state it runs in. */
class WeightedStep<S extends object> implements fc.AsyncCommand<S, S> {
  readonly #pick: number;
  readonly #drawn: readonly fc.AsyncCommand<S, S>[];
  readonly #kinds: readonly WeightedCommand<S>[];
  #chosen: fc.AsyncCommand<S, S> | undefined;

  constructor(pick: number, drawn: readonly fc.AsyncCommand<S, S>[], kinds: readonly WeightedCommand<S>[]) {
    this.#pick = pick;
    this.#drawn = drawn;
    this.#kinds = kinds;
  }

  check(model: Readonly<S>): boolean {
    const fitting = this.#drawn.map((command, index) => ({
      command,
      weight: command.check(model) ? this.#kinds[index]!.weight(model) : 0,
    }));
    const total = fitting.reduce((sum, entry) => sum + entry.weight, 0);
    this.#chosen = undefined;
    if (total <= 0) return false;
    let left = this.#pick * total;
    for (const entry of fitting) {
      left -= entry.weight;
      if (entry.weight > 0 && left < 0) {
        this.#chosen = entry.command;
        break;
      }
    }
    this.#chosen ??= fitting.filter((entry) => entry.weight > 0).at(-1)!.command;
    return true;
  }

  async run(model: S, real: S): Promise<void> {
    await this.#chosen?.run(model, real);
  }

  toString(): string {
    return this.#chosen?.toString() ?? 'no command fits';
  }
}
