// A tighter heap while a new store is seeded. Seeding makes a lot of short-lived but not
// young-dying garbage (the 96,000 N-Triples lines of the change and of the store's delta, their
// maps, the deflater's chunks): it survives two scavenges, is promoted, and V8 lets the old space
// grow to about four times what was live at its last full collection before it collects again. At
// the first start's peak (inside the seed's commit) the heap held about 190 MB of which about 60
// MB was live, and the process peaked at ~300 MB resident (bench/startup.mjs).
//
// V8's `--heap-growing-percent` replaces that factor; it is read at every full collection, so it
// can be set for the seed alone and put back (0: V8's own heuristic) afterwards, leaving every
// other command, the tagger's included, as it was. Measured on this 2-core machine under load from
// seven other sessions (`node bench/startup.mjs`, first start): peak resident ~300 MB -> ~245-265
// MB with 50 %, for a few more full collections of a heap that is small then (tens of ms each).
import { setFlagsFromString } from 'node:v8';

/** The old space may grow by this percentage over the live size before the next full collection. */
const SEED_HEAP_GROWING_PERCENT = 50;

/** Runs `seed` with the tighter heap growth, restoring V8's own heuristic afterwards, also on failure. */
export async function withSeedHeap<T>(seed: () => Promise<T>): Promise<T> {
  setFlagsFromString(`--heap-growing-percent=${SEED_HEAP_GROWING_PERCENT}`);
  try {
    return await seed();
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
}
