import { REDACTED, isSecretName } from '../../core/index.js';
import type { AppRecord, ChannelRecord } from './records.js';

/** The body of one webhook call as text and, when it parses, as JSON. */
export interface WebhookBody {
  text: string;
  json: unknown;
}

/** Reads the webhook body from the raw bytes, falling back to the parsed body the engine passed. */
export function readWebhookBody(rawBody: unknown, body: unknown): WebhookBody {
  let text: string;
  // A view, not Buffer.from(bytes), which would copy the body only to decode it.
  if (rawBody instanceof Uint8Array) text = Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).toString('utf8');
  else if (typeof body === 'string') text = body;
  else if (body === undefined) text = '';
  else text = safeStringify(body);
  return { text, json: parseJson(text) };
}

/** The values a channel message template may use (§4 Invoke webhook). */
export function webhookTemplateContext(
  template: string,
  app: AppRecord,
  channel: ChannelRecord,
  triggeredAt: string,
  body: WebhookBody,
  headers: Record<string, string | undefined>,
): Record<string, unknown> {
  return {
    app: { id: app.id, name: app.name },
    channel: { id: channel.id, type: channel.channel_type },
    invocation: { source: 'webhook', triggered_at: triggeredAt },
    payload: body.json === undefined ? body.text : body.json,
    webhook: {
      body: body.text,
      json: body.json ?? null,
      // Only a template that names `webhook` can reach the headers: most name only the payload,
      // and redacting every call's headers was a fourteenth of a webhook call's time.
      headers: template.includes('webhook') ? redactHeaders(headers) : {},
    },
  };
}

/** Header values with credentials replaced, so a template can never copy a secret into a message. */
export function redactHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  // A null prototype makes a header named __proto__ an own member like any other, not a prototype.
  const out = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (typeof value !== 'string') continue;
    const key = name.toLowerCase();
    out[key] = isSecretName(key) ? REDACTED : value;
  }
  return out;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
