import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedSteps, type WeightedCommand } from '../../../../src/conformance/stateful/weighted-steps.js';

interface World {
  log: string[];
  unlocked: boolean;
}

class Step implements fc.AsyncCommand<World, World> {
  constructor(
    readonly name: string,
    readonly needs: boolean,
  ) {}
  check(world: Readonly<World>): boolean {
    return !this.needs || world.unlocked;
  }
  async run(world: World): Promise<void> {
    world.log.push(this.name);
    if (this.name === 'unlock') world.unlocked = true;
  }
  toString(): string {
    return this.name;
  }
}

const kinds: WeightedCommand<World>[] = [
  { arbitrary: fc.constant(new Step('unlock', false)), weight: (world) => (world.unlocked ? 0 : 1) },
  { arbitrary: fc.constant(new Step('deep', true)), weight: () => 5 },
  { arbitrary: fc.constant(new Step('never', false)), weight: () => 0 },
];

describe('weightedSteps', () => {
  it('runs a command in every step, only among those that fit, as often as their weight in that state', async () => {
    const logs: string[][] = [];
    await fc.assert(
      fc.asyncProperty(fc.commands([weightedSteps(kinds)], { maxCommands: 12, size: 'max' }), async (commands) => {
        const world: World = { log: [], unlocked: false };
        await fc.asyncModelRun(() => ({ model: world, real: world }), commands);
        logs.push(world.log);
        expect(world.log.length).toBe([...commands].length);
        expect(world.log).not.toContain('never');
        if (world.log.length > 0) expect(world.log[0]).toBe('unlock');
        expect(world.log.slice(1).every((name) => name === 'deep')).toBe(true);
      }),
      { seed: 3, numRuns: 40 },
    );
    expect(logs.some((log) => log.filter((name) => name === 'deep').length >= 5)).toBe(true);
  });

  it('names the command each step ran, and says when none fitted', async () => {
    const [commands] = fc.sample(fc.commands([weightedSteps(kinds)], { maxCommands: 3, size: 'max' }), { seed: 1, numRuns: 1 });
    const world: World = { log: [], unlocked: false };
    await fc.asyncModelRun(() => ({ model: world, real: world }), commands!);
    expect(String(commands)).toMatch(/unlock/);
    const idle = fc.sample(weightedSteps([{ arbitrary: fc.constant(new Step('deep', true)), weight: () => 1 }]), {
      seed: 1,
      numRuns: 1,
    })[0]!;
    expect(idle.check({ log: [], unlocked: false })).toBe(false);
    expect(idle.toString()).toBe('no command fits');
  });
});
