// `emokb tag --scheme` and `--output-format onyx|emotionml` end to end through the real CLI: the
// Onyx lines expanded by jsonld.js and checked for their terms, the EmotionML validated against
// the W3C schema (schemas/emotionml/) with xmllint (Debian's libxml2-utils, installed by scripts/test-tools.sh, which `npm test` runs first).
import { spawnSync } from 'node:child_process';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

let dir: string;
let data: string;
let input: string;
const TEXTS = ['I am furious and disgusted', 'I love you', 'the table is brown', 'I am so scared & sad <3 "--"'];
beforeAll(async () => {
  dir = await tempDir('emokb-formats-');
  data = join(dir, 'data');
  expect((await runCli(['--data', data, 'stats', '--json'])).code).toBe(0);
  input = join(dir, 'in.txt');
  await writeFile(input, `${TEXTS.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tag = (...args: string[]) => runCli(['--data', data, 'tag', '-q', ...args]);
const lines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);

const ONYX = 'http://www.gsi.dit.upm.es/ontologies/onyx/ns#';
const NIF = 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#';
const PROV = 'http://www.w3.org/ns/prov#';

function validateEmotionMl(xml: string): { ok: boolean; message: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', join(ROOT, 'schemas/emotionml/emotionml.xsd'), '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (r.error) throw new Error(`xmllint is needed (Debian: apt-get install libxml2-utils): ${r.error.message}`);
  return { ok: r.status === 0, message: r.stderr };
}

describe('emokb tag --scheme', () => {
  it('answers in the scheme, in worker threads too, each label with its IRI', async () => {
    const r = await tag(input, '--scheme', 'ekman', '--workers', '2', '--no-matches');
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.dominant)).toEqual(['disgust', null, null, 'fear']);
    expect(out[0]).toMatchObject({ id: 1, scheme: 'ekman', unmapped: 0 });
    expect(Object.keys(out[0]!.scores).sort()).toEqual(['anger', 'disgust']);
    expect(out[0]!.categories.map((c: any) => c.iri).sort()).toEqual([
      'https://w3id.org/emokb/scheme/ekman/anger',
      'https://w3id.org/emokb/scheme/ekman/disgust',
    ]);
    expect(out[1]).toMatchObject({ dominant: null, scores: {}, unmapped: 1 }); // love: no Ekman counterpart
  });

  it('refuses an unknown scheme, and --tiers with a scheme, naming the option', async () => {
    const bad = await tag(input, '--scheme', 'parrot');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--scheme.*"parrot" is not one of ekman, plutchik, goemotions, emotionml-big6/);
    expect(bad.stdout).toBe('');
    const tiers = await tag(input, '--scheme', 'ekman', '--tiers', 'primary');
    expect(tiers.code).not.toBe(0);
    expect(tiers.stderr).toMatch(/--tiers/);
  });
});

describe('emokb tag --output-format', () => {
  it('jsonl is the default contract, byte for byte', async () => {
    const plain = await tag(input);
    const explicit = await tag(input, '--output-format', 'jsonl');
    expect(explicit.stdout).toBe(plain.stdout);
    expect(lines(plain.stdout)[0]!.dominant.primary).toBe('anger');
  });

  it('onyx: one JSON-LD document a line, expanding to an onyx:EmotionSet with emokb emotion IRIs and intensities', async () => {
    const r = await tag(input, '--output-format', 'onyx', '--workers', '2');
    expect(r.code).toBe(0);
    const docs = lines(r.stdout);
    expect(docs).toHaveLength(TEXTS.length);
    const [entry] = (await jsonld.expand(docs[0]!)) as any[];
    expect(entry['@type']).toEqual([`${NIF}Context`]);
    expect(entry[`${NIF}isString`][0]['@value']).toBe(TEXTS[0]);
    const [set] = entry[`${ONYX}hasEmotionSet`];
    expect(set['@type']).toEqual([`${ONYX}EmotionSet`]);
    const [activity] = set[`${PROV}wasGeneratedBy`];
    expect(activity['@type']).toContain(`${ONYX}EmotionAnalysis`);
    expect(activity[`${ONYX}usesEmotionModel`][0]['@id']).toBe('https://w3id.org/emokb/ontology');
    const emotions = set[`${ONYX}hasEmotion`].map((e: any) => ({
      type: e['@type'][0],
      category: e[`${ONYX}hasEmotionCategory`][0]['@id'],
      intensity: e[`${ONYX}hasEmotionIntensity`][0]['@value'],
    }));
    expect(emotions).toContainEqual({ type: `${ONYX}Emotion`, category: 'https://w3id.org/emokb/emotion/anger-primary', intensity: 1 });
    expect(
      emotions.every((e: any) => e.category.startsWith('https://w3id.org/emokb/emotion/') && e.intensity > 0 && e.intensity <= 1),
    ).toBe(true);
    // A text with no emotion: an empty set, still a valid document.
    const [none] = (await jsonld.expand(docs[2]!)) as any[];
    expect(none[`${ONYX}hasEmotionSet`][0][`${ONYX}hasEmotion`] ?? []).toEqual([]);
  });

  it('onyx with a scheme points at the scheme concepts and names the scheme as the model', async () => {
    const r = await tag(input, '--output-format', 'onyx', '--scheme', 'plutchik');
    const [entry] = (await jsonld.expand(lines(r.stdout)[0]!)) as any[];
    const [set] = entry[`${ONYX}hasEmotionSet`];
    expect(set[`${PROV}wasGeneratedBy`][0][`${ONYX}usesEmotionModel`][0]['@id']).toBe('https://w3id.org/emokb/scheme/plutchik');
    expect(set[`${ONYX}hasEmotion`].map((e: any) => e[`${ONYX}hasEmotionCategory`][0]['@id']).sort()).toEqual([
      'https://w3id.org/emokb/scheme/plutchik/anger',
      'https://w3id.org/emokb/scheme/plutchik/disgust',
    ]);
  });

  it('emotionml: one document that validates against the W3C schema, in Parrott tiers and in every scheme', async () => {
    for (const extra of [[], ['--scheme', 'ekman'], ['--scheme', 'emotionml-big6'], ['--scheme', 'goemotions'], ['--scheme', 'plutchik']]) {
      const r = await tag(input, '--output-format', 'emotionml', '--workers', '2', '--batch-lines', '1', ...extra);
      expect(r.code).toBe(0);
      expect(validateEmotionMl(r.stdout)).toEqual({ ok: true, message: expect.stringContaining('validates') });
      expect(r.stdout.match(/<emotionml /g)).toHaveLength(1);
    }
    const parrott = (await tag(input, '--output-format', 'emotionml')).stdout;
    expect(parrott).toContain('<vocabulary type="category" id="parrott-primary">');
    expect(parrott).toContain(
      '<emotion category-set="#parrott-primary"><info><emokb:text id="1"/></info><category name="anger" value="1"/></emotion>',
    );
    expect(parrott).toContain('<emokb:emotion iri="https://w3id.org/emokb/emotion/anger-primary"/>');
    expect(parrott).toContain('<!-- id 3: no emotion found -->');
    const big6 = (await tag(input, '--output-format', 'emotionml', '--scheme', 'emotionml-big6')).stdout;
    expect(big6).toContain('<emotion category-set="http://www.w3.org/TR/emotion-voc/xml#big6">');
  });

  it('emotionml: the validation is real (a repeated category fails it), and a malformed line is a comment', async () => {
    const r = await tag(input, '--output-format', 'emotionml');
    const broken = r.stdout.replace(
      '<category name="anger" value="1"/>',
      '<category name="anger" value="1"/><category name="anger" value="1"/>',
    );
    expect(validateEmotionMl(broken).ok).toBe(false);
    const jsonl = join(dir, 'in.jsonl');
    await writeFile(jsonl, '{"id": "a--b", "text": "I am afraid"}\nnot json\n');
    const withError = await tag(jsonl, '--output-format', 'emotionml');
    expect(withError.code).toBe(0);
    expect(withError.stdout).toMatch(/<!-- line 2: not valid JSON/);
    expect(withError.stdout).toContain('<emokb:text id="a--b"/>');
    expect(validateEmotionMl(withError.stdout).ok).toBe(true);
  });

  it('refuses an unknown format and --per-sentence outside JSON Lines', async () => {
    const bad = await tag(input, '--output-format', 'xml');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--output-format: "xml" is not one of jsonl, onyx, emotionml/);
    const sentences = await tag(input, '--output-format', 'onyx', '--per-sentence');
    expect(sentences.code).not.toBe(0);
    expect(sentences.stderr).toMatch(/--per-sentence/);
  });
});
