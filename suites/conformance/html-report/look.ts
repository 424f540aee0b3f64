import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../dashboard/chromium.js';
import { CATALOGUE, type PlantedBug } from '../targets/catalogue.js';

/** The planted bug the reports are read for: create_app answers 200 where the document declares 201. */
export const PLANTED: PlantedBug = CATALOGUE.find((planted) => planted.name === 'a 200 where 201 is declared')!;

/** What a person finds on a report of a run against {@link PLANTED}. */
export interface Seen {
  /** The verdict says the run failed. */
  failed: boolean;
  /** The finding: under status_code_conformance, for create_app, received 200 against the declared 201. */
  finding: boolean;
  /** Its reproduction: a visible, copyable curl POST to /v1/apps. */
  reproduction: boolean;
  /** The coverage matrix: create_app's 201 never reached, its 200 answered but undeclared, and the share covered. */
  coverage: boolean;
  /** The page's one script ran (the copy buttons show): its hash matches the page's policy. */
  scripted: boolean;
  /** Requests the page made for anything but its own file: none is allowed. */
  fetched: string[];
  /** Errors the page's script threw, and what the console reported (a refused inline script among them). */
  errors: string[];
}

const FINDING =
  '[data-test=cause][data-check=status_code_conformance] [data-test=finding][data-operation=create_app]:has([data-test=received]:text-matches("\\\\b200\\\\b")):has([data-test=expected]:text-matches("\\\\b201\\\\b"))';
const REPRODUCTION = `${FINDING} [data-test=reproduction] pre:text-matches("^curl .* -X POST 'http://127\\\\.0\\\\.0\\\\.1:\\\\d+/v1/apps'")`;
const ROW = '[data-test=coverage-matrix] [data-test=coverage-row][data-operation=create_app]';

/** Opens a report file in the browser and reports what is there to see. */
export async function look(context: BrowserContext, file: string, screenshot?: string): Promise<Seen> {
  const page = await context.newPage();
  const errors: string[] = [];
  const fetched: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    if (request.url() !== url) fetched.push(request.url());
  });
  try {
    await page.goto(url);
    const seen: Seen = {
      failed: await visible(page, '[data-test=verdict][data-passed=false]'),
      finding: await visible(page, FINDING),
      reproduction: await visible(page, REPRODUCTION),
      coverage:
        (await visible(page, `${ROW} [data-mark][data-status="201"][data-mark=not-reached]`)) &&
        (await visible(page, `${ROW} [data-mark][data-status="200"][data-mark=undeclared]`)) &&
        (await visible(page, '[data-test=coverage-share]:text-matches("\\\\b\\\\d+(\\\\.\\\\d)?% of declared responses answered")')),
      scripted: await visible(page, `${FINDING} button[data-copy]`),
      fetched,
      errors,
    };
    if (screenshot) {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    return seen;
  } finally {
    await page.close();
  }
}

async function visible(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().isVisible();
}

/** What a test file reads reports with: Chromium and a scratch folder, there from before its first test until after its last. */
export interface ReportReader {
  readonly context: BrowserContext;
  readonly dir: string;
  /** Writes a page into the scratch folder and returns its path. */
  write(name: string, html: string): string;
  look(file: string, screenshot?: string): Promise<Seen>;
}

/** Registers the file's beforeAll/afterAll that start and close Chromium and remove the scratch folder. */
export function reportReader(): ReportReader {
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'conform-html-'));
  beforeAll(async () => {
    chromium = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const context = () => {
    if (!chromium) throw new Error('Chromium has not started');
    return chromium.context;
  };
  return {
    get context() {
      return context();
    },
    dir,
    write(name, html) {
      const file = join(dir, name);
      writeFileSync(file, html);
      return file;
    },
    look: (file, screenshot) => look(context(), file, screenshot),
  };
}
