// A self-contained report.html for one detection run: run parameters, a ranked table of networks, and per
// network its members with reasons, the repeated texts with times and accounts, an activity timeline and an
// hour-of-week heatmap. Inline CSS, inline JS and SVG only: no network, no external fonts or scripts.
// Every piece of data is escaped (esc); the page's CSP allows only our own script. The same run and lookup give
// byte-identical output: the only time printed is the run's createdAt.
import type { AccountFinding, DetectionRun, NetworkFinding, RunEdge } from '../run.ts';
import { duration, esc, isoMinute, safeHref } from './html.ts';
import { REPORT_CSS, REPORT_JS, REPORT_JS_SHA256 } from './report-assets.ts';
import { edgesByNetwork, repeatedTexts, type EvidenceLookup, type RepeatedText } from './report-evidence.ts';
import { heatmapSvg, timelineSvg } from './report-svg.ts';

/** Display names for accounts, when the store knows them. */
export type AccountNames = ReadonlyMap<string, { handle?: string; name?: string }>;

export interface ReportOptions {
  accounts?: AccountNames;
  /** Repeated texts shown per network (default 15). */
  maxTexts?: number;
  /** Copies listed per repeated text (default 25). */
  maxCopies?: number;
}

const CAVEAT =
  'Scores are leads for human review, not verdicts. Fan communities, campaigns, newsrooms and friends also act ' +
  'together; read the evidence (the posts, their times and accounts) before naming anyone.';

/** Networks by score, then size, then id. */
export function rankNetworks(networks: readonly NetworkFinding[]): NetworkFinding[] {
  return [...networks].sort((a, b) => b.score - a.score || b.members.length - a.members.length || a.id - b.id);
}

