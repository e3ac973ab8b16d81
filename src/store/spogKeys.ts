// quadstore's keys of the SPOG index (quadstore 15's serialization), read straight from the
// LevelDB iterator. Every open reads the whole store; through quadstore's `get({})` that made a
// term object per term of every quad (about 384,000 for the seeded store), an iterator stream and
// an N-Triples line per quad for the integrity hash: a restart spent ~430 ms reading, 320-470 ms
// building lines, and ~500 ms in garbage collection. Here each distinct term is made once (with
// its N-Triples form) and each triple is hashed from those forms as it is decoded.
//
// The format (quadstore/dist/serialization): `SPOG` + SEP, then each term's value + SEP in the
// order subject, predicate, object, graph, then per term a type character and its lengths (4
// base-36 digits each), then the length of that lengths section (5 base-36 digits). SEP is two
// NUL characters; lengths count UTF-16 code units. test/store/spogKeys.test.ts checks this reader
// against quadstore's own on every kind of term, so an upgrade of quadstore that changed the format
// fails there.
import { DataFactory } from '../rdf/n3.js';
import type { Quad, Term } from '@rdfjs/types';
import { termKey } from '../rdf/turtle.js';
import type { XorHash } from './integrity.js';

const { namedNode, blankNode, literal, defaultGraph, quad: makeQuad } = DataFactory;

const SEP = 2;
const TERM_LENGTH = 4;
const QUAD_LENGTH = 5;

interface Known {
  term: Term;
  /** The term's N-Triples form (termKey). */
  nt: string;
}

/** Turns SPOG keys into quads, making each distinct term once, and hashes each triple's line. */
export class SpogDecoder {
  readonly quads: Quad[] = [];
  readonly #prefixLength: number;
  readonly #hash: XorHash | null;
  /** One map per term type: the key's text for the term -> the term. */
  readonly #known: Array<Map<string, Known>> = Array.from({ length: 8 }, () => new Map());
  #key = '';
  #at = 0;
  #lengthsAt = 0;

  /** `prefix` is the index's key prefix (`SPOG` + SEP); `hash`, when given, gets every line. */
  constructor(prefix: string, hash: XorHash | null) {
    this.#prefixLength = prefix.length;
    this.#hash = hash;
  }

  add(key: string): void {
    this.#key = key;
    this.#at = this.#prefixLength;
    this.#lengthsAt = key.length - parseInt(key.slice(-QUAD_LENGTH), 36) - QUAD_LENGTH;
    const s = this.#term(0);
    const p = this.#term(1);
    const o = this.#term(2);
    const g = this.#term(3);
    this.#hash?.addTriple(s.nt, p.nt, o.nt);
    this.quads.push(makeQuad(s.term as Quad['subject'], p.term as Quad['predicate'], o.term as Quad['object'], g.term as Quad['graph']));
  }

  #length(): number {
    const n = parseInt(this.#key.slice(this.#lengthsAt, this.#lengthsAt + TERM_LENGTH), 36);
    this.#lengthsAt += TERM_LENGTH;
    return n;
  }

  /**
   * The term at this position of the previous key, and its text: keys come sorted, so a subject
   * (and often its predicate) repeats in the next key, and comparing in place spares the slice and
   * the map look-up (hashing the text) that take most of the decoding.
   */
  readonly #previous: Array<{ type: number; text: string; known: Known } | undefined> = [undefined, undefined, undefined, undefined];

  #term(position: number): Known {
    const key = this.#key;
    const type = key.charCodeAt(this.#lengthsAt++) - 48; // '0'..'7'
    const start = this.#at;
    // value: the length of the literal's value; head: the part before it (datatype, language).
    let value = 0;
    let head = 0;
    let end: number;
    switch (type) {
      case 0: // named node
      case 1: // blank node
      case 3: // xsd:string literal
        end = start + this.#length();
        break;
      case 2: // literal of another datatype: datatype SEP value
      case 4: // language-tagged literal: language SEP value
        value = this.#length();
        head = this.#length();
        end = start + head + SEP + value;
        break;
      case 5: // numeric literal: encoded SEP datatype SEP value
      case 7: {
        // (xsd:dateTime, written like a number)
        value = this.#length();
        head = this.#length();
        const encoded = this.#length();
        end = start + encoded + SEP + head + SEP + value;
        break;
      }
      case 6: // the default graph: `dg`, and one length character
        this.#lengthsAt += 1;
        end = start + 2;
        break;
      default:
        throw new Error(`unexpected term type ${String.fromCharCode(type + 48)} in the key of a quad`);
    }
    this.#at = end + SEP;
    const previous = this.#previous[position];
    if (previous !== undefined && previous.type === type && previous.text.length === end - start && key.startsWith(previous.text, start))
      return previous.known;
    const text = key.slice(start, end);
    const known = this.#known[type]!;
    let found = known.get(text);
    if (found === undefined) {
      const term = makeTerm(type, text, value, head);
      found = { term, nt: termKey(term) };
      known.set(text, found);
    }
    this.#previous[position] = { type, text, known: found };
    return found;
  }
}

/** The term of type `type` whose key text is `text` (`value` and `head` as in #term). */
function makeTerm(type: number, text: string, value: number, head: number): Term {
  switch (type) {
    case 0:
      return namedNode(text);
    case 1:
      return blankNode(text);
    case 3:
      return literal(text);
    case 2:
      return literal(text.slice(text.length - value), namedNode(text.slice(0, head)));
    case 4:
      return literal(text.slice(text.length - value), text.slice(0, head));
    case 5:
    case 7: {
      const datatypeEnd = text.length - value - SEP;
      return literal(text.slice(text.length - value), namedNode(text.slice(datatypeEnd - head, datatypeEnd)));
    }
    default:
      return defaultGraph();
  }
}
