// URL normalisation for the co-link layer: two links to the same resource get the same key.
//
// Rules (in order): add `http://` when the scheme is missing; only http(s) are links; unwrap outbound-link wrappers
// (l.facebook.com/l.php?u=, vk.com/away.php?to=, google.com/url?q=); scheme → https (the same page is served on both);
// host lower-cased and punycoded by WHATWG URL, trailing dot and default port dropped; leading `www.`, `m.`,
// `mobile.` dropped; site aliases unified (url-rules.ts: m./mbasic./web. facebook, telegram.me → t.me, x.com →
// twitter.com, …); YouTube: youtu.be/ID, /shorts/ID, /embed/ID, /live/ID, /v/ID → youtube.com/watch?v=ID with only
// `v` kept; t.me/s/channel → t.me/channel; old Twitter `#!/` paths → real paths; tracking parameters dropped
// (utm_*, fbclid, gclid, si, igshid, …); remaining parameters sorted (servers ignore their order); percent-escapes
// upper-cased; fragment dropped; trailing slash dropped.
// Uses only the WHATWG `URL` global (no node:url), so it runs in the browser too.

import { find } from 'linkifyjs';
import { getDomain } from 'tldts';
import {
  CASELESS_PATH_HOSTS,
  HOST_ALIASES,
  REDIRECTS,
  SITE_PARAMS_DROPPED,
  TRACKING_PARAMS,
  TRACKING_PREFIXES,
  YOUTUBE_KEEP,
} from './url-rules.ts';

/** A normalised link: `key` is the co-link key; `domain` the registrable domain for a co-domain view. */
export interface NormalisedUrl {
  ok: true;
  key: string;
  host: string;
  domain: string;
}

/** Why a string is not a usable link. */
export interface UrlProblem {
  ok: false;
  input: string;
  reason: string;
}

const BARE_DOMAIN = /^[^/?#\s:@]+\.\p{L}[\p{L}\p{N}-]*\.?(?:[:/?#]|$)/u;
const YOUTUBE_ID_PATH = /^\/(?:shorts|embed|live|v)\/([\w-]{6,})/u;

/** Normalises one link (see the rules above). */
export function normaliseUrl(raw: string, depth = 0): NormalisedUrl | UrlProblem {
  const input = raw.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/iu.test(input) && !/^[^:/]+\.[^:/]+:\d/u.test(input);
  // without a scheme, only something shaped like a domain is a link (an id such as "23678" would parse as an IPv4)
  if (!hasScheme && !BARE_DOMAIN.test(input)) return { ok: false, input: raw, reason: 'no scheme and no domain' };
  const withScheme = hasScheme ? input : `http://${input}`;
  if (!URL.canParse(withScheme)) return { ok: false, input: raw, reason: 'not a URL' };
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, input: raw, reason: `not a web link (${url.protocol})` };
  }
  let host = url.hostname.replace(/\.$/u, '').replace(/^(?:www\d*|m|mobile)\./u, '');
  host = HOST_ALIASES.get(host) ?? host;
  if (host === '') return { ok: false, input: raw, reason: 'no host' };
  const wrapped = REDIRECTS.get(`${host}${url.pathname}`);
  const target = wrapped === undefined ? '' : (url.searchParams.get(wrapped) ?? '');
  if (target !== '' && depth < 3) return normaliseUrl(target, depth + 1);

  let path = url.pathname;
  if (path === '/' && url.hash.startsWith('#!/')) path = url.hash.slice(2);
  const siteDrop = SITE_PARAMS_DROPPED.get(host);
  let params = [...url.searchParams].filter(([name]) => !isTracking(name) && !siteDrop?.has(name));
  if (host === 'youtu.be' || host === 'youtube.com') {
    const id = host === 'youtu.be' ? path.slice(1).split('/')[0] : YOUTUBE_ID_PATH.exec(path)?.[1];
    if (id) {
      host = 'youtube.com';
      path = '/watch';
      params = [['v', id]];
    }
    if (path === '/watch') params = params.filter(([name]) => YOUTUBE_KEEP.has(name));
  }
  if (host === 't.me' && path.startsWith('/s/')) path = path.slice(2);
  if (CASELESS_PATH_HOSTS.has(host)) path = path.toLowerCase();
  path = path.replace(/%[0-9a-f]{2}/giu, (e) => e.toUpperCase()).replace(/\/+$/u, '');
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const port = url.port ? `:${url.port}` : '';
  return { ok: true, key: `https://${host}${port}${path}${query}`, host, domain: registrableDomain(host) };
}

/**
 * The co-link key of a value: its normalised URL when it is a web link, else the value itself, trimmed (exports
 * that carry anonymised link ids, such as CooRTweet's `url_id`, keep their ids).
 */
export function urlKey(value: string): string {
  const n = normaliseUrl(value);
  return n.ok ? n.key : value.trim();
}

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * Registrable domain ("eTLD+1") of a host, counting private suffixes as public so that each user.blogspot.com or
 * user.github.io is its own domain; an IP address or a bare suffix is returned as it is.
 */
export function registrableDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/**
 * Finds the links in a text (linkifyjs: schemes, bare domains such as t.co/x, Cyrillic domains) and normalises
 * them; links that fail to normalise are left out, in order of appearance, each key once.
 */
export function extractUrls(text: string): NormalisedUrl[] {
  const seen = new Set<string>();
  const out: NormalisedUrl[] = [];
  for (const link of find(text, 'url')) {
    const n = normaliseUrl(link.href);
    if (n.ok && !seen.has(n.key)) {
      seen.add(n.key);
      out.push(n);
    }
  }
  return out;
}
