import type { IncomingMessage, ServerResponse } from 'node:http';
import { ToolkitError, toProblem } from '../../core/index.js';
import { readBody, type BodyResult } from '../read-body.js';
import { problem, send } from '../respond.js';
import type { StatefulLayer } from '../stateful-layer.js';
import { importState } from '../layer-state.js';

/** Snapshots may hold many runs; larger than a request body, still bounded. */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/**
 * `PUT /__mock/state`: replaces every layer's state with the snapshot in the body (each layer takes
 * its own members, as `GET /__mock/state` gives them), checked as `--load` checks its file. A bad
 * snapshot is a 400 problem and every layer's state stays as it was.
 */
export function loadState(
  req: IncomingMessage,
  res: ServerResponse,
  layers: readonly StatefulLayer[],
  path: string,
): number | Promise<number> {
  if (layers.length === 0) {
    req.resume();
    return problem(res, toProblem('invalid_request', 'this mock is stateless: it holds no state to load', { instance: path }));
  }
  const settle = (read: BodyResult): number => {
    if (!read.ok) return problem(res, { ...read.problem, instance: path });
    if (!read.body)
      return problem(
        res,
        toProblem('invalid_request', 'send the snapshot as the JSON body, as GET /__mock/state gives it', { instance: path }),
      );
    let value: unknown;
    try {
      value = JSON.parse(read.body.toString('utf8'));
    } catch (error) {
      return problem(res, toProblem('invalid_request', `the snapshot is not valid JSON: ${(error as Error).message}`, { instance: path }));
    }
    try {
      importState(layers, value);
    } catch (error) {
      // A refused snapshot is the client's mistake; anything else is the mock's and stays a 500.
      if (!(error instanceof ToolkitError) || error.status >= 500) throw error;
      return problem(res, error.toProblem(path));
    }
    return send(res, { status: 204, headers: {}, body: undefined });
  };
  const read = readBody(req, MAX_SNAPSHOT_BYTES);
  return read instanceof Promise ? read.then(settle) : settle(read);
}
