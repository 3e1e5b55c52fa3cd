// @ts-check
// Notes for whoever runs trollmap with TROLLMAP_DEBUG=1: why a snapshot or a bundle was not used, how a read was
// split. Plain JavaScript, so that bin/trollmap.js can use it before any TypeScript is loaded.

/**
 * Writes a note on stderr when TROLLMAP_DEBUG is set.
 * @param {string} s
 */
export function debugNote(s) {
  if (process.env['TROLLMAP_DEBUG']) process.stderr.write(`trollmap debug: ${s}\n`);
}
