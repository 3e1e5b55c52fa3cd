// Public face of text and link normalisation (pure; used by the co-text and co-link layers).
export { normaliseText, isLinkableText, textKey, textSize, DEFAULT_MIN_TEXT_SIZE, type MinTextSize } from './text.ts';
export { normaliseUrl, urlKey, extractUrls, registrableDomain, type NormalisedUrl, type UrlProblem } from './url.ts';
export { HOMOGLYPHS, foldHomoglyphs } from './homoglyphs.ts';
export { fillEntitiesFromText, hashtagsIn, linksIn, mentionsIn } from './entities.ts';
