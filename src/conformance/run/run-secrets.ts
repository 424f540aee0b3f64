import type { HeaderMap } from '../../core/index.js';

/**
 * The secrets a run sends: its credentials (a bearer value also bare) and the tokens it sets on
 * resources it creates, which are sent on the operations that resource's own scheme guards.
 * None may come back in an answer, and every report masks them.
 */
export class RunSecrets {
  #all: string[];
  #tokens = new Map<string, string>();

  constructor(credentials: HeaderMap) {
    this.#all = Object.values(credentials).flatMap((value) => [value, value.replace(/^Bearer\s+/i, '')]);
  }

  /** A secret the run made up. */
  add(secret: string): void {
    this.#all.push(secret);
  }

  /** The token guarding a resource the run created (a secret too). */
  setToken(resourceId: string, token: string): void {
    this.#tokens.set(resourceId, token);
  }

  /** The token of the first of these resources the run holds one for. */
  tokenFor(resourceIds: Iterable<string>): string | undefined {
    for (const id of resourceIds) {
      const token = this.#tokens.get(id);
      if (token) return token;
    }
    return undefined;
  }

  /** The resources the run holds tokens for. */
  tokenHolders(): ReadonlySet<string> {
    return new Set(this.#tokens.keys());
  }

  all(): readonly string[] {
    return this.#all;
  }
}
