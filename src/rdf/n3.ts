// n3's data factory, parser and writer, each loaded from its own file. n3's index also loads its
// store, reasoner and stream parser and writer, and with them readable-stream (about 40 files in
// all): 107-218 ms against 19-29 ms for these three, under load from other sessions, on the path of
// every start of `emokb serve` and of every command. The classes are the same objects either way
// (one file, one module instance), so terms made here and by n3's index are interchangeable. Code
// that needs n3's Store, or its stream classes, imports 'n3' itself.
import { createRequire } from 'node:module';
import type * as N3 from 'n3';

const require = createRequire(import.meta.url);

export const DataFactory = (require('n3/lib/N3DataFactory.js') as { default: typeof N3.DataFactory }).default;
export const Parser = (require('n3/lib/N3Parser.js') as { default: typeof N3.Parser }).default;
export const Writer = (require('n3/lib/N3Writer.js') as { default: typeof N3.Writer }).default;
