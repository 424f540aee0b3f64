import { request as httpRequest, type IncomingMessage } from 'node:http';
import { onTestFinished } from 'vitest';

/** One server-sent event as parsed from the stream. */
export interface SentEvent {
  event: string;
  id: string | undefined;
  data: unknown;
}

/** An open `GET /__mock/events` stream collecting events; closed when the test ends. */
export interface EventClient {
  response: IncomingMessage;
  events: SentEvent[];
  /** Resolves once `count` events have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<SentEvent[]>;
  close(): void;
}

/** Opens the event stream (WHATWG HTML §9.2.6 framing: fields per line, events end with a blank line). */
export function openEvents(base: string, headers: Record<string, string> = {}): Promise<EventClient> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/__mock/events`, { headers }, (response) => {
      const events: SentEvent[] = [];
      const waiters: Array<() => void> = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (fields.has('data'))
            events.push({ event: fields.get('event') ?? 'message', id: fields.get('id'), data: JSON.parse(fields.get('data')!) });
        }
        for (const wake of waiters.splice(0)) wake();
      });
      const client: EventClient = {
        response,
        events,
        waitFor: (count, timeoutMs = 5_000) =>
          new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`only ${events.length} of ${count} events arrived`)), timeoutMs);
            const check = () => {
              if (events.length >= count) {
                clearTimeout(timer);
                done(events);
              } else waiters.push(check);
            };
            check();
          }),
        close: () => req.destroy(),
      };
      onTestFinished(() => client.close());
      resolve(client);
    });
    req.on('error', reject);
    req.end();
  });
}
