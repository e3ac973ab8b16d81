// Written forms to keys: a key is a form cut by the tagger's own tokenizer and joined by one space,
// so text and lexicon are normalised the same way ("Heart-Broken" and "heart-broken" meet), plus
// the hyphen and apostrophe variants a key also answers to ("heartbroken", "heart broken" for
// "heart-broken"; "dont" for "don't").
import { SENTENCE_MARKS } from '../kb/entryClass.js';
import { SYMBOL, TokenBuffer, WORD, tokenizeInto } from '../text/tokenize.js';

/** This module's source, part of the compiled-lexicon cache's key (cache.ts). */
export const KEYS_SOURCE = import.meta.url;

/** A form's key: the tokenizer's words and symbols (emoji, emoticons) joined by one space ('' when it has none). */
export function keyOf(text: string, buffer = new TokenBuffer()): string {
  tokenizeInto(text.normalize('NFKC'), buffer);
  const words: string[] = [];
  for (let t = 0; t < buffer.count; t++) {
    const kind = buffer.kind[t];
    if (kind === WORD) words.push(buffer.word(t));
    else if (kind === SYMBOL) words.push(buffer.norm[t]!);
  }
  return words.join(' ');
}

/**
 * The characters of a form that its key leaves out and that are not mere separators (spaces,
 * ", . ! ? …", a loose apostrophe or hyphen), in order: what the tagger would never see of it. ":P" gives ":" (its key is "p", a
 * letter), ";)" gives ";)" (no key at all); "oh, no" and "heart-broken" give "". A form that is a
 * sentence mark of SENTENCE_MARKS ("?") is a punctuation cue, read as such: ""; any other form with
 * no word or symbol has no key at all, and all of it is unread ("?!", "...").
 */
export function unreadCharacters(text: string, buffer = new TokenBuffer()): string {
  const form = text.normalize('NFKC');
  if (SENTENCE_MARKS.includes(form.trim())) return '';
  tokenizeInto(form, buffer, false);
  const read = new Uint8Array(form.length);
  let keyed = false;
  for (let t = 0; t < buffer.count; t++) {
    if (buffer.kind[t] === WORD || buffer.kind[t] === SYMBOL) {
      read.fill(1, buffer.start[t]!, buffer.end[t]!);
      keyed = true;
    }
  }
  // no word and no symbol: the form has no key, and every mark of it goes unread ("?!", "...")
  if (!keyed) return form.replace(/\s/gu, '');
  let unread = '';
  // (an apostrophe or a hyphen that joins nothing is left out of a key harmlessly: "wits' end")
  for (let i = 0; i < form.length; i++)
    if (read[i] === 0 && !/[\s,.!?\u2026'\u2018\u2019\-\u2010\u2011]/u.test(form[i]!)) unread += form[i];
  return unread;
}

/** Hyphen and apostrophe variants of a word: "heart-broken" -> "heartbroken", "heart broken"; "don't" -> "dont"; "mom's" -> "mom". */
export function surfaceVariants(norm: string): string[] {
  const out: string[] = [];
  if (norm.includes('-')) out.push(norm.replace(/-/g, ''), norm.replace(/-/g, ' '));
  if (norm.includes("'")) {
    if (norm.endsWith("'s")) out.push(norm.slice(0, -2));
    out.push(norm.replace(/'/g, ''));
  }
  return out;
}

/** Variants of a key with hyphens or apostrophes: joined, split at hyphens, apostrophes dropped. */
export function keyVariants(key: string): string[] {
  const out = new Set<string>();
  if (key.includes('-')) {
    out.add(key.replace(/-/g, ''));
    out.add(key.replace(/-/g, ' '));
  }
  if (key.includes("'")) out.add(key.replace(/'/g, ''));
  out.delete(key);
  return [...out];
}
