import { isJsonObject, type JsonObject, type ResponseFacts } from '../../../core/index.js';
import { SECRET_CONFIG_KEYS, appsRouteOf, type AppRecord, type AppsOperationId } from '../../../model/apps/index.js';
import type { LoadedSpec } from '../../../openapi/index.js';
import type { SpecValidator } from '../../../validation/index.js';
import { toAppsInput } from './apps-input.js';
import { appDeletePath } from './apps-routes.js';
import { APP_DATA_FIELDS, compareApp, type FieldBlame } from './compare/app.js';
import { compareChannel } from './compare/channel.js';
import { compareAppList } from './compare/list.js';
import { compareRuns } from './compare/runs.js';
import { echoedSecrets } from './compare/secrets.js';
import { statusRule } from './compare/status.js';
import { observeAppTimes, observeChannelTimes } from './compare/timestamps.js';
import { compareInvocation } from './compare/webhook.js';
import { OperationRouter, show, type Routed, type SequenceJudge, type StatefulRequest } from '../../stateful/index.js';
import type { AppsMismatch } from './checks.js';
import { JudgeState } from './judge-state.js';
import { learnIds } from './learn-ids.js';
import { Oracle } from './oracle.js';

/**
 * Holds each exchange of one sequence against the Apps oracle: the target answers first, its new
 * ids are handed to the oracle, the oracle predicts, and every rule the answer breaks is a mismatch.
 */
export class AppsJudge implements SequenceJudge {
  readonly oracle: Oracle;
  readonly state = new JudgeState();
  readonly #spec: LoadedSpec;
  readonly #validator: SpecValidator;
  readonly #router: OperationRouter;

  constructor(spec: LoadedSpec, validator: SpecValidator, target: string) {
    this.#spec = spec;
    this.#validator = validator;
    this.#router = new OperationRouter(spec.operations);
    this.oracle = new Oracle(target);
  }

  /** The operation a request goes to, or undefined when the document declares none. */
  route(method: string, path: string): Routed | undefined {
    return this.#router.route(method, path);
  }

  /** Where a DELETE archives the app the answer created, for the runner's clean-up. */
  createdPath(routed: Routed, response: ResponseFacts, json: unknown): string | undefined {
    const id = (json as { id?: unknown } | undefined)?.id;
    const created = appsRouteOf(routed.operation)?.name === 'create_app' && response.status >= 200 && response.status < 300;
    return created && typeof id === 'string' ? appDeletePath(this.#spec, id) : undefined;
  }

  /** Every webhook secret the client has sent. */
  secrets(): readonly string[] {
    return [...this.state.secrets];
  }

  /** Every rule the answer breaks, the status first; an empty list when it matches the contract. */
  judge(routed: Routed, request: StatefulRequest, response: ResponseFacts, json: unknown): AppsMismatch[] {
    const input = toAppsInput(this.#validator, routed, request);
    const op = appsRouteOf(routed.operation)!.name;
    const body = input.ok ? input.request.body : undefined;
    this.#noteSecrets(body);
    const appId = routed.pathParams['app_id'];
    const before = appId === undefined ? undefined : this.oracle.apps().find((app) => app.id === appId);
    // What the engine refuses before the Apps layer (a body that is not JSON) reaches no model.
    const expected = input.ok
      ? this.oracle.predict(input.request, learnIds(op, response.status, json)).response
      : { status: input.problem.status, body: input.problem };
    const out: AppsMismatch[] = [];
    if (expected.status !== response.status) {
      out.push({
        check: statusRule(op, before?.status, body),
        title: `${op} answered ${response.status} where the contract requires ${expected.status}`,
        expected: `${expected.status} ${detailOf(expected.body)}`.trim(),
        received: `${response.status} ${show(json ?? response.body.toString('utf8').slice(0, 200))}`,
        key: `status:${expected.status}->${response.status}`,
      });
    }
    out.push(...echoedSecrets(this.state.secrets, response, op));
    if (out.length > 0 || response.status >= 300 || !isJsonObject(expected.body)) return out;
    return this.#compareBody(op, routed, body, input.ok ? input.request.query : {}, expected.body, json);
  }

  #compareBody(
    op: AppsOperationId,
    routed: Routed,
    body: unknown,
    query: Record<string, string | undefined>,
    expected: JsonObject,
    json: unknown,
  ): AppsMismatch[] {
    const appId = routed.pathParams['app_id'] ?? '';
    switch (op) {
      case 'create_app':
        return this.#app(expected, json, op, { written: new Set(APP_DATA_FIELDS), patchedBefore: false });
      case 'get_app':
      case 'publish_app':
      case 'unpublish_app':
        return this.#app(expected, json, op, this.#blame(appId));
      case 'update_app': {
        const written = new Set(Object.keys(isJsonObject(body) ? body : {}).filter((key) => isJsonObject(body) && body[key] !== null));
        const out = this.#app(expected, json, op, { written, patchedBefore: true });
        this.state.notePatch(appId, written);
        return out;
      }
      case 'list_apps':
        return this.#list(expected, json, op);
      case 'add_channel':
      case 'update_channel': {
        const patch = op === 'update_channel' && isJsonObject(body) ? channelPatch(body) : undefined;
        const out = compareChannel(expected, json, op, patch);
        if (isJsonObject(json)) out.push(...observeChannelTimes(this.state, json, op));
        return out;
      }
      case 'invoke_webhook':
        return compareInvocation(this.state, expected, json, op);
      case 'list_app_runs':
        return compareRuns(expected, json, op, query['groupBy']);
      default:
        return [];
    }
  }

  #app(expected: JsonObject, json: unknown, where: string, blame: FieldBlame): AppsMismatch[] {
    const out = compareApp(expected, json, where, blame);
    if (isJsonObject(json)) out.push(...observeAppTimes(this.state, json, where));
    return out;
  }

  #list(expected: JsonObject, json: unknown, where: string): AppsMismatch[] {
    const ours: readonly AppRecord[] = this.oracle.apps();
    const out = compareAppList(expected, json, where, ours);
    if (out.length > 0 || !isJsonObject(json) || !Array.isArray(json['data'])) return out;
    const predicted = new Map((expected['data'] as unknown[]).filter(isJsonObject).map((app) => [String(app['id']), app]));
    for (const app of json['data'].filter(isJsonObject)) {
      const want = predicted.get(String(app['id']));
      if (!want) continue;
      out.push(...this.#app(want, app, where, this.#blame(String(app['id']))));
    }
    return out;
  }

  #blame(appId: string): FieldBlame {
    const patched = this.state.patched.get(appId);
    return { written: patched ?? new Set(), patchedBefore: patched !== undefined };
  }

  #noteSecrets(body: unknown): void {
    const config = isJsonObject(body) ? body['channel_config'] : undefined;
    if (!isJsonObject(config)) return;
    for (const key of new Set(Object.values(SECRET_CONFIG_KEYS).flat())) {
      const value = config[key];
      // Very short values could occur in any body by chance, so they are not held as secrets.
      if (typeof value === 'string' && value.length >= 8) this.state.secrets.add(value);
    }
  }
}

function channelPatch(body: JsonObject): { configKeys: Set<string>; enabled: boolean } {
  const config = isJsonObject(body['channel_config']) ? body['channel_config'] : {};
  return { configKeys: new Set(Object.keys(config)), enabled: body['enabled'] !== undefined && body['enabled'] !== null };
}

function detailOf(body: unknown): string {
  if (!isJsonObject(body)) return '';
  const detail = body['detail'] ?? body['title'];
  return typeof detail === 'string' ? `(${detail})` : '';
}
