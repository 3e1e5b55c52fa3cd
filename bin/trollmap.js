#!/usr/bin/env node
// Runs the TypeScript CLI with no build step: from its bundle (src/boot/bundles.js: ES modules built by esbuild and
// kept in node_modules/.cache/trollmap/cli) when one is current, else it builds one first; when none can be had
// (a read-only install, TROLLMAP_CLI_BUNDLE=0), tsx loads the sources.
import { pathToFileURL } from 'node:url';
import { buildCliBundle, currentCliBundle } from '../src/boot/bundles.js';

const bundle = currentCliBundle() ?? (await buildCliBundle());
if (bundle !== undefined) {
  // Stack traces (a bug report's) name the .ts files and lines.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
