// A compact copy of the store's snapshot, kept beside it (`snapshot-cache.bin`) so that a restart
// need not read and decode the whole LevelDB index: decoding the seeded store's 96,000 keys, and
// the garbage collection that goes with it, was most of a restart's time after module loading.
//
// The file is only ever trusted for exactly the store it was written from:
// - it is written when a store is closed, after LevelDB has closed (its files no longer change),
//   and names a fingerprint of those files: a SHA-256 over the name, size and every byte of each
//   LevelDB file (CURRENT, MANIFEST-*, *.log, *.ldb, *.sst). An open computes the fingerprint of
//   the files as it finds them, before LevelDB touches them; any difference (a later open by
//   another process, a killed process, a truncated, zeroed, deleted or overwritten file) and the
//   file is ignored: the open reads and checks the whole store as before, so damage is found and
//   reported exactly as without the file. A copy of the directory (cp -r) keeps the bytes, and so
//   keeps the file valid;
// - its content was checked when it was written: the triples' integrity hash (integrity.ts) equals
//   the store's integrity record at that moment; the record is stored in the file, and once the
//   store is open (LevelDB's lock held) the store's own record and newest change must still equal
//   it, which a change by another process in between would break;
// - its bytes carry their own SHA-256, so a damaged file is ignored, never half-read.
// What the file holds: the distinct terms (JSON, each once) and, per quad, four term numbers, in
// the store's own order (the order a full read gives).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFactory } from '../rdf/n3.js';
import type { Quad, Term } from '@rdfjs/types';
import { writeFileSafely } from '../writeFile.js';
import type { IntegrityRecord } from './integrity.js';

const { namedNode, blankNode, literal, defaultGraph, quad: makeQuad } = DataFactory;

export const SNAPSHOT_FILE = 'snapshot-cache.bin';
const MAGIC = 'emokb-snapshot-1';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
/** LevelDB's own files: what the store's content lives in. */
const LEVELDB_FILE = /^(CURRENT|MANIFEST-\d+|\d+\.(log|ldb|sst))$/;

interface Header {
  magic: typeof MAGIC;
  /** Fingerprint of the LevelDB files the snapshot was read from (see storeFingerprint). */
  files: string;
  record: IntegrityRecord;
  /** SHA-256 of everything after the header line. */
  body: string;
  /** Byte length of the terms' JSON within the body; the quads' term numbers follow it. */
  termsBytes: number;
}

export interface CachedSnapshot {
  quads: Quad[];
  record: IntegrityRecord;
}

/** SHA-256 over the name, size and bytes of each LevelDB file in `location`, in name order. */
export async function storeFingerprint(location: string): Promise<string> {
  const names = (await readdir(location)).filter((name) => LEVELDB_FILE.test(name)).sort();
  const contents = await Promise.all(names.map((name) => readFile(join(location, name))));
  const hash = createHash('sha256');
  names.forEach((name, i) => hash.update(`${name}\0${contents[i]!.length}\0`).update(contents[i]!));
  return hash.digest('hex');
}

/**
 * The snapshot kept in `location`, when there is one and it was written from LevelDB files exactly
 * like the ones there now; otherwise null (a stale or damaged file is left as it is: it can never
 * match again, and a damaged store's directory is left untouched). Never throws.
 * The caller must still compare `record` with the store's integrity record once it holds the lock.
 */
export async function readSnapshotFile(location: string): Promise<CachedSnapshot | null> {
  const path = join(location, SNAPSHOT_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return null;
  }
  try {
    const headerEnd = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as Header;
    const body = bytes.subarray(headerEnd + 1);
    if (header.magic !== MAGIC || createHash('sha256').update(body).digest('hex') !== header.body) throw new Error('damaged');
    if ((await storeFingerprint(location)) !== header.files) throw new Error('stale');
    const terms = decodeTerms(JSON.parse(body.toString('utf8', 0, header.termsBytes)) as string[]);
    const numbers = body.subarray(header.termsBytes);
    const count = header.record.count;
    if (numbers.length !== count * 16) throw new Error('damaged');
    for (let at = 0; at < numbers.length; at += 4) if (numbers.readUInt32LE(at) >= terms.length) throw new Error('damaged');
    const quads = new Array<Quad>(count);
    for (let i = 0, at = 0; i < count; i++, at += 16) {
      quads[i] = makeQuad(
        terms[numbers.readUInt32LE(at)] as Quad['subject'],
        terms[numbers.readUInt32LE(at + 4)] as Quad['predicate'],
        terms[numbers.readUInt32LE(at + 8)] as Quad['object'],
        terms[numbers.readUInt32LE(at + 12)] as Quad['graph'],
      );
    }
    return { quads, record: header.record };
  } catch {
    return null;
  }
}

/**
 * Writes the snapshot of the (closed) store in `location`: `quads` in the store's order, whose
 * integrity hash the caller has checked equals `record`. Best effort: after a failure (a read-only
 * directory, a full disk) the next open reads the store.
 */
export async function writeSnapshotFile(location: string, quads: readonly Quad[], record: IntegrityRecord): Promise<void> {
  try {
    const ids = new Map<Term, number>();
    const texts: string[] = [];
    const numbers = Buffer.allocUnsafe(quads.length * 16);
    const id = (term: Term): number => {
      let n = ids.get(term);
      if (n === undefined) {
        n = ids.size;
        ids.set(term, n);
        texts.push(encodeTerm(term));
      }
      return n;
    };
    quads.forEach((q, i) => {
      numbers.writeUInt32LE(id(q.subject), i * 16);
      numbers.writeUInt32LE(id(q.predicate), i * 16 + 4);
      numbers.writeUInt32LE(id(q.object), i * 16 + 8);
      numbers.writeUInt32LE(id(q.graph), i * 16 + 12);
    });
    const terms = Buffer.from(JSON.stringify(texts), 'utf8');
    const body = Buffer.concat([terms, numbers]);
    const header: Header = {
      magic: MAGIC,
      files: await storeFingerprint(location),
      record,
      body: createHash('sha256').update(body).digest('hex'),
      termsBytes: terms.length,
    };
    await writeFileSafely(join(location, SNAPSHOT_FILE), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
  } catch {
    // nothing kept: an older file, if any, names other files and is never used
  }
}

/** One string per term: a type letter, then its parts (a literal's language or datatype first, NUL, its value). */
function encodeTerm(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `N${term.value}`;
    case 'BlankNode':
      return `B${term.value}`;
    case 'DefaultGraph':
      return 'G';
    case 'Literal':
      if (term.language) return `L${term.language}\0${term.value}`;
      if (term.datatype.value === XSD_STRING) return `S${term.value}`;
      return `D${term.datatype.value}\0${term.value}`;
    default:
      throw new Error(`cannot keep a ${term.termType} in the snapshot file`);
  }
}

function decodeTerms(texts: string[]): Term[] {
  return texts.map((text) => {
    const body = text.slice(1);
    switch (text[0]) {
      case 'N':
        return namedNode(body);
      case 'B':
        return blankNode(body);
      case 'G':
        return defaultGraph();
      case 'S':
        return literal(body);
      case 'L':
      case 'D': {
        const cut = body.indexOf('\0');
        const head = body.slice(0, cut);
        return literal(body.slice(cut + 1), text[0] === 'L' ? head : namedNode(head));
      }
      default:
        throw new Error('damaged');
    }
  });
}
