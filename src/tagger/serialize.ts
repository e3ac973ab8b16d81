// UTF-8 JSON writing for the hot path of `emokb tag` (Tagger#writeJson): bytes byte-identical to
// JSON.stringify's, written into one growable buffer per batch.
/**
 * A growable UTF-8 buffer that JSON is written into directly, so the JSON Lines of a batch never
 * exist as JavaScript strings (no string per line, no join, no encode; one buffer, transferred
 * to the main thread). Strings are written exactly as JSON.stringify writes them.
 */
export class ByteWriter {
  buf: Uint8Array;
  pos = 0;

  constructor(initial: Uint8Array | number = 1 << 20) {
    this.buf = typeof initial === 'number' ? new Uint8Array(initial) : initial;
  }

  /** Room for n more bytes. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Pre-encoded bytes. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** One byte. */
  byte(c: number): void {
    if (this.pos >= this.buf.length) this.reserve(1);
    this.buf[this.pos++] = c;
  }

  /** A string of ASCII characters (numbers, keys): one byte each. */
  ascii(s: string): void {
    const n = s.length;
    this.reserve(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Any string, as UTF-8 (lone surrogates become U+FFFD, as TextEncoder does). */
  utf8(s: string): void {
    this.reserve(s.length * 3);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** A non-negative integer below 2^31, or any other number through String(). */
  int(n: number): void {
    if (!(n >= 0 && n < 0x80000000 && (n | 0) === n)) return this.ascii(JSON.stringify(n));
    this.reserve(10);
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 48 + n;
      return;
    }
    let digits = 0;
    for (let m = n; m > 0; m = (m / 10) | 0) digits++;
    let pos = this.pos + digits;
    this.pos = pos;
    for (let m = n; m > 0; m = (m / 10) | 0) buf[--pos] = 48 + (m % 10);
  }

  /** JSON.stringify(s.slice(from, to)), UTF-8 encoded (without making the slice). */
  jsonString(s: string, from = 0, to = s.length): void {
    const n = to;
    this.reserve((to - from) * 6 + 2);
    const buf = this.buf;
    let pos = this.pos;
    buf[pos++] = 0x22;
    for (let i = from; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
          buf[pos++] = c;
          continue;
        }
        buf[pos++] = 0x5c;
        switch (c) {
          case 0x22:
            buf[pos++] = 0x22;
            break;
          case 0x5c:
            buf[pos++] = 0x5c;
            break;
          case 0x08:
            buf[pos++] = 0x62;
            break;
          case 0x0c:
            buf[pos++] = 0x66;
            break;
          case 0x0a:
            buf[pos++] = 0x6e;
            break;
          case 0x0d:
            buf[pos++] = 0x72;
            break;
          case 0x09:
            buf[pos++] = 0x74;
            break;
          default:
            buf[pos++] = 0x75;
            buf[pos++] = 0x30;
            buf[pos++] = 0x30;
            buf[pos++] = HEX[c >> 4]!;
            buf[pos++] = HEX[c & 15]!;
        }
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          buf[pos++] = 0xf0 | (cp >> 18);
          buf[pos++] = 0x80 | ((cp >> 12) & 63);
          buf[pos++] = 0x80 | ((cp >> 6) & 63);
          buf[pos++] = 0x80 | (cp & 63);
          i++;
        } else {
          // A lone surrogate: JSON.stringify escapes it (\udXXX, lower-case hex).
          buf[pos++] = 0x5c;
          buf[pos++] = 0x75;
          buf[pos++] = HEX[c >> 12]!;
          buf[pos++] = HEX[(c >> 8) & 15]!;
          buf[pos++] = HEX[(c >> 4) & 15]!;
          buf[pos++] = HEX[c & 15]!;
        }
      } else {
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 63);
        buf[pos++] = 0x80 | (c & 63);
      }
    }
    buf[pos++] = 0x22;
    this.pos = pos;
  }

  /** The bytes written so far (a view of the buffer). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

const encoder = new TextEncoder();
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** UTF-8 of a string (for pre-encoded pieces). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

// round(x) of the tagger (4 decimals) as JSON text, cached per value: scores and weights repeat.
// (weights reach 3 x the largest sense weight, 1; scores are at most 1)
const ROUNDED_LIMIT = 30_000;
const rounded: Array<Uint8Array | undefined> = [];
for (let k = 0; k <= ROUNDED_LIMIT; k++) rounded.push(undefined);

/** JSON.stringify(Math.round(x * 10000) / 10000) as bytes. */
export function writeRounded(w: ByteWriter, x: number): void {
  const k = Math.round(x * 10000);
  if (k >= 0 && k <= ROUNDED_LIMIT) {
    let b = rounded[k];
    if (b === undefined) rounded[k] = b = encoder.encode(JSON.stringify(k / 10000));
    w.bytes(b);
    return;
  }
  w.ascii(JSON.stringify(k / 10000));
}
