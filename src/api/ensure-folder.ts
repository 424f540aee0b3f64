import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../core/index.js';

/** Creates the folder a report or recording goes in (`reports/` for `--junit reports/x.xml`), as `mkdir -p` would. */
export function ensureFolderOf(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the folder for ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
