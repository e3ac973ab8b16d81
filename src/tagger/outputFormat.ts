// The formats `emokb tag --output-format` writes. JSON Lines without a scheme is the hot path
// (Tagger#writeJson, bytes straight from the match buffer); every other combination goes through
// the library's result object and one of the writers here, so the hot path pays nothing for them.
import type { LexiconData } from '../lexicon/types.js';
import { EmotionMlWriter } from './emotionMl.js';
import { OnyxWriter } from './onyx.js';
import type { ResolvedOptions } from './options.js';
import type { Tagger } from './Tagger.js';
import type { ByteWriter } from './serialize.js';

export const OUTPUT_FORMATS = ['jsonl', 'onyx', 'emotionml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Whether these options need the record writers (anything but plain JSON Lines in Parrott's tiers). */
export function needsRecords(format: OutputFormat | undefined, o: ResolvedOptions): boolean {
  return (format !== undefined && format !== 'jsonl') || o.scheme !== null;
}

/** Writes one result per text in a format, and error records in the same format. */
export class RecordWriter {
  readonly #tagger: Tagger;
  readonly #format: OutputFormat;
  readonly #onyx: OnyxWriter | undefined;
  readonly #emotionMl: EmotionMlWriter | undefined;

  constructor(tagger: Tagger, format: OutputFormat, scheme: string | null) {
    this.#tagger = tagger;
    this.#format = format;
    if (format === 'onyx') this.#onyx = new OnyxWriter(tagger.index);
    if (format === 'emotionml') this.#emotionMl = new EmotionMlWriter(tagger.index.data, scheme);
  }

  /** Tags `text` and writes its record (with its line end). */
  record(w: ByteWriter, text: string, o: ResolvedOptions): void {
    const result = this.#tagger.tag(text, o);
    if (this.#onyx) w.utf8(`${this.#onyx.record(result, text)}\n`);
    else if (this.#emotionMl) w.utf8(this.#emotionMl.record(result));
    else w.utf8(`${JSON.stringify(result)}\n`);
  }

  /** A malformed line: a JSON error record, or in EmotionML a comment. `json` is the JSON record. */
  error(w: ByteWriter, message: string, json: string): void {
    w.utf8(this.#format === 'emotionml' ? this.#emotionMl!.error(message) : `${json}\n`);
  }
}

/** What a whole output starts and ends with (EmotionML's document element; nothing for line formats). */
export function documentFrame(
  format: OutputFormat | undefined,
  lexicon: LexiconData,
  scheme: string | null,
): { head: string; tail: string } {
  if (format !== 'emotionml') return { head: '', tail: '' };
  const writer = new EmotionMlWriter(lexicon, scheme);
  return { head: writer.header(), tail: writer.footer() };
}
