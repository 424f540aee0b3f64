import { writeFile } from 'node:fs/promises';
import { ensureFolderOf } from '../../api/index.js';
import { UsageError } from '../../core/index.js';

/** Writes a report file, its folder created as `mkdir -p` would; a path that cannot be written is a usage error, not a crash. */
export async function writeReport(path: string, content: string): Promise<void> {
  ensureFolderOf(path);
  try {
    await writeFile(path, content);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
