import type { ProblemCode } from './problem-types.js';
import { toProblem } from './problem-types.js';
import type { ProblemDetails } from './problem.js';

/** Base of every error the toolkit raises for itself (never for a defect of the target API). */
export class ToolkitError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly detail: string;

  constructor(code: ProblemCode, detail: string, options: { cause?: unknown; status?: number } = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.detail = detail;
    this.status = options.status ?? toProblem(code, detail).status;
  }

  toProblem(instance?: string): ProblemDetails {
    return toProblem(this.code, this.detail, {
      status: this.status,
      ...(instance === undefined ? {} : { instance }),
    });
  }
}

/** The OpenAPI document cannot be read, parsed or validated. */
export class SpecError extends ToolkitError {
  constructor(detail: string, options: { cause?: unknown } = {}) {
    super('internal_error', detail, options);
  }
}

/** The command line or an option object is wrong. */
export class UsageError extends ToolkitError {
  constructor(detail: string) {
    super('invalid_request', detail);
  }
}

/** A recorded exchange was asked for and none matched. */
export class PlaybackMiss extends ToolkitError {
  constructor(detail: string) {
    super('playback_miss', detail);
  }
}

/** The target could not be reached or answered in a way HTTP cannot carry. */
export class UpstreamError extends ToolkitError {
  constructor(detail: string, options: { cause?: unknown } = {}) {
    super('upstream_unreachable', detail, options);
  }
}
