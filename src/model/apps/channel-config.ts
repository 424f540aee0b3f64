import type { ProblemError } from '../../core/index.js';
import type { ChannelType } from './records.js';
import { CHANNEL_TYPES } from './records.js';

/** How a webhook channel maps invocations to sessions. */
export type SessionMode = 'shared_session' | 'session_per_invocation';

const SESSION_MODES: readonly string[] = ['shared_session', 'session_per_invocation'];

/** True when `value` names a channel type. */
export function isChannelType(value: unknown): value is ChannelType {
  return typeof value === 'string' && (CHANNEL_TYPES as readonly string[]).includes(value);
}

/** The session mode of a webhook config; `shared_session` unless set otherwise. */
export function sessionModeOf(config: Record<string, unknown>): SessionMode {
  return config['session_mode'] === 'session_per_invocation' ? 'session_per_invocation' : 'shared_session';
}

/**
 * The rules of a channel config (§4 Create): the keys the spec types for every channel, then the
 * per-type rules; types without rules accept any other keys.
 */
export function channelConfigErrors(type: ChannelType, config: Record<string, unknown>, pointer: string): ProblemError[] {
  const errors = commonErrors(config, pointer);
  const typed = typeErrors(type, config, pointer);
  // A key already reported by the shared rules is not reported twice.
  for (const error of typed) if (!errors.some((e) => e.pointer === error.pointer)) errors.push(error);
  return errors;
}

// The spec types these keys for every channel type (ChannelConfig), so any type is held to them.
const COMMON_TYPES: ReadonlyArray<readonly [key: string, type: 'string' | 'boolean']> = [
  ['message', 'string'],
  ['session_mode', 'string'],
  ['cron_expression', 'string'],
  ['token', 'string'],
  ['token_configured', 'boolean'],
];

function commonErrors(config: Record<string, unknown>, pointer: string): ProblemError[] {
  const errors: ProblemError[] = [];
  for (const [key, type] of COMMON_TYPES) {
    const value = config[key];
    if (value !== undefined && typeof value !== type) {
      errors.push({ pointer: `${pointer}/${key}`, detail: `${key} must be a ${type}` });
    }
  }
  const mode = config['session_mode'];
  if (typeof mode === 'string' && !SESSION_MODES.includes(mode)) {
    errors.push({ pointer: `${pointer}/session_mode`, detail: 'session_mode must be shared_session or session_per_invocation' });
  }
  return errors;
}

function typeErrors(type: ChannelType, config: Record<string, unknown>, pointer: string): ProblemError[] {
  const errors: ProblemError[] = [];
  if (type === 'webhook') {
    // The token is a secret, so the detail never repeats the value that was sent.
    requireText(config, 'token', pointer, errors, 'a webhook channel needs a non-blank string token');
    requireText(config, 'message', pointer, errors, 'a webhook channel needs a non-blank message template');
  } else if (type === 'schedule') {
    const cron = config['cron_expression'];
    if (typeof cron !== 'string' || cron.trim() === '') {
      errors.push({
        pointer: `${pointer}/cron_expression`,
        detail: 'a schedule channel needs a cron_expression such as "0 9 * * *"',
      });
    } else {
      const fields = cron.trim().split(/\s+/).length;
      if (fields !== 5 && fields !== 7) {
        errors.push({
          pointer: `${pointer}/cron_expression`,
          detail: `cron_expression must have 5 or 7 space-separated fields; got ${fields}`,
        });
      }
    }
    requireText(config, 'message', pointer, errors, 'a schedule channel needs a non-blank message');
  }
  return errors;
}

function requireText(config: Record<string, unknown>, key: string, pointer: string, errors: ProblemError[], detail: string): void {
  const value = config[key];
  if (typeof value !== 'string' || value.trim() === '') errors.push({ pointer: `${pointer}/${key}`, detail });
}
