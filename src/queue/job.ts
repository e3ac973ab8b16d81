// A bulk tagging job on the queue: what is recorded with it, where its parts live in Redis, and
// the two atomic steps that make a chunk's result idempotent. One BullMQ job per chunk carries only
// references (job id, chunk index, first line); the text and the results are plain Redis values
// under keys fixed by (job, chunk), so a chunk tagged twice (a worker killed after storing, before
// acknowledging) writes the same bytes to the same key once, and nothing is appended.
//
//   emokb:job:ID           hash: spec (JSON), kb, created, chunks (enqueued), total (once
//                          sealed), lines, bytes, pending (bytes held: text not yet tagged plus
//                          results not yet collected), doneBytes, doneAt, collected, refused
//   emokb:job:ID:in:I      the chunk's input lines, raw bytes (deleted once tagged)
//   emokb:job:ID:out:I     the chunk's output bytes (deleted once collected)
//   emokb:job:ID:res       hash I -> the chunk's counts (errors, skipped, stoppedAt) as JSON
//   emokb:job:ID:done      bitmap: bit I set once chunk I's output is stored
//   emokb:job:ID:failed    hash I -> why chunk I failed after its last try
//   emokb:job:ID:submitter the submitter's heartbeat (expires when it stops)
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { LexiconData } from '../lexicon/types.js';
import type { InputFormat } from '../tagger/batch.js';
import type { ResolvedOptions } from '../tagger/options.js';
import type { OutputFormat } from '../tagger/outputFormat.js';

/** How the job's lines are tagged: the `emokb tag` options, resolved once by the submitter. */
export interface JobSpec {
  format: InputFormat;
  textField: string;
  idField: string;
  strict: boolean;
  options: ResolvedOptions;
  outputFormat: OutputFormat;
  maxLineBytes: number;
  /** The output's frame (EmotionML's document element), written by `collect` around the records. */
  head: string;
  tail: string;
  /** Tries per chunk (BullMQ `attempts`). */
  attempts: number;
}

/** What each chunk's BullMQ job carries (the text is at `in:I`). */
export interface ChunkData {
  job: string;
  index: number;
  firstLine: number;
  lines: number;
  overlong: number[];
}

/** A chunk's counts, stored beside its output (see BatchOutput). */
export interface ChunkResult {
  errors: number;
  notText: number;
  skipped: number;
  stoppedAt?: { line: number; message: string };
}

export const keys = (id: string) => ({
  meta: `emokb:job:${id}`,
  input: (i: number) => `emokb:job:${id}:in:${i}`,
  output: (i: number) => `emokb:job:${id}:out:${i}`,
  results: `emokb:job:${id}:res`,
  done: `emokb:job:${id}:done`,
  failed: `emokb:job:${id}:failed`,
  submitter: `emokb:job:${id}:submitter`,
  /** BullMQ's id of chunk I (its ids cannot hold ':'). */
  chunkJob: (i: number) => `${id}-${i}`,
});

/** Job ids: 12 hex digits (what `submit` prints); anything else is no job of ours. */
export const JOB_ID = /^[0-9a-f]{12}$/;

/**
 * The knowledge base version a job is tagged with: emokb's version and a hash of the compiled
 * lexicon (what the tagger reads; the store's change number left out, so two stores with the same
 * content agree). A worker whose version differs would give other output for the same lines.
 */
export function kbVersion(lexicon: LexiconData, emokbVersion: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...lexicon, version: 0 }))
    .digest('hex');
  return `emokb ${emokbVersion}, lexicon ${hash.slice(0, 16)}`;
}

