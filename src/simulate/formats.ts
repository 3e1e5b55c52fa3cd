// The simulator's output formats, in a module of their own so that the CLI can declare `--format` without loading
// the writers.

export const SIM_FORMATS = ['csv', 'jsonl', 'twitter-io', 'telegram'] as const;
/** An output format of `trollmap simulate`. */
export type SimFormat = (typeof SIM_FORMATS)[number];
