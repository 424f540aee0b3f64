// Keeps one of Node's `process.nextTick` queue entries alive for the life of the process, so a
// mock left idle answers as fast as one loaded from its start.
//
// Why: Node builds each entry as an object literal with computed (symbol) keys, and V8 keeps the
// shape (map) it last saw there only weakly, in `nextTick`'s feedback. About 8 s after a
// collection with no load, V8's memory reducer collects garbage in a mode that drops every map no
// live object holds. The next entry finds its feedback cleared, V8 marks the site megamorphic, for
// good, and every `nextTick` (several per request: the stream machinery schedules through it)
// defines its properties through the runtime from then on. Measured on Node 20: an idled process
// spent about a quarter more CPU per answer, a bare `node:http` server as much as the mock. One
// entry kept alive keeps its map and the chain of maps it was built through reachable, so the
// feedback is never cleared. The entry is captured through async_hooks, the one public way to it;
// the hook is on only for the one call.
import { createHook } from 'node:async_hooks';

let kept: object | undefined;

/** Captures a queue entry once per process. Idempotent. */
export function keepTickObjectShape(): void {
  if (kept !== undefined) return;
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') kept ??= resource;
    },
  });
  hook.enable();
  process.nextTick(noop);
  hook.disable();
}

function noop(): void {}
