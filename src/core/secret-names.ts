/** The marker that replaces every secret shown or stored. */
export const REDACTED = '[REDACTED]';

/**
 * Names of JSON fields and query parameters that carry secrets (`access_token`, `api_key`,
 * `client_secret`, AWS's `X-Amz-Signature`, Google's `key`): their values are never shown or stored.
 */
export const SECRET_FIELD_PATTERN = /token|secret|api[_-]?key|password|passwd|authorization|signature|credential|^(?:key|sig)$/i;
