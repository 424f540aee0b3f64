import {
  createResourceModel,
  createdId,
  overlay,
  type ResourceMap,
  type ResourceModel,
  type ResourceRecord,
  type ResourceRequest,
  type ResourceResponse,
  type ResourceRoute,
} from '../../model/resources/index.js';

/** What the target answered, for the oracle to take its ids and bodies from. */
export interface TargetAnswer {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  json: unknown;
}

/**
 * The resource model of the mock as the oracle. It cannot know the target's ids or how the target
 * renders an item, so a create takes the id the target's answer carried (`createdId`) and an item
 * is stored as the target answered it; what the model predicts is then the status, which item
 * exists, what the client wrote into it and what a list holds.
 */
export class ResourceOracle {
  readonly #model: ResourceModel;
  #answer: TargetAnswer | undefined;
  #clock: number;
  #synthetic = 0;

  constructor(map: ResourceMap, start: number = Date.now()) {
    this.#clock = start;
    this.#model = createResourceModel(map, {
      now: () => new Date(this.#clock),
      newId: (collection) => {
        const answer = this.#answer;
        const learned = answer && answer.status < 300 ? createdId(collection, answer.json, answer.headers) : undefined;
        this.#synthetic += 1;
        // A target that created nothing (or handed out no id) leaves an id no target hands out.
        return learned ?? `oracle-${this.#synthetic}`;
      },
      render: (input) => {
        const body = this.#answer && this.#answer.status < 300 ? this.#answer.json : undefined;
        if (input.endpoint.body === 'item' && body !== null && typeof body === 'object' && !Array.isArray(body)) return body;
        return input.merged ?? input.previous ?? overlay(input.written, input.server);
      },
    });
  }

  /** How the model serves an operation, undefined when it is stateless. */
  route(operation: { method: string; path: string }): ResourceRoute | undefined {
    return this.#model.route(operation);
  }

  /** The model's answer to `request`, learning ids and bodies from the target's `answer` to it. */
  predict(request: ResourceRequest, answer: TargetAnswer): ResourceResponse {
    this.#answer = answer;
    this.#clock += 1;
    try {
      return this.#model.handle(request).response;
    } finally {
      this.#answer = undefined;
    }
  }

  /** The live record of an item, if the model holds it. */
  find(collection: string, id: string, parents: Readonly<Record<string, string>>): ResourceRecord | undefined {
    return this.#model.find(collection, id, parents);
  }
}
