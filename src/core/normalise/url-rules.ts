// Site rules for URL normalisation: which query parameters only track the click, and which hosts are one site.

/** Query parameters dropped everywhere: they identify the click, campaign or sharer, not the resource. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'ysclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mibextid', 'si', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'vero_id', 'oly_enc_id', 'oly_anon_id',
  'rb_clickid', 's_cid', 'ncid', 'cmpid', '_openstat', 'from_block', 'ref_src', 'ref_url', '__twitter_impression',
  'share', 'sharetype', 'utm', 'feature', 'ab_channel', '__cft__', '__tn__', 'sfnsn', 'rdid', 'refsrc', 'hc_ref',
  '_rdr', 'paipv', 'eav', 'extid', 'fref', 'notif_id', 'notif_t', 'acontext', 'ref',
]);

/** Prefixes of dropped query parameters (`utm_source`, `__cft__[0]`, `pk_campaign` …). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', '__cft__', 'pk_', 'mtm_', 'hsa_', 'vk_'];

/** Host aliases (after dropping `www.`/`m.`): mobile and short domains of one site. */
export const HOST_ALIASES: ReadonlyMap<string, string> = new Map([
  ['mbasic.facebook.com', 'facebook.com'],
  ['web.facebook.com', 'facebook.com'],
  ['touch.facebook.com', 'facebook.com'],
  ['fb.com', 'facebook.com'],
  ['telegram.me', 't.me'],
  ['telegram.dog', 't.me'],
  ['mobile.twitter.com', 'twitter.com'],
  ['x.com', 'twitter.com'],
  ['vk.ru', 'vk.com'],
  ['instagr.am', 'instagram.com'],
  ['music.youtube.com', 'youtube.com'],
  ['youtube-nocookie.com', 'youtube.com'],
]);

/** Parameters dropped on one site only (Twitter's share markers `s` and `t`; `t` is meaningful elsewhere). */
export const SITE_PARAMS_DROPPED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['twitter.com', new Set(['s', 't'])],
  ['t.me', new Set(['single'])],
]);

/** Sites whose paths are case-insensitive user names, so the path is lower-cased too. */
export const CASELESS_PATH_HOSTS: ReadonlySet<string> = new Set(['twitter.com', 't.me', 'instagram.com']);

/** Query parameters kept on YouTube watch URLs (everything else — time, list, index, sharer — is dropped). */
export const YOUTUBE_KEEP: ReadonlySet<string> = new Set(['v']);

/** Outbound-link wrappers: host + path → the parameter holding the real target. */
export const REDIRECTS: ReadonlyMap<string, string> = new Map([
  ['l.facebook.com/l.php', 'u'],
  ['lm.facebook.com/l.php', 'u'],
  ['facebook.com/l.php', 'u'],
  ['vk.com/away.php', 'to'],
  ['google.com/url', 'q'],
  ['away.vk.com/away.php', 'to'],
]);
