/** When the target said a resource was created and last updated, as it reported them. */
export interface SeenTimes {
  created: number;
  updated: number;
}

/** What the judge remembers about the target's answers besides the oracle's state. */
export class JudgeState {
  /** Per app, the fields some successful PATCH wrote (so a lost write reads as read_your_writes). */
  readonly patched = new Map<string, Set<string>>();
  readonly appTimes = new Map<string, SeenTimes>();
  readonly channelTimes = new Map<string, SeenTimes>();
  /** Every session id a 202 handed out. */
  readonly sessions = new Set<string>();
  /** Every secret the client sent (webhook tokens): none may come back. */
  readonly secrets = new Set<string>();

  /** Records the fields a successful PATCH of `appId` wrote. */
  notePatch(appId: string, fields: Iterable<string>): void {
    const set = this.patched.get(appId) ?? new Set<string>();
    for (const field of fields) set.add(field);
    this.patched.set(appId, set);
  }
}
