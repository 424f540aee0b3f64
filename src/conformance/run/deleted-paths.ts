/**
 * The paths the run has sent a DELETE to, noted before each is sent. With requests in flight at
 * once, a follow-up (a `self_url` link) may reach an item a concurrent DELETE of the run just
 * removed: its 404 is the run's own doing, not the target's.
 */
export class DeletedPaths {
  readonly #paths = new Set<string>();

  /** Notes a DELETE about to be sent to `path` (no query). */
  note(path: string): void {
    this.#paths.add(trim(path));
  }

  /** True when the run has sent a DELETE to `path` or to an item above it (a parent takes its children along). */
  covers(path: string): boolean {
    let at = trim(path);
    while (at !== '') {
      if (this.#paths.has(at)) return true;
      at = at.slice(0, Math.max(0, at.lastIndexOf('/')));
    }
    return false;
  }
}

function trim(path: string): string {
  return path.replace(/\/+$/, '');
}
