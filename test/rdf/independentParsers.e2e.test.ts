// Every export format and a CONSTRUCT answer, read by tools that share no code with emokb: Raptor's
// `rapper` (C; Turtle and N-Triples) and Python's rdflib (Turtle, N-Triples, JSON-LD), both from
// Debian (raptor2-utils, python3-rdflib; scripts/test-tools.sh installs them). Each must parse the
// file and count the same triples as the store holds: a serializer that dropped, merged or garbled
// a triple would show here, where N3.js, which the store also uses, might read its own mistakes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const PYTHON = '/usr/bin/python3';
let dir: string;
let triples: number;

function tool(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`${command} is needed (Debian: raptor2-utils, python3-rdflib; scripts/test-tools.sh): ${r.error.message}`);
  expect(r.status, `${command} ${args.join(' ')}: ${r.stderr.slice(0, 2000)}`).toBe(0);
  return r.stdout + r.stderr;
}

/** rapper's count: it prints "Parsing returned N triples" on standard error. */
function rapperCount(file: string, syntax: 'turtle' | 'ntriples'): number {
  const out = tool('rapper', ['-i', syntax, '-c', file]);
  return Number(/returned (\d+) triples/.exec(out)?.[1]);
}

function rdflibCount(file: string, format: 'turtle' | 'nt' | 'json-ld'): number {
  const script = 'import sys, rdflib; g = rdflib.Graph(); g.parse(sys.argv[1], format=sys.argv[2]); print(len(g))';
  return Number(tool(PYTHON, ['-c', script, file, format]).trim());
}

beforeAll(async () => {
  dir = await tempDir('emokb-parsers-');
  const env = { EMOKB_DATA: join(dir, 'store') };
  for (const format of ['turtle', 'ntriples', 'jsonld']) {
    const r = await runCli(['export', '--format', format, '-o', join(dir, `kb.${format}`)], { env });
    expect(r.code, r.stderr).toBe(0);
  }
  const stats = await runCli(['stats', '--json'], { env });
  expect(stats.code, stats.stderr).toBe(0);
  triples = JSON.parse(stats.stdout).triples;
  const construct = await runCli(
    [
      'sparql',
      '--format',
      'turtle',
      'PREFIX skos: <http://www.w3.org/2004/02/skos/core#> CONSTRUCT { ?e skos:broader ?p ; skos:prefLabel ?l } WHERE { ?e skos:broader ?p ; skos:prefLabel ?l }',
    ],
    { env },
  );
  expect(construct.code, construct.stderr).toBe(0);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(dir, 'construct.ttl'), construct.stdout);
}, 240_000);

describe('exports read by independent parsers', () => {
  it('Raptor reads the Turtle and N-Triples exports as every triple of the store', () => {
    expect(triples).toBeGreaterThan(90_000);
    expect(rapperCount(join(dir, 'kb.turtle'), 'turtle')).toBe(triples);
    expect(rapperCount(join(dir, 'kb.ntriples'), 'ntriples')).toBe(triples);
  });

  it('rdflib reads the Turtle, N-Triples and JSON-LD exports as every triple of the store', () => {
    expect(rdflibCount(join(dir, 'kb.turtle'), 'turtle')).toBe(triples);
    expect(rdflibCount(join(dir, 'kb.ntriples'), 'nt')).toBe(triples);
    expect(rdflibCount(join(dir, 'kb.jsonld'), 'json-ld')).toBe(triples);
  }, 240_000);

  it('both read a CONSTRUCT answer as one broader and one label triple per emotion below the primaries', () => {
    const below = 25 + 135;
    expect(rapperCount(join(dir, 'construct.ttl'), 'turtle')).toBe(2 * below);
    expect(rdflibCount(join(dir, 'construct.ttl'), 'turtle')).toBe(2 * below);
  });
});
