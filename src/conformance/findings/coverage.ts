import { essence, mediaTypeMatches, type ResponseFacts } from '../../core/index.js';
import { findResponse, OperationIndex, type Operation } from '../../openapi/index.js';

/** What happened to one declared response (status × media type), or to an answer the document does not declare. */
export type CoverageMark = 'exercised' | 'not-reached' | 'undeclared';

/** One cell of the coverage matrix. */
export interface CoverageCell {
  /** The declared response key (`200`, `4XX`, `default`); for an undeclared status, the status received. */
  status: string;
  /** The declared media type (for an undeclared one, the one received); null for an answer without content. */
  mediaType: string | null;
  mark: CoverageMark;
  /** How many answers landed here. */
  answers: number;
  /** The statuses received, with their counts: a `4XX` or `default` cell may hold several. */
  received: Record<string, number>;
}

/** One row of the matrix: an operation and its cells, declared ones in document order, then undeclared ones. */
export interface OperationCoverage {
  operation: string;
  method: string;
  path: string;
  cells: CoverageCell[];
}

/** What a run exercised of the document, computed from the answers the checks saw. */
export interface Coverage {
  /** Declared responses answered at least once, in percent of all declared ones, rounded down to 0.1 (100 when none is declared). */
  percent: number;
  responses: { declared: number; exercised: number; undeclared: number };
  operations: { total: number; reached: number };
  matrix: OperationCoverage[];
  /** Answers to requests that match no operation of the document (a recording's, a followed link's). */
  unrouted: Array<{ method: string; path: string; status: number; answers: number }>;
}

interface Tallied {
  statuses: Map<number, number>;
  answers: number;
}

/**
 * Counts which declared response each answer was: its status matched as the document does (exact
 * code, then `4XX` range, then `default`, OAS 3.1 §4.8.16) and its media type as
 * content_type_conformance does. Every operation of the document gets a row, reached or not.
 */
export class CoverageTally {
  readonly #operations: readonly Operation[];
  readonly #index: OperationIndex;
  /** Per operation, cell key (`status\u0000media`) → what landed there. */
  readonly #cells = new Map<Operation, Map<string, Tallied>>();
  readonly #unrouted = new Map<string, { method: string; path: string; status: number; answers: number }>();

  constructor(operations: readonly Operation[]) {
    this.#operations = operations;
    this.#index = new OperationIndex(operations);
    for (const operation of operations) this.#cells.set(operation, new Map());
  }

  /** Counts an answer to a request of `operation`; a transport failure (status 0) was no answer. */
  note(operation: Operation, method: string, response: ResponseFacts): void {
    if (response.status === 0) return;
    const cells = this.#cells.get(operation);
    if (!cells) return;
    const key = cellKey(landing(operation, method, response));
    const tallied = cells.get(key) ?? { statuses: new Map(), answers: 0 };
    tallied.answers += 1;
    tallied.statuses.set(response.status, (tallied.statuses.get(response.status) ?? 0) + 1);
    cells.set(key, tallied);
  }

  /** Counts an answer to a request known only by method and path (relative to the target's base, no query). */
  noteRequest(method: string, path: string, response: ResponseFacts): void {
    if (response.status === 0) return;
    const match = this.#index.match(method, path);
    if (match?.operation && match.operation.method === method.toUpperCase()) return this.note(match.operation, method, response);
    const key = `${method.toUpperCase()} ${path} ${response.status}`;
    const entry = this.#unrouted.get(key) ?? { method: method.toUpperCase(), path, status: response.status, answers: 0 };
    entry.answers += 1;
    this.#unrouted.set(key, entry);
  }

  report(): Coverage {
    const matrix = this.#operations.map((operation) => row(operation, this.#cells.get(operation)!));
    const declared = matrix.flatMap((entry) => entry.cells.filter((cell) => cell.mark !== 'undeclared'));
    const exercised = declared.filter((cell) => cell.mark === 'exercised').length;
    return {
      percent: declared.length === 0 ? 100 : Math.floor((exercised * 1000) / declared.length) / 10,
      responses: {
        declared: declared.length,
        exercised,
        undeclared: matrix.reduce((sum, entry) => sum + entry.cells.filter((cell) => cell.mark === 'undeclared').length, 0),
      },
      operations: { total: matrix.length, reached: matrix.filter((entry) => entry.cells.some((cell) => cell.answers > 0)).length },
      matrix,
      unrouted: [...this.#unrouted.values()].map((entry) => ({ ...entry })),
    };
  }
}

interface Landing {
  status: string;
  mediaType: string | null;
}

/** The cell an answer lands in: a declared one when its status and media type are declared, else an undeclared one. */
function landing(operation: Operation, method: string, response: ResponseFacts): Landing {
  const declared = findResponse(operation, response.status);
  if (!declared) return { status: String(response.status), mediaType: received(method, response) };
  // A response declared without content is answered by any body (content_type_conformance judges none either).
  if (declared.content.length === 0) return { status: declared.key, mediaType: null };
  const media = received(method, response);
  const offers = declared.content.map((entry) => entry.mediaType);
  const match = media && (offers.find((offer) => essence(offer) === media) ?? offers.find((offer) => mediaTypeMatches(offer, media)));
  return { status: declared.key, mediaType: match ?? media };
}

/** The media type an answer carries: none for an empty body, except on HEAD (RFC 9110 §9.3.2: the headers GET would send). */
function received(method: string, response: ResponseFacts): string | null {
  if (response.body.length === 0 && method.toUpperCase() !== 'HEAD') return null;
  return essence(response.headers['content-type']) ?? null;
}

function row(operation: Operation, tallied: ReadonlyMap<string, Tallied>): OperationCoverage {
  const cells: CoverageCell[] = [];
  const declaredKeys = new Set<string>();
  for (const response of operation.responses) {
    const medias = response.content.length === 0 ? [null] : response.content.map((entry) => entry.mediaType);
    for (const mediaType of medias) {
      const key = cellKey({ status: response.key, mediaType });
      declaredKeys.add(key);
      cells.push(cell({ status: response.key, mediaType }, tallied.get(key), false));
    }
  }
  for (const [key, found] of tallied) {
    if (declaredKeys.has(key)) continue;
    const [status, mediaType] = key.split('\u0000') as [string, string];
    cells.push(cell({ status, mediaType: mediaType === '' ? null : mediaType }, found, true));
  }
  return { operation: operation.id, method: operation.method, path: operation.path, cells };
}

function cell(at: Landing, found: Tallied | undefined, undeclared: boolean): CoverageCell {
  const received: Record<string, number> = {};
  for (const [status, count] of [...(found?.statuses ?? [])].sort((a, b) => a[0] - b[0])) received[String(status)] = count;
  const mark: CoverageMark = undeclared ? 'undeclared' : found ? 'exercised' : 'not-reached';
  return { ...at, mark, answers: found?.answers ?? 0, received };
}

function cellKey(at: Landing): string {
  return `${at.status}\u0000${at.mediaType ?? ''}`;
}
