import type { RequestFacts, ResponseFacts } from '../core/index.js';
import type { PlaybackSource } from '../mock/index.js';
import { createPlayer, describeMiss, loadHar } from '../recording/index.js';

// Framing headers are the new connection's business: the mock recomputes length and encoding.
const FRAMING = ['content-length', 'transfer-encoding', 'connection', 'keep-alive'];

/** Adapts HAR files (later ones win) to the mock's playback hook. */
export function loadPlayback(paths: readonly string[], strict: boolean): PlaybackSource & { size: number } {
  const player = createPlayer(paths.map((path) => loadHar(path)));
  return {
    strict,
    size: player.size,
    answer(request: RequestFacts): ResponseFacts | undefined {
      const recorded = player.match(request);
      if (!recorded) return undefined;
      const headers = { ...recorded.headers };
      for (const name of FRAMING) delete headers[name];
      return { status: recorded.status, headers, body: recorded.body };
    },
    describeMiss: (request) => describeMiss(request, player.closest(request)),
  };
}
