// CSV files with exactly CooRTweet's columns, written as data.table::fwrite writes them: integers as digits,
// doubles through fwriteDouble, fields quoted only when they must be, `\n` line ends.
import type { ActionColumns } from '../columns.ts';
import { cooRTweet, type CooRTweetEdge, type CooRTweetOptions, type CooRTweetPair } from '../detect/coortweet.ts';
import { layerTraces, type Layer, type LayerOptions } from '../detect/layer-traces.ts';
import { fwriteDouble } from './fwrite-number.ts';

const PAIR_COLUMNS = 'object_id,content_id,content_id_y,time_delta,account_id,account_id_y';
const EDGE_COLUMNS = 'from,to,weight,avg_time_delta,n_content_id,n_content_id_y,edge_symmetry_score,weight_threshold';

/** An R integer column (counts, whole-second Δt) as fwrite writes it; a fractional value is written as a double. */
export function fwriteInteger(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 2 ** 31 ? String(x) : fwriteDouble(x);
}

/** A CSV field, quoted only when it contains a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CooRTweet's pairs table as CSV text (header and one line per pair, `\n` line ends). */
export function cooRTweetPairsCsv(pairs: readonly CooRTweetPair[]): string {
  const lines = [PAIR_COLUMNS];
  for (const p of pairs) {
    lines.push(
      [
        csvField(p.objectId),
        csvField(p.contentId),
        csvField(p.contentIdY),
        fwriteInteger(p.timeDelta),
        csvField(p.accountId),
        csvField(p.accountIdY),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** CooRTweet's edge list as CSV text. */
export function cooRTweetEdgesCsv(edges: readonly CooRTweetEdge[]): string {
  const lines = [EDGE_COLUMNS];
  for (const e of edges) {
    lines.push(
      [
        csvField(e.from),
        csvField(e.to),
        fwriteInteger(e.weight),
        fwriteDouble(e.avgTimeDelta),
        fwriteInteger(e.nContentId),
        fwriteInteger(e.nContentIdY),
        fwriteDouble(e.edgeSymmetryScore),
        String(e.weightThreshold),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** The CooRTweet pairs and edges CSV files of one layer over stored actions (the `detect --pairs-csv` path). */
export function cooRTweetFiles(
  columns: ActionColumns,
  layer: Layer,
  options: CooRTweetOptions & LayerOptions,
): { pairs: string; edges: string; pairCount: number; edgeCount: number } {
  const out = cooRTweet(layerTraces(columns, layer, { bareIds: true, ...options }), options);
  return { pairs: cooRTweetPairsCsv(out.pairs), edges: cooRTweetEdgesCsv(out.edges), pairCount: out.pairs.length, edgeCount: out.edges.length };
}
