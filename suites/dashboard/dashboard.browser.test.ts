import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { WEBHOOK_TOKEN, runLifecycle, serveDashboard } from './serve-dashboard.js';

/**
 * The dashboard as a person sees it: headless Chromium opens /__mock/ while a client runs the
 * README's lifecycle and sends one invalid request. Each thing looked for is also looked for on a
 * page with one part broken, where it must not be found: the test can fail.
 */

/** What the page showed after the lifecycle. */
interface Seen {
  /** Request rows appeared, the webhook's 202 among them. */
  rows: boolean;
  /** The invalid create's violation, with its pointer and the rule's place in the document. */
  violation: boolean;
  /** The state view lists the app. */
  state: boolean;
  /** The app's runs histogram was drawn, counting its one run. */
  chart: boolean;
}

const FOUND_MS = 10_000;
// A broken page is given less time: what did not appear by then is taken as absent.
const ABSENT_MS = 3_000;

let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  chromium = await launchChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
});

async function appears(page: Page, selector: string, timeout: number): Promise<boolean> {
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout });
    return true;
  } catch {
    return false;
  }
}

/** Opens the dashboard (after `breakPage` planted its fault), runs the lifecycle, reports what appeared. */
async function watchLifecycle(breakPage?: (page: Page) => Promise<unknown>, screenshot?: string): Promise<Seen & { errors: string[] }> {
  const server = await serveDashboard();
  const page = await chromium.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await breakPage?.(page);
    await page.goto(`${server.url}/__mock/`);
    const timeout = breakPage ? ABSENT_MS : FOUND_MS;
    // Requests are recorded while a page holds the event stream open.
    await appears(page, '[data-test=connection].live', timeout);
    const { appId } = await runLifecycle(server.url);
    const [rows, violation, state, chart] = await Promise.all([
      appears(page, '[data-test=request-row]:has([data-test=status]:text-is("202"))', timeout),
      appears(
        page,
        '[data-test=violation]:has([data-test=violation-pointer]:text-is("#/body/name")):has([data-test=violation-schema]:text-is("#/components/schemas/CreateAppRequest/properties/name/maxLength"))',
        timeout,
      ),
      appears(page, `[data-collection=apps] [data-test=state-item]:has-text("${appId}")`, timeout),
      appears(page, `[data-test=runs-chart][data-app="${appId}"][data-runs="1"][data-drawn=true] canvas`, timeout),
    ]);
    if (screenshot) {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.locator('[data-test=request-row]').first().click();
      await page.waitForSelector('[data-test=exchange]');
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return { rows, violation, state, chart, errors };
  } finally {
    await page.close();
  }
}

describe('the dashboard in headless Chromium', () => {
  it('shows the request rows, a violation with its pointer, the app in the state and its runs chart', async () => {
    const seen = await watchLifecycle(undefined, process.env.EVERRUNS_DASHBOARD_SCREENSHOT);
    expect(seen).toEqual({ rows: true, violation: true, state: true, chart: true, errors: [] });
  });

  it('finds none of them when the page script is broken', async () => {
    const seen = await watchLifecycle((page) =>
      page.route('**/__mock/app.js', (route) =>
        route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("planted fault")' }),
      ),
    );
    expect(seen).toMatchObject({ rows: false, violation: false, state: false, chart: false });
    expect(seen.errors).toContain('planted fault');
  });

  it('finds no request rows and no violation when the event stream is cut', async () => {
    const seen = await watchLifecycle((page) => page.route('**/__mock/events', (route) => route.abort()));
    expect(seen).toMatchObject({ rows: false, violation: false });
  });

  it('finds no state when /__mock/state fails', async () => {
    const seen = await watchLifecycle((page) =>
      page.route('**/__mock/state', (route) =>
        route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500,"detail":"planted"}' }),
      ),
    );
    expect(seen).toMatchObject({ rows: true, violation: true, state: false });
  });

  it('finds no chart when the chart library draws nothing', async () => {
    const stub = 'export default class { static paths = { bars: () => null }; destroy() {} }';
    const seen = await watchLifecycle((page) =>
      page.route('**/__mock/vendor/uplot.js', (route) => route.fulfill({ contentType: 'text/javascript', body: stub })),
    );
    expect(seen).toMatchObject({ rows: true, violation: true, state: true, chart: false });
  });
});

describe('the dashboard export in headless Chromium', () => {
  /** Opens the page after the lifecycle, clicks Export and returns the downloaded snapshot. */
  async function exported(breakPage?: (page: Page) => Promise<unknown>): Promise<{ apps: Array<{ channels: Array<{ channel_config: Record<string, unknown> }> }> }> {
    const server = await serveDashboard();
    await runLifecycle(server.url);
    const page = await chromium.context.newPage();
    try {
      await breakPage?.(page);
      await page.goto(`${server.url}/__mock/`);
      await page.locator('[data-collection=apps] [data-test=state-item]').first().waitFor({ timeout: FOUND_MS });
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: FOUND_MS }), page.locator('[data-test=export]').click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } finally {
      await page.close();
    }
  }

  it('downloads the restorable snapshot, the webhook token included, which --load and Load take back whole', async () => {
    const snapshot = await exported();
    expect(snapshot.apps[0]!.channels[0]!.channel_config).toMatchObject({ token: WEBHOOK_TOKEN });
  });

  it('downloads no token when the restorable export is not what the page fetches', async () => {
    const snapshot = await exported((page) =>
      page.route('**/__mock/state?secrets=include', async (route) => route.fulfill({ response: await route.fetch({ url: route.request().url().replace('secrets=include', 'secrets=redact') }) })),
    );
    expect(snapshot.apps[0]!.channels[0]!.channel_config).toMatchObject({ token_configured: true });
    expect(snapshot.apps[0]!.channels[0]!.channel_config).not.toHaveProperty('token');
  });
});
