import { show } from '../../../stateful/index.js';
import type { AppsMismatch } from '../checks.js';
import { isJsonObject, type JsonObject } from '../../../../core/index.js';
import { instant } from './json.js';

const HOUR_MS = 3_600_000;

/**
 * A run listing against the oracle's: one run per accepted webhook (count, then app, channel and
 * type position by position), newest first, and hourly buckets that add up to the listed runs.
 * Run ids, statuses and instants are the platform's own, so only their consistency is held.
 */
export function compareRuns(expected: JsonObject, received: unknown, where: string, groupBy: string | undefined): AppsMismatch[] {
  const mismatch = (title: string, want: string, got: string, key: string): AppsMismatch[] => [
    { check: 'runs_recorded', title: `${where}: ${title}`, expected: want, received: got, key },
  ];
  const want = Array.isArray(expected['data']) ? expected['data'].filter(isJsonObject) : [];
  const data = isJsonObject(received) && Array.isArray(received['data']) ? received['data'] : undefined;
  if (!data) return mismatch('no data array', 'data: [run]', show(received), 'body:data');
  if (data.length !== want.length) {
    return mismatch('the runs listed are not one per accepted webhook', `${want.length} run(s)`, `${data.length} run(s)`, 'count');
  }
  for (let i = 0; i < want.length; i++) {
    const got = isJsonObject(data[i]) ? (data[i] as JsonObject) : {};
    for (const field of ['app_id', 'channel_id', 'channel_type']) {
      if (got[field] !== want[i]![field]) {
        return mismatch(
          `run ${i} (newest first) belongs elsewhere`,
          `${field} ${show(want[i]![field])}`,
          `${field} ${show(got[field])}`,
          `run:${field}`,
        );
      }
    }
  }
  const times = data.map((run) => instant(isJsonObject(run) ? run['created_at'] : undefined) ?? 0);
  for (let i = 1; i < times.length; i++) {
    if (times[i]! > times[i - 1]!)
      return mismatch('runs are not newest first', 'created_at non-increasing', `run ${i} is newer than run ${i - 1}`, 'order');
  }
  return compareBuckets((received as JsonObject)['buckets'], times, groupBy, mismatch);
}

function compareBuckets(
  buckets: unknown,
  times: readonly number[],
  groupBy: string | undefined,
  mismatch: (title: string, want: string, got: string, key: string) => AppsMismatch[],
): AppsMismatch[] {
  if (groupBy !== 'hour') {
    return buckets === undefined || buckets === null
      ? []
      : mismatch('buckets without groupBy=hour', 'no buckets', show(buckets), 'buckets:unasked');
  }
  if (!Array.isArray(buckets)) return mismatch('groupBy=hour without buckets', 'buckets: [bucket]', show(buckets), 'buckets:missing');
  const perHour = new Map<number, number>();
  for (const at of times) {
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
  }
  const got = new Map<number, number>();
  let previous = -Infinity;
  for (const bucket of buckets) {
    const hour = instant(isJsonObject(bucket) ? bucket['hour'] : undefined);
    if (!isJsonObject(bucket) || hour === undefined)
      return mismatch('a bucket has no hour', 'hour: RFC 3339', show(bucket), 'buckets:hour');
    if (hour <= previous) return mismatch('buckets are not oldest first', 'hours ascending', show(bucket['hour']), 'buckets:order');
    previous = hour;
    const count = ['ok', 'err', 'running'].reduce((sum, key) => sum + (typeof bucket[key] === 'number' ? (bucket[key] as number) : 0), 0);
    got.set(hour, count);
  }
  const describe = (map: Map<number, number>) =>
    show([...map].sort((a, b) => a[0] - b[0]).map(([hour, count]) => `${new Date(hour).toISOString()}: ${count}`));
  const total = [...got.values()].reduce((a, b) => a + b, 0);
  const same = total === times.length && [...perHour].every(([hour, count]) => got.get(hour) === count);
  return same ? [] : mismatch('hourly buckets do not add up to the listed runs', describe(perHour), describe(got), 'buckets:sum');
}
