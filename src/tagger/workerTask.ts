// What a worker thread does with one batch: the tagger is built once per thread from the compiled
// lexicon the main thread sent as workerData (no RDF parsing, no store access in workers).
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { LexiconData } from '../lexicon/types.js';
import { tagBatch, type BatchOutput, type BatchTask } from './batch.js';
import { Tagger } from './Tagger.js';
import { useWinkDataSnapshot } from '../text/wordForms.js';

const data = workerData as { lexicon: LexiconData; winkData?: string };
// The lemmatiser's data, parsed from JSON instead of compiled from its modules (see wordForms.ts).
if (data.winkData !== undefined) useWinkDataSnapshot(data.winkData);
data.winkData = undefined;
const tagger = Tagger.fromData(data.lexicon);

export default function run(task: BatchTask): BatchOutput {
  const result = tagBatch(tagger, task);
  // The output bytes are moved to the main thread, not copied (the buffer is the main thread's
  // from then on; it hands it back with a later task for reuse).
  return move({ [transferableSymbol]: [result.bytes.buffer], [valueSymbol]: result }) as unknown as BatchOutput;
}
