import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { UsageError } from '../core/index.js';
import type { Har, HarCreator, HarEntry } from './har-types.js';
import { checkHar } from './check-har.js';

/** Options for {@link openHarWriter}. */
export interface HarWriterOptions {
  creator: HarCreator;
  /**
   * fsync after every append. Off by default: the guarantee we make is about the process being
   * killed, and a killed process's completed writes are already in the kernel's page cache; fsync
   * only adds protection against power loss or an OS crash, at a large cost per exchange.
   */
  fsync?: boolean;
}

/** Appends entries to a HAR file that stays valid after every completed append. */
export interface HarWriter {
  readonly path: string;
  /** Entries in the file, including those it held when opened. */
  readonly count: number;
  append(entry: HarEntry): void;
  /** Appends several entries in one atomic step (all or none survive a crash). */
  appendAll(entries: readonly HarEntry[]): void;
  close(): void;
}

/** What every file this writer keeps ends with: the close of `entries`, `log` and the document. */
const TAIL = '\n]}}\n';

/**
 * Opens (or creates) a HAR file for appending. The file always ends in {@link TAIL}. Each append
 * copies the file (a kernel-side copy, reflinked where the filesystem can), replaces the copy's
 * tail with `,\n<entry>` plus a new tail, and renames the copy over the file. An in-place write is
 * not enough: Linux checks for SIGKILL between the pages of one write(2), so a large entry can be
 * torn; a rename is atomic, so the file on disk is always the old valid document or the new one.
 */
export function openHarWriter(path: string, options: HarWriterOptions): HarWriter {
  const entries = prepareFile(path, options.creator);
  const temp = `${path}.${process.pid}.tmp`;
  let offset = statSync(path).size - Buffer.byteLength(TAIL);
  let count = entries;
  let closed = false;

  return {
    path,
    get count() {
      return count;
    },
    append(entry) {
      this.appendAll([entry]);
    },
    appendAll(batch) {
      if (closed) throw new UsageError(`HAR writer for ${path} is closed`);
      if (batch.length === 0) return;
      const text = batch.map((entry, index) => `${count + index === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`).join('');
      const buf = Buffer.from(text + TAIL, 'utf8');
      copyFileSync(path, temp);
      const fd = openSync(temp, 'r+');
      try {
        const written = writeSync(fd, buf, 0, buf.length, offset);
        if (written !== buf.length) throw new UsageError(`HAR file ${path}: short write (${written} of ${buf.length} bytes)`);
        if (options.fsync) fsyncSync(fd);
      } catch (error) {
        closeSync(fd);
        rmSync(temp, { force: true });
        throw error;
      }
      closeSync(fd);
      renameSync(temp, path);
      offset += buf.length - Buffer.byteLength(TAIL);
      count += batch.length;
    },
    close() {
      closed = true;
    },
  };
}

/** The document prefix up to and including `"entries":[`, keeping any other `log` members. */
function headOf(log: Omit<Har['log'], 'entries'>): string {
  const text = JSON.stringify({ log: { ...log, entries: [] } });
  return text.slice(0, -'[]}}'.length) + '[';
}

function layout(har: Har): string {
  const { entries, ...rest } = har.log;
  const body = entries.map((entry) => JSON.stringify(entry)).join(',\n');
  return headOf(rest) + (entries.length === 0 ? '' : `\n${body}`) + TAIL;
}

/**
 * Makes sure `path` holds a valid HAR in this writer's layout. A missing or empty file is created;
 * an existing HAR in another layout is rewritten once, atomically (temp file + rename).
 */
function prepareFile(path: string, creator: HarCreator): number {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (text.trim() === '') {
    const fresh = layout({ log: { version: '1.2', creator, entries: [] } });
    writeFileSync(path, fresh);
    return 0;
  }
  let har: Har;
  try {
    har = JSON.parse(text) as Har;
  } catch (error) {
    throw new UsageError(`cannot append to ${path}: not valid JSON (${(error as Error).message})`);
  }
  const problems = checkHar(har);
  if (problems.length > 0) throw new UsageError(`cannot append to ${path}: not a HAR file (${problems[0]})`);
  const wanted = layout(har);
  if (wanted !== text) {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, wanted);
    renameSync(temp, path);
  }
  return har.log.entries.length;
}
