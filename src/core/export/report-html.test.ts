// The report is pure markup: escaped data, networks ranked, identical texts grouped, the same bytes every time.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { HOSTILE, PRAISE, reportLookup, reportRun } from '../../../test/fixtures/report-run.ts';
import { esc, safeHref } from './html.ts';
import { REPORT_JS, REPORT_JS_SHA256 } from './report-assets.ts';
import { edgesByNetwork, repeatedTexts, reportEvidenceKeys } from './report-evidence.ts';
import { renderReport } from './report-html.ts';

const html = renderReport(reportRun(), reportLookup());

test('escaping: hostile text, account keys and warnings appear as text, never as markup', () => {
  assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.ok(!html.includes(HOSTILE), 'raw hostile text must not appear');
  assert.ok(html.includes(esc(HOSTILE)), 'escaped hostile text is shown');
  assert.equal(html.match(/<script/gi)?.length, 1, 'only our own script tag');
  assert.ok(!html.includes('<img'));
  assert.ok(!html.includes('tw:mallory<i>') && html.includes('tw:mallory&lt;i&gt;'));
  assert.ok(!html.includes('<b>'));
  assert.ok(html.includes('https://example.org/a?b=1&amp;c=&lt;2&gt;'));
});

test('links: only http(s) permalinks become hrefs', () => {
  assert.equal(safeHref('javascript:alert(1)'), undefined);
  assert.equal(safeHref(' https://x.org/?a="b" '), 'https://x.org/?a=&quot;b&quot;');
  assert.ok(html.includes('href="https://twitter.com/alpha/status/1"'));
  assert.ok(!/href="javascript/i.test(html));
});

test('the CSP allows exactly our script by its sha256, and no outside resource', () => {
  assert.equal(createHash('sha256').update(REPORT_JS).digest('base64'), REPORT_JS_SHA256);
  assert.ok(html.includes(`script-src 'sha256-${REPORT_JS_SHA256}'`));
  assert.ok(html.includes(`<script>${REPORT_JS}</script>`));
  assert.ok(!/(src|href)="(https?:)?\/\/(?!twitter\.com\/alpha)/.test(html), 'no external resources');
  assert.ok(!/@import|url\(/.test(html));
});

test('networks are ranked by score with a section each, the caveat and run parameters shown', () => {
  assert.ok(html.indexOf('href="#network-3"') < html.indexOf('href="#network-5"'));
  assert.ok(html.includes('id="network-3"') && html.includes('id="network-5"'));
  assert.match(html, /#1 · network 3 — 3 accounts, score 0\.900/);
  assert.match(html, /leads for human review, not verdicts/);
  assert.match(html, /<dt>seed<\/dt><dd>7<\/dd>/);
  assert.match(html, /<dt>created<\/dt><dd>2024-04-01 12:00Z<\/dd>/);
  assert.equal((html.match(/<svg class="heatmap"/g) ?? []).length, 2);
  // 168 cells per heatmap; the timeline of network 5 spans 03-05 … 03-08: 4 bars, two of them quiet days.
  assert.equal((html.match(/ UTC: \d+ actions<\/title><\/rect>/g) ?? []).length, 2 * 168);
  assert.match(html, /<title>2024-03-06: 0 actions<\/title>/);
});

test('repeated texts: identical texts grouped across edges with each copy once, earliest first', () => {
  const run = reportRun();
  const byNetwork = edgesByNetwork(run);
  assert.deepEqual([...byNetwork.keys()], [5, 3]);
  assert.equal(byNetwork.get(3)!.length, 2);
  const groups = repeatedTexts(byNetwork.get(3)!, reportLookup());
  assert.equal(groups.length, 1);
  assert.equal(groups[0]!.text, PRAISE);
  assert.deepEqual(groups[0]!.copies.map((c) => c.account), ['tw:alpha', 'tw:bravo', 'tw:charlie']);
  // The edge to tw:bystander leaves the network, so its action tw:99 is never looked up.
  assert.deepEqual(reportEvidenceKeys(run), ['tw:1', 'tw:10', 'tw:11', 'tw:12', 'tw:13', 'tw:2', 'tw:3']);
  assert.deepEqual(repeatedTexts(byNetwork.get(5)!, reportLookup()).map((g) => g.text), [HOSTILE]);
  assert.match(html, /3 copies by 3 accounts \(co-text\)/);
});

test('deterministic: the same run gives the same bytes, whatever the order of networks, edges and accounts', () => {
  const shuffled = reportRun();
  shuffled.networks.reverse();
  shuffled.edges.reverse();
  shuffled.accounts.reverse();
  assert.equal(renderReport(shuffled, reportLookup()), html);
  assert.equal(renderReport(reportRun(), reportLookup()), html);
});

test('a run without networks still renders, saying so', () => {
  const empty = { ...reportRun(), networks: [], edges: [], id: 1 };
  const page = renderReport(empty, new Map());
  assert.match(page, /No networks found in this run\./);
  assert.match(page, /<title>trollmap report — run #1<\/title>/);
  assert.ok(!page.includes('<section'));
});
