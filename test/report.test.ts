// report.html in a real browser (Debian Chromium through playwright-core): it loads from file://, shows both
// networks and the heatmaps, logs no errors, and the hostile comment in the evidence does not run.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { renderReport } from '../src/core/export/report-html.ts';
import { reportLookup, reportRun } from './fixtures/report-run.ts';

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'trollmap-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test(
  'report.html loads in Chromium, shows both networks and heatmaps, no errors, injected script inert',
  { skip: existsSync(CHROMIUM) ? false : `needs Debian chromium at ${CHROMIUM} (absent: apt-get install -y chromium)` },
  async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(reportRun(), reportLookup()));
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      const response = await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      assert.ok(response?.ok(), 'the file loads');
      assert.equal(await page.title(), 'trollmap report — run #12');
      for (const id of [3, 5]) {
        assert.ok(await page.locator(`#network-${id} h2`).isVisible(), `network ${id} heading visible`);
        assert.match((await page.locator(`#network-${id} h2`).innerText()) ?? '', new RegExp(`network ${id} —`));
        assert.equal(await page.locator(`#network-${id} svg.heatmap rect`).count(), 168);
        assert.ok(await page.locator(`#network-${id} svg.heatmap`).isVisible());
      }
      assert.ok(await page.getByText('leads for human review, not verdicts').isVisible());
      // The hostile comment is shown as text (open its details first) and never ran.
      await page.locator('#network-5 details summary').first().click();
      assert.ok(await page.getByText('<script>window.__pwned = 1</script>', { exact: false }).first().isVisible());
      assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
      assert.equal(await page.locator('img').count(), 0);
      // Our own script runs: filtering hides the rows that do not match.
      await page.locator('#filter').fill('trent');
      assert.equal(await page.locator('tr[data-filter]:not(.hidden)').count(), 1);
      assert.deepEqual(problems, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'no network requests');
    } finally {
      await context.close();
    }
  },
);
