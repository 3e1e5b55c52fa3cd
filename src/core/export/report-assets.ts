// The report's inline style and script. The page's Content-Security-Policy allows only this exact script (by its
// sha256, checked by report-html.test.ts), so even a text that slipped past escaping could not run.

export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --hot: #b42318; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.muted { color: var(--muted); }
.caveat { border: 1px solid #d4a72c; background: #fff8c5; padding: 10px 14px; border-radius: 6px; margin: 16px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.params { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.params dt { color: var(--muted); } dl.params dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
section.network { border-top: 3px solid var(--ink); margin-top: 36px; }
.text { white-space: pre-wrap; word-break: break-word; background: var(--bg); padding: 6px 8px; border-radius: 4px; margin: 0; }
details { margin: 4px 0 10px; } summary { cursor: pointer; }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg .bar { fill: var(--hot); } svg .axis { stroke: var(--line); }
svg .hot { fill: var(--hot); } svg .empty { fill: #eef1f4; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
#filter { font: inherit; padding: 4px 8px; width: 320px; max-width: 100%; }
tr.hidden { display: none; }
code { font-family: ui-monospace, monospace; font-size: 12px; }
`;

/** Filters table rows marked `data-filter` by the text typed into #filter. */
export const REPORT_JS = `
(function () {
  var input = document.getElementById('filter');
  if (!input) return;
  input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    var rows = document.querySelectorAll('tr[data-filter]');
    for (var i = 0; i < rows.length; i++) {
      var hit = q === '' || rows[i].getAttribute('data-filter').indexOf(q) >= 0;
      rows[i].classList.toggle('hidden', !hit);
    }
  });
})();
`;

/** base64 sha256 of REPORT_JS, for the Content-Security-Policy. */
export const REPORT_JS_SHA256 = '84C5sRyLjFTOfNRzSGNj89anmn74QQsYCVKf9Nz+5tE=';
