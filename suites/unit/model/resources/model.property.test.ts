import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResourceOutcome } from '../../../../src/model/resources/index.js';
import { platformSpec } from './documents.js';
import { bodyOf, harness } from './fake-env.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

/** The trivial reference: agents and sessions in insertion order, each session's message texts. */
interface Reference {
  agents: Map<string, string>;
  sessions: Map<string, string[]>;
  /** Every id ever handed out, deleted ones included, so commands also aim at gone items. */
  agentIds: string[];
  sessionIds: string[];
}

type Call = ReturnType<typeof harness>['call'];
interface Real {
  call: Call;
}

const pick = (ids: readonly string[], index: number, unknown: string) => (ids.length === 0 ? unknown : (ids[index % (ids.length + 1)] ?? unknown));
const status = (outcome: ResourceOutcome) => outcome.response.status;

class CreateAgent implements fc.Command<Reference, Real> {
  constructor(readonly name: string) {}
  check = () => true;
  run(ref: Reference, real: Real) {
    const body = bodyOf(real.call('create_agent', { body: { name: this.name } }));
    expect(body.name).toBe(this.name);
    expect(ref.agents.has(body.id)).toBe(false);
    ref.agents.set(body.id, this.name);
    ref.agentIds.push(body.id);
  }
  toString = () => `POST /v1/agents ${JSON.stringify(this.name)}`;
}

class ReadAgent implements fc.Command<Reference, Real> {
  constructor(readonly index: number) {}
  check = () => true;
  run(ref: Reference, real: Real) {
    const id = pick(ref.agentIds, this.index, 'agent_unknown');
    const outcome = real.call('get_agent', { params: { agent_id: id } });
    if (ref.agents.has(id)) expect(bodyOf(outcome)).toMatchObject({ id, name: ref.agents.get(id) });
    else expect(status(outcome)).toBe(404);
  }
  toString = () => `GET /v1/agents/#${this.index}`;
}

class UpdateAgent implements fc.Command<Reference, Real> {
  constructor(
    readonly index: number,
    readonly name: string,
    readonly replace: boolean,
  ) {}
  check = () => true;
  run(ref: Reference, real: Real) {
    const id = pick(ref.agentIds, this.index, 'agent_unknown');
    const outcome = real.call(this.replace ? 'upsert_agent' : 'update_agent', { params: { agent_id: id }, body: { name: this.name } });
    if (ref.agents.has(id) || this.replace) {
      expect(status(outcome)).toBe(ref.agents.has(id) ? 200 : 201);
      expect(bodyOf(outcome)).toMatchObject({ id, name: this.name });
      if (!ref.agents.has(id)) ref.agentIds.push(id);
      ref.agents.set(id, this.name);
    } else {
      expect(status(outcome)).toBe(404);
    }
  }
  toString = () => `${this.replace ? 'PUT' : 'PATCH'} /v1/agents/#${this.index} ${JSON.stringify(this.name)}`;
}

class DeleteAgent implements fc.Command<Reference, Real> {
  constructor(readonly index: number) {}
  check = () => true;
  run(ref: Reference, real: Real) {
    const id = pick(ref.agentIds, this.index, 'agent_unknown');
    expect(status(real.call('delete_agent', { params: { agent_id: id } }))).toBe(ref.agents.delete(id) ? 204 : 404);
  }
  toString = () => `DELETE /v1/agents/#${this.index}`;
}

class ListAgents implements fc.Command<Reference, Real> {
  check = () => true;
  run(ref: Reference, real: Real) {
    const names: string[] = [];
    for (let offset = 0; offset <= ref.agents.size; offset += 3) {
      const page = bodyOf(real.call('list_agents', { query: { offset: String(offset), limit: '3' } }));
      expect(page.total).toBe(ref.agents.size);
      names.push(...page.data.map((item: any) => item.name));
    }
    expect(names).toEqual([...ref.agents.values()]);
  }
  toString = () => 'GET /v1/agents (every page)';
}

class CreateSession implements fc.Command<Reference, Real> {
  check = () => true;
  run(ref: Reference, real: Real) {
    const body = bodyOf(real.call('create_session', { body: {} }));
    ref.sessions.set(body.id, []);
    ref.sessionIds.push(body.id);
  }
  toString = () => 'POST /v1/sessions';
}

class DeleteSession implements fc.Command<Reference, Real> {
  constructor(readonly index: number) {}
  check = () => true;
  run(ref: Reference, real: Real) {
    const id = pick(ref.sessionIds, this.index, 'unknown');
    expect(status(real.call('delete_session', { params: { session_id: id } }))).toBe(ref.sessions.delete(id) ? 200 : 404);
  }
  toString = () => `DELETE /v1/sessions/#${this.index}`;
}