// Stores chunk I's output once: the done bit is the guard, so a second run of the same chunk (or a
// run after `collect` deleted the job) changes nothing. Returns 1 when stored, 0 when already
// done, -1 when the job is gone. KEYS: meta in out done results; ARGV: index output result-json.
const FINISH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('GETBIT', KEYS[4], ARGV[1]) == 1 then return 0 end
local inLen = redis.call('STRLEN', KEYS[2])
redis.call('SET', KEYS[3], ARGV[2])
redis.call('HSET', KEYS[5], ARGV[1], ARGV[3])
redis.call('SETBIT', KEYS[4], ARGV[1], 1)
redis.call('DEL', KEYS[2])
redis.call('HINCRBY', KEYS[1], 'pending', string.len(ARGV[2]) - inLen)
redis.call('HINCRBY', KEYS[1], 'doneBytes', inLen)
local t = redis.call('TIME')
redis.call('HSET', KEYS[1], 'doneAt', t[1] * 1000 + math.floor(t[2] / 1000))
return 1
`;

// Records a chunk's last failure (its text is dropped: it will not be tried again). KEYS: meta in
// done failed; ARGV: index message.
const FAIL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('GETBIT', KEYS[3], ARGV[1]) == 1 then return 0 end
redis.call('HINCRBY', KEYS[1], 'pending', -redis.call('STRLEN', KEYS[2]))
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2])
return 1
`;

export async function finishChunk(redis: Redis, id: string, index: number, output: Uint8Array, result: ChunkResult): Promise<number> {
  const k = keys(id);
  return (await redis.eval(
    FINISH,
    5,
    k.meta,
    k.input(index),
    k.output(index),
    k.done,
    k.results,
    index,
    Buffer.from(output.buffer, output.byteOffset, output.byteLength),
    JSON.stringify(result),
  )) as number;
}

export async function failChunk(redis: Redis, id: string, index: number, message: string): Promise<number> {
  const k = keys(id);
  return (await redis.eval(FAIL, 4, k.meta, k.input(index), k.done, k.failed, index, message)) as number;
}

/** A job's record as status and collect read it. */
export interface JobState {
  spec: JobSpec;
  kb: string;
  created: number;
  /** Chunks enqueued so far, and the count once the submitter has enqueued everything. */
  chunks: number;
  total: number | undefined;
  lines: number;
  bytes: number;
  pending: number;
  doneBytes: number;
  doneAt: number | undefined;
  collected: number;
  collectedBytes: number;
  /** A worker with another knowledge base version that left chunks for others (what it said). */
  refused: string | undefined;
  /** Whether the submitter's heartbeat is alive (false once it has finished, too). */
  submitterAlive: boolean;
}

/** The job's record, or undefined when there is no such job (never submitted, or collected and deleted). */
export async function readJob(redis: Redis, id: string): Promise<JobState | undefined> {
  if (!JOB_ID.test(id)) return undefined;
  const k = keys(id);
  const [meta, alive] = await Promise.all([redis.hgetall(k.meta), redis.exists(k.submitter)]);
  if (!meta.spec) return undefined;
  const n = (v: string | undefined) => (v === undefined ? 0 : Number(v));
  return {
    spec: JSON.parse(meta.spec) as JobSpec,
    kb: meta.kb ?? '',
    created: n(meta.created),
    chunks: n(meta.chunks),
    total: meta.total === undefined ? undefined : Number(meta.total),
    lines: n(meta.lines),
    bytes: n(meta.bytes),
    pending: n(meta.pending),
    doneBytes: n(meta.doneBytes),
    doneAt: meta.doneAt === undefined ? undefined : Number(meta.doneAt),
    collected: n(meta.collected),
    collectedBytes: n(meta.collectedBytes),
    refused: meta.refused,
    submitterAlive: alive === 1,
  };
}

/** Chunks done (output stored) and failed, by index. */
export async function chunkCounts(redis: Redis, id: string): Promise<{ done: number; failed: Map<number, string> }> {
  const k = keys(id);
  const [done, failed] = await Promise.all([redis.bitcount(k.done), redis.hgetall(k.failed)]);
  return { done, failed: new Map(Object.entries(failed).map(([i, m]) => [Number(i), m])) };
}
