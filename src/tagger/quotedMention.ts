// Rule `quoted-mention` (option quotedMention, session 12; README, Method, "Sense and frame"): a
// word or fixed phrase that stands alone inside quotation marks is mentioned, not used. Quoting a
// word talks about the word ("stupid enough to use "lol" in a post", "words like "racist"", "you
// don't know what "hurt" means") or holds it at a distance, as scare quotes do ("her attempts to be
// "edgy"", "when he is 'crying' there are no tears"): in neither does the writer express the
// feeling the word names (the use/mention distinction, Quine 1940, §4; scare quotes as a disclaimer
// of the quoted word, Predelli 2003). A quotation with more in it than the match ("she said "I'm so
// happy for you"") is reported speech and is left to the other rules.
//
// Read in GoEmotions dev and train and XED part 1/2 (every match the rule drops): 46 matches, 40
// of them a mention or scare quotes; the 6 uses were reactions quoted for emphasis or reported
// ("felt very "meh" to me", "extremely "cringey"", "saying "ooof" out loud", a quoted
// ""HAHAHAHA"" in a dialogue, a line that is only ""Wow""). An apostrophe inside a word is no
// quote: both marks must stand outside a word ("rock'n'roll", "lovin'" are none).

/** Quotation marks: straight, curly, guillemets, low-9; "'" and "’" also close a quote. */
function isQuote(c: number): boolean {
  return (
    c === 0x22 || // "
    c === 0x27 || // '
    c === 0x60 || // `
    c === 0xab || // «
    c === 0xbb || // »
    (c >= 0x2018 && c <= 0x201f) // ‘ ’ ‚ ‛ “ ” „ ‟
  );
}

/** A letter or digit of a word (ASCII and the Latin and general letters above it, by case). */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * Whether text[start, end) is enclosed by quotation marks with nothing else inside them: a quote
 * right before it that opens (no word character before the mark) and one right after that closes
 * (no word character after the mark).
 */
export function quotedAlone(text: string, start: number, end: number): boolean {
  if (start < 1 || end >= text.length) return false;
  if (!isQuote(text.charCodeAt(start - 1)) || !isQuote(text.charCodeAt(end))) return false;
  if (start >= 2 && isWordChar(text.charCodeAt(start - 2))) return false;
  return !(end + 1 < text.length && isWordChar(text.charCodeAt(end + 1)));
}
