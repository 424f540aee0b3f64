import { writeFile } from 'node:fs/promises';
import { UsageError } from '../../core/index.js';

/** Writes a report file; a path that cannot be written is a usage error, not a crash. */
export async function writeReport(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
