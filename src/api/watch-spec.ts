import { watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

// Editors save in bursts (truncate, write, rename); one reload follows the last event of a burst.
const SETTLE_MS = 150;

/**
 * Calls `changed` after the file at `path` changes. The folder is watched, not the file: an editor
 * that saves by renaming a new file over the old one would leave a watch on the file deaf.
 * Returns the function that stops watching.
 */
export function watchFile(path: string, changed: () => void): () => void {
  const file = resolve(path);
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(file), { persistent: false }, (_event, changedName) => {
    if (changedName !== null && changedName !== name) return;
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
