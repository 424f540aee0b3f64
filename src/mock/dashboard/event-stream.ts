import type { IncomingMessage, ServerResponse } from 'node:http';

/** A subscriber whose socket holds more unsent bytes than this is dropped rather than buffered for. */
const MAX_BACKLOG = 1024 * 1024;

/** Sent now and then so that proxies and browsers keep an idle stream open (a comment line). */
const HEARTBEAT_MS = 15_000;

/**
 * The open `text/event-stream` responses (WHATWG HTML §9.2 server-sent events). Each event carries
 * an id, so a browser that reconnects sends `Last-Event-ID` and is replayed only what it missed.
 */
export class EventStream {
  readonly #subscribers = new Set<ServerResponse>();
  #heartbeat: NodeJS.Timeout | undefined;
  readonly #onCountChange: (count: number) => void;

  constructor(onCountChange: (count: number) => void) {
    this.#onCountChange = onCountChange;
  }

  get size(): number {
    return this.#subscribers.size;
  }

  /** Opens a stream on `res`; `replay` receives the id the client last saw (0 for none) and writes the backlog. */
  open(req: IncomingMessage, res: ServerResponse, replay: (lastEventId: number) => void): number {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    // Tells the browser how long to wait before reconnecting.
    res.write('retry: 1000\n\n');
    this.#subscribers.add(res);
    res.once('close', () => {
      this.#subscribers.delete(res);
      this.#changed();
    });
    const lastEventId = Number(req.headers['last-event-id'] ?? 0);
    replay(Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : 0);
    this.#changed();
    return 200;
  }

  /** Writes one event to every subscriber, or to one when `to` is given. */
  send(event: string, id: number | undefined, data: unknown, to?: ServerResponse): void {
    const text = `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;
    for (const res of to ? [to] : this.#subscribers) {
      if (res.writableLength > MAX_BACKLOG) res.destroy();
      else res.write(text);
    }
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    for (const res of this.#subscribers) res.end();
    this.#subscribers.clear();
    this.#changed();
  }

  #changed(): void {
    const count = this.#subscribers.size;
    if (count > 0 && !this.#heartbeat) {
      this.#heartbeat = setInterval(() => {
        for (const res of this.#subscribers) res.write(': keep-alive\n\n');
      }, HEARTBEAT_MS);
      this.#heartbeat.unref();
    } else if (count === 0 && this.#heartbeat) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = undefined;
    }
    this.#onCountChange(count);
  }
}
