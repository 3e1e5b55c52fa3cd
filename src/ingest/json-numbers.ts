// JSON numbers that a JavaScript number cannot hold exactly. Exports often carry ids as bare numbers (a tweet id is
// about 1.5·10^18, far past 2^53), and JSON.parse rounds them: two different actions get the same id, and the second
// one is dropped as a duplicate. Whole numbers outside the safe range are kept as the digits written instead.
import { JSONParser } from '@streamparser/json-node';

/** A JSON number as written: a number, or its digits when it is a whole number beyond ±(2^53 − 1). */
export function keepDigits(written: string): number | string {
  const n = Number(written);
  return Number.isSafeInteger(n) || !/^-?\d+$/.test(written) ? n : written;
}

/** The core parser inside a streaming JSONParser, whose tokenizer turns number text into values. */
interface CoreParser {
  tokenizer: { parseNumber(written: string): unknown; isEnded: boolean };
  onValue: (info: { value: unknown; stack: unknown[] }) => void;
  write(text: string): void;
  end(): void;
}

/** Makes a streaming JSONParser keep unsafe whole numbers as their digits (see keepDigits). */
export function keepingDigits<T extends JSONParser>(parser: T): T {
  (parser as unknown as { jsonParser: CoreParser }).jsonParser.tokenizer.parseNumber = keepDigits;
  return parser;
}

// Sixteen digits in a row: the only way a line can hold a number that is not safe (2^53 has 16 digits).
const LONG_DIGITS = /\d{16}/;

/** JSON.parse of one JSON text, except that unsafe whole numbers come back as their digits. */
export function parseJsonKeepingDigits(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!LONG_DIGITS.test(text)) return value;
  // Rare: parse again, with the tokenizer that keeps digits (the text is valid JSON: JSON.parse accepted it).
  const core = (keepingDigits(new JSONParser()) as unknown as { jsonParser: CoreParser }).jsonParser;
  let top: unknown = value;
  core.onValue = (info) => {
    if (info.stack.length === 0) top = info.value;
  };
  core.write(text);
  // A complete object or array ends the parser by itself; a bare number needs the end of input to be known.
  if (!core.tokenizer.isEnded) core.end();
  return top;
}
