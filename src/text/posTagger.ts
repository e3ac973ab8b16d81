// Part-of-speech tags for one sentence, from wink-nlp with its English model (wink-eng-lite-web-model,
// both MIT, GRAYPE Systems): Universal Dependencies tags (NOUN, VERB, ADJ, ADP, PROPN ...), for the
// tagger's part-of-speech and name rules. Loaded on first need, synchronously (both packages are
// CommonJS): loading and building the pipeline costs about 2 s and 40 MB (measured on the shared
// development machine), which `emokb serve` and a `emokb tag` run with no ambiguous word never pay.
// Tagging costs 30 µs for a short window of known words and 100 µs and more for unseen words, so
// the tagger asks only for a few words around a match the tags decide.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WinkDoc {
  tokens(): { out(f: unknown): string[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; pos: unknown };
}

let wink: Wink | undefined;

function load(): Wink {
  if (!wink) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink;
    wink = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  }
  return wink;
}

/** Whether the model is loaded (for the start-up test: nothing loads it before a text needs it). */
export function posTaggerLoaded(): boolean {
  return wink !== undefined;
}

/** The tags of one sentence: each token's start and end in the sentence and its UD tag. */
export interface SentenceTags {
  start: number[];
  end: number[];
  tag: string[];
}

/** Tags a sentence (or a window of one); token offsets are found by searching each token's text in order. */
export function tagSentence(sentence: string): SentenceTags {
  const nlp = load();
  const tokens = nlp.readDoc(sentence).tokens();
  const values = tokens.out(nlp.its.value);
  const tags = tokens.out(nlp.its.pos);
  const out: SentenceTags = { start: [], end: [], tag: [] };
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const found = sentence.indexOf(values[i]!, at);
    if (found < 0) continue; // a token wink normalised: no offset to give
    out.start.push(found);
    out.end.push(found + values[i]!.length);
    out.tag.push(tags[i]!);
    at = found + values[i]!.length;
  }
  return out;
}

/** The tag of the token that covers [from, to) of the sentence (the first overlapping one), or undefined. */
export function tagAt(tags: SentenceTags, from: number, to: number): string | undefined {
  for (let i = 0; i < tags.start.length; i++) if (tags.end[i]! > from && tags.start[i]! < to) return tags.tag[i];
  return undefined;
}
