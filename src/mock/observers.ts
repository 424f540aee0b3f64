import type { RequestObserver } from './dashboard/request-observer.js';

/**
 * Several observers (the journal, the dashboard) as one: each is begun only while it watches, and
 * told everything else. Undefined when there are none, so an unobserved mock checks nothing.
 */
export function combineObservers(observers: ReadonlyArray<RequestObserver | undefined>): RequestObserver | undefined {
  const present = observers.filter((observer): observer is RequestObserver => observer !== undefined);
  if (present.length <= 1) return present[0];
  return {
    get watching() {
      return present.some((observer) => observer.watching);
    },
    begin(req, res, arrivedAt) {
      for (const observer of present) if (observer.watching) observer.begin(req, res, arrivedAt);
    },
    validated(res, violations) {
      for (const observer of present) observer.validated(res, violations);
    },
    answered(res, operation, status) {
      for (const observer of present) observer.answered(res, operation, status);
    },
    ended(req, res, status) {
      for (const observer of present) observer.ended(req, res, status);
    },
  };
}
