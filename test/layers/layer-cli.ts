// Shared steps of the hand-worked layer tests: the real CLI on a real SQLite file in a fresh temporary folder
// (import → detect → account), and the two formulas of the significance method card written out independently
// (src/core/detect/significance.ts): the Poisson upper tail and Benjamini–Hochberg.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountFinding, RunEdge } from '../../src/core/run.ts';
import { trollmap, type CliResult } from '../support/cli.ts';

/** A hand-made input file in test/fixtures/layers/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/layers/${name}`, import.meta.url));
}

/** What `detect --json` prints (the fields these tests read). */
export interface DetectJson {
  runId: number;
  actionsRead: number;
  warnings: string[];
  edges: RunEdge[];
  accounts: AccountFinding[];
}

/** A folder with a database, removed by `close`. */
export class LayerDb {
  readonly dir = mkdtempSync(join(tmpdir(), 'trollmap-layer-'));
  readonly db = join(this.dir, 'layer.db');

  /** `trollmap …args --db <this db>` in the folder; fails the test on a non-zero exit. */
  run(args: readonly string[]): CliResult {
    const r = trollmap([...args, '--db', this.db], { cwd: this.dir });
    assert.equal(r.code, 0, `trollmap ${args.join(' ')}\n${r.stderr}`);
    return r;
  }

  /** Imports the files (quietly). */
  import(files: readonly string[], extra: readonly string[] = []): void {
    this.run(['import', ...files, '--quiet', ...extra]);
  }

  /** `detect --json --quiet` with the given flags. */
  detect(flags: readonly string[]): DetectJson {
    return JSON.parse(this.run(['detect', ...flags, '--json', '--quiet']).stdout) as DetectJson;
  }

  /** `account KEY` as text lines. */
  explain(key: string): string[] {
    return this.run(['account', key]).stdout.trimEnd().split('\n');
  }

  /** `account KEY --json`. */
  accountJson(key: string): AccountFinding & { run: number; edges: RunEdge[] } {
    return JSON.parse(this.run(['account', key, '--json']).stdout) as AccountFinding & { run: number; edges: RunEdge[] };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** P(X ≥ x) for X ~ Poisson(μ): 1 − Σ_{i<x} e^{−μ} μ^i / i!. */
export function poissonAtLeast(x: number, mu: number): number {
  let term = Math.exp(-mu);
  let below = 0;
  for (let i = 0; i < x; i++) {
    below += term;
    term *= mu / (i + 1);
  }
  return 1 - below;
}

/** The configuration null's expectation μ_ab = 2·n_a·n_b·(P − X + 1) / N² (prior s = 1). */
export function configurationMu(na: number, nb: number, pairs: number, x: number, total: number): number {
  return (2 * na * nb * (pairs - x + 1)) / (total * total);
}

/** The edge between two accounts in a layer, or undefined. */
export function edgeOf(edges: readonly RunEdge[], a: string, b: string, layer: string): RunEdge | undefined {
  return edges.find((e) => e.layer === layer && ((e.a === a && e.b === b) || (e.a === b && e.b === a)));
}

/** `[actionA, actionB, dt, key]` rows of an edge's evidence. */
export function evidenceRows(e: RunEdge): [string, string, number, string][] {
  return e.evidence.map((ev) => [ev.actionA, ev.actionB, ev.dt, ev.key]);
}