const layerList = (layers: Record<string, number>): string =>
  Object.entries(layers)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${esc(k)} ${v}`)
    .join(' · ') || '—';

const span = (n: NetworkFinding): string =>
  Number.isFinite(n.first) && Number.isFinite(n.last) && n.last >= n.first ? `${isoMinute(n.first)} – ${isoMinute(n.last)} (${duration(n.last - n.first)})` : '—';

function who(key: string, names: AccountNames | undefined): string {
  const a = names?.get(key);
  const label = a?.handle ? `@${a.handle}` : a?.name;
  return label ? `${esc(key)} <span class="muted">${esc(label)}</span>` : esc(key);
}

function header(run: DetectionRun): string {
  const p = run.params;
  const rows: [string, string][] = [
    ['version', run.version],
    ['created', isoMinute(run.createdAt)],
    ['layers', p.layers.join(', ')],
    ['method', p.method],
    ['window', `${duration(p.window)}${p.windows ? ' (' + Object.entries(p.windows).map(([k, v]) => `${k} ${duration(v)}`).join(', ') + ')' : ''}`],
    ['min. participation', String(p.minParticipation)],
    ...(p.alpha === undefined ? [] : [['alpha', String(p.alpha)] as [string, string]]),
    ['seed', String(p.seed)],
    ...(p.platform === undefined ? [] : [['platform', p.platform] as [string, string]]),
    ...(p.since === undefined ? [] : [['since', isoMinute(p.since)] as [string, string]]),
    ...(p.until === undefined ? [] : [['until', isoMinute(p.until)] as [string, string]]),
    ['actions read', String(run.actionsRead)],
    ['input sha256', run.inputHash],
  ];
  const dl = rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('');
  const warnings = run.warnings.length === 0 ? '' : `<h3>Warnings</h3><ul>${run.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`;
  const capped =
    run.cappedKeys.length === 0
      ? ''
      : `<h3>Keys too busy to pair (capped)</h3><ul>${run.cappedKeys
          .slice(0, 20)
          .map((c) => `<li>${esc(c.layer)}: <code>${esc(c.key)}</code> (${c.traces} traces)</li>`)
          .join('')}</ul>`;
  return `<dl class="params">${dl}</dl>${warnings}${capped}`;
}

function networkTable(ranked: readonly NetworkFinding[]): string {
  if (ranked.length === 0) return '<p>No networks found in this run.</p>';
  const rows = ranked
    .map(
      (n, i) =>
        `<tr data-filter="${esc(`network ${n.id}`)}"><td class="num">${i + 1}</td><td><a href="#network-${esc(n.id)}">network ${esc(n.id)}</a></td>` +
        `<td class="num">${n.members.length}</td><td>${layerList(n.layers)}</td><td>${span(n)}</td><td class="num">${n.score.toFixed(3)}</td></tr>`,
    )
    .join('');
  return (
    '<table class="networks"><thead><tr><th class="num">rank</th><th>network</th><th class="num">accounts</th>' +
    `<th>layers (coordinated pairs)</th><th>span (UTC)</th><th class="num">score</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function memberTable(n: NetworkFinding, found: ReadonlyMap<string, AccountFinding>, names: AccountNames | undefined): string {
  const members = n.members
    .map((m) => ({ key: m, f: found.get(m) }))
    .sort((a, b) => (b.f?.score ?? 0) - (a.f?.score ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = members
    .map(({ key, f }) => {
      const handle = names?.get(key)?.handle ?? '';
      const reasons = f && f.reasons.length > 0 ? f.reasons.slice(0, 2).map(esc).join('; ') : '—';
      return (
        `<tr data-filter="${esc(`${key} ${handle}`.toLowerCase())}"><td>${who(key, names)}</td>` +
        `<td class="num">${f ? f.score.toFixed(3) : '—'}</td><td>${f ? layerList(f.layers) : '—'}</td><td>${reasons}</td></tr>`
      );
    })
    .join('');
  return (
    '<table class="members"><thead><tr><th>account</th><th class="num">score</th><th>layers</th><th>why</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}

function textBlock(t: RepeatedText, names: AccountNames | undefined, maxCopies: number): string {
  const rows = t.copies
    .slice(0, maxCopies)
    .map((c) => {
      const href = safeHref(c.url);
      const action = href ? `<a href="${href}" rel="noopener noreferrer nofollow">${esc(c.action)}</a>` : `<code>${esc(c.action)}</code>`;
      const time = Number.isFinite(c.time) ? new Date(c.time).toISOString().replace('T', ' ').slice(0, 19) + 'Z' : 'not in the database';
      return `<tr><td>${esc(time)}</td><td>${who(c.account, names)}</td><td>${action}</td></tr>`;
    })
    .join('');
  const more = t.copies.length > maxCopies ? `<p class="muted">… and ${t.copies.length - maxCopies} more copies</p>` : '';
  return (
    `<div class="repeated"><p class="text">${esc(t.text)}</p>` +
    `<details><summary>${t.copies.length} copies by ${t.accounts} accounts (${t.layers.map(esc).join(', ')})</summary>` +
    `<table><thead><tr><th>time (UTC)</th><th>account</th><th>action</th></tr></thead><tbody>${rows}</tbody></table>${more}</details></div>`
  );
}

function networkSection(
  edges: readonly RunEdge[],
  n: NetworkFinding,
  rank: number,
  lookup: EvidenceLookup,
  found: ReadonlyMap<string, AccountFinding>,
  options: ReportOptions,
): string {
  const texts = repeatedTexts(edges, lookup);
  const maxTexts = options.maxTexts ?? 15;
  const textHtml =
    texts.length === 0
      ? '<p class="muted">No repeated texts in this network\'s evidence.</p>'
      : texts.slice(0, maxTexts).map((t) => textBlock(t, options.accounts, options.maxCopies ?? 25)).join('') +
        (texts.length > maxTexts ? `<p class="muted">… and ${texts.length - maxTexts} more repeated texts</p>` : '');
  const list = (title: string, items: string[]): string =>
    items.length === 0 ? '' : `<h3>${title}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  return (
    `<section class="network" id="network-${esc(n.id)}"><h2>#${rank} · network ${esc(n.id)} — ${n.members.length} accounts, score ${n.score.toFixed(3)}</h2>` +
    `<p>Layers: ${layerList(n.layers)}. Active ${span(n)}.</p>` +
    `<div class="charts"><div><h3>Actions per day (UTC)</h3>${timelineSvg(n.timeline)}</div>` +
    `<div><h3>Actions per hour of week (UTC)</h3>${heatmapSvg(n.hourOfWeek)}</div></div>` +
    `<h3>Members</h3>${memberTable(n, found, options.accounts)}` +
    `<h3>Repeated texts</h3>${textHtml}` +
    list('Top links', n.topLinks.slice(0, 10).map((l) => `<code>${esc(l.url)}</code> (${l.actions} actions)`)) +
    list('Top targets', n.topTargets.slice(0, 10).map((t) => `<code>${esc(t.target)}</code> (${t.actions} actions)`)) +
    '</section>'
  );
}

/** The whole report as one HTML string. */
export function renderReport(run: DetectionRun, lookup: EvidenceLookup, options: ReportOptions = {}): string {
  const ranked = rankNetworks(run.networks);
  const found = new Map(run.accounts.map((a) => [a.account, a]));
  const byNetwork = edgesByNetwork(run);
  const title = `trollmap report${run.id === undefined ? '' : ` — run #${run.id}`}`;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${REPORT_JS_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="muted">${run.networks.length} networks, ${run.accounts.length} scored accounts, ${run.edges.length} edges.</p>`,
    `<div class="caveat" role="note"><strong>Caveat.</strong> ${esc(CAVEAT)}</div>`,
    '<h2>Run</h2>',
    header(run),
    '<h2>Networks</h2>',
    '<p><input id="filter" type="search" placeholder="filter networks and accounts" aria-label="filter networks and accounts"></p>',
    networkTable(ranked),
    ...ranked.map((n, i) => networkSection(byNetwork.get(n.id) ?? [], n, i + 1, lookup, found, options)),
    `<script>${REPORT_JS}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