class CreateMessage implements fc.Command<Reference, Real> {
  constructor(
    readonly index: number,
    readonly text: string,
  ) {}
  check = () => true;
  run(ref: Reference, real: Real) {
    const id = pick(ref.sessionIds, this.index, 'unknown');
    const outcome = real.call('create_message', { params: { session_id: id }, body: { text: this.text } });
    const messages = ref.sessions.get(id);
    if (!messages) return expect(status(outcome)).toBe(404);
    expect(bodyOf(outcome)).toMatchObject({ text: this.text, session_id: id });
    messages.push(this.text);
  }
  toString = () => `POST /v1/sessions/#${this.index}/messages ${JSON.stringify(this.text)}`;
}

class ListMessages implements fc.Command<Reference, Real> {
  constructor(readonly index: number) {}
  check = () => true;
  run(ref: Reference, real: Real) {
    const id = pick(ref.sessionIds, this.index, 'unknown');
    const outcome = real.call('list_messages', { params: { session_id: id } });
    const messages = ref.sessions.get(id);
    if (!messages) return expect(status(outcome)).toBe(404);
    expect(bodyOf(outcome).items.map((item: any) => item.text)).toEqual(messages);
  }
  toString = () => `GET /v1/sessions/#${this.index}/messages`;
}

// Small indexes aim at live items, deleted ones and (one past the end) an id never made.
const index = fc.nat({ max: 8 });
const text = fc.string({ maxLength: 6 });
const createAgent = text.map((name) => new CreateAgent(name));
const commands = fc.commands(
  [
    // Weighted towards creates, so lists run long enough to span several pages.
    createAgent,
    createAgent,
    createAgent,
    index.map((at) => new ReadAgent(at)),
    fc.tuple(index, text, fc.boolean()).map(([at, name, replace]) => new UpdateAgent(at, name, replace)),
    index.map((at) => new DeleteAgent(at)),
    fc.constant(new ListAgents()),
    fc.constant(new CreateSession()),
    index.map((at) => new DeleteSession(at)),
    fc.tuple(index, text).map(([at, body]) => new CreateMessage(at, body)),
    fc.tuple(index, text).map(([at, body]) => new CreateMessage(at, body)),
    index.map((at) => new ListMessages(at)),
    index.map((at) => new ListMessages(at)),
  ],
  { maxCommands: 60, size: 'medium' },
);

describe(`resource model against a Map reference (seed ${SEED ?? 'random'}, ${NUM_RUNS} runs)`, () => {
  it('agrees on every answer over random command sequences', () => {
    fc.assert(
      fc.property(commands, (sequence) => {
        const { call } = harness(platformSpec());
        fc.modelRun(() => ({ model: { agents: new Map(), sessions: new Map(), agentIds: [], sessionIds: [] }, real: { call } }), sequence);
      }),
      { numRuns: NUM_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});

describe(`resource model on arbitrary requests (seed ${SEED ?? 'random'}, ${NUM_RUNS} runs)`, () => {
  it('never throws, answers plain data, and changes nothing when it refuses', () => {
    const spec = platformSpec();
    const operations = spec.operations;
    const request = fc.record({
      operation: fc.constantFrom(...operations),
      // The fake environment's first ids, so requests often hit items that exist.
      params: fc.dictionary(
        fc.constantFrom('agent_id', 'session_id', 'message_id', 'note_id'),
        fc.oneof(fc.string(), fc.constantFrom('id1', 'id2', 'id3', `agent_${'1'.padStart(32, '0')}`, `agent_${'2'.padStart(32, '0')}`)),
      ),
      query: fc.dictionary(fc.constantFrom('limit', 'offset', 'cursor', 'status', 'search'), fc.oneof(fc.string(), fc.integer().map(String))),
      body: fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.dictionary(fc.constantFrom('id', 'name', 'description', 'text', 'created_at'), fc.jsonValue())),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 25 }), (requests) => {
        const { model } = harness(spec);
        for (const { operation, params, query, body } of requests) {
          const outcome = model.handle({ operation, path: operation.path, pathParams: params, query, headers: {}, body, origin: 'http://o' });
          expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
          if (outcome.response.kind === 'problem') {
            expect(outcome.changes).toEqual([]);
            expect(outcome.response.status).toBeGreaterThanOrEqual(400);
          } else {
            expect(outcome.response.status).toBeLessThan(300);
          }
          // Only statuses the operation declares (or a 404 for a missing item).
          expect([...operation.responses.map((response) => Number(response.key)), 404]).toContain(outcome.response.status);
        }
      }),
      { numRuns: NUM_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});
