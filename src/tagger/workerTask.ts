// What a worker thread does with one batch: the tagger is built once per thread from the compiled
// lexicon the main thread sent as workerData (no RDF parsing, no store access in workers).
import { workerData } from 'piscina';
import type { LexiconData } from '../lexicon/LexiconIndex.js';
import { tagBatch, type BatchOutput, type BatchTask } from './batch.js';
import { Tagger } from './Tagger.js';

const tagger = Tagger.fromData((workerData as { lexicon: LexiconData }).lexicon);

const encoder = new TextEncoder();

export default function run(task: BatchTask): BatchOutput {
  const result = tagBatch(tagger, task);
  // Hand the output back as UTF-8 bytes: cloning a byte array is a plain copy, and the main thread
  // then writes it without encoding a string.
  return { ...result, output: '', bytes: encoder.encode(result.output) };
}
