// Edits of the vocabulary: add a term (or a further sense of it), remove it or one of its senses,
// change a sense's weight, or move a sense to another emotion. Terms are OntoLex-lemon entries
// built by src/kb/termQuads.ts, the same module the vocabulary pipeline uses.
//
// A term is found by its text (and part of speech): the entry IRI is derived from them. Without a
// part of speech, the one entry of that text is meant whatever its part of speech; with several,
// the part of speech must be given. Adding a sense by hand marks the entry accepted: a curator's
// manual add is a review decision.
import { DataFactory } from '../rdf/n3.js';
import type { Quad, Term } from '@rdfjs/types';
import { EmokbError, fieldError } from '../errors.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import {
  entryIri,
  entryQuads,
  normaliseLemma,
  PARTS_OF_SPEECH,
  senseIri,
  senseQuads,
  weightLiteral,
  type PartOfSpeech,
} from '../kb/termQuads.js';
import { EMO, LEXICON_BASE, ONTOLEX } from '../rdf/namespaces.js';
import { quadKey } from '../rdf/turtle.js';
import type { EditRequest } from './EditRequest.js';
import { activityQuads, editActivity } from '../kb/activities.js';
import { arg, badInput, conflict, named, resolveEmotion, type EditContext, type EditPlan } from './EditPlan.js';
import { GraphView } from '../kb/GraphView.js';
import { isA, lemmaOf } from './removal.js';
import { unreadCharacters } from '../lexicon/keys.js';
import { EMOTICON_FORMS } from '../text/symbols.js';

/** The ASCII faces the tokenizer reads, for the refusal of a term it would not read whole. */
const FACES = EMOTICON_FORMS.join(' ');

const { namedNode, quad } = DataFactory;
type Req<K extends EditRequest['kind']> = Extract<EditRequest, { kind: K }>;

interface Sense {
  iri: string;
  emotion: string;
  weight: string;
}

export function planTermAdd(kb: KnowledgeBase, req: Req<'term-add'>, ctx: EditContext): EditPlan {
  const emotion = resolveEmotion(kb, req.emotion, 'emotion');
  const view = GraphView.of(kb);
  const lemma = normaliseLemma(req.text);
  // The tagger reads a term by its key: a character that no word, emoji or face it reads takes in
  // would be silently dropped (":P" would make the letter "p" an emotion word).
  const unread = unreadCharacters(lemma);
  if (unread) {
    throw badInput(
      'text',
      `the tagger would not read "${unread}" of "${lemma}": it reads words, emoji and the faces ${FACES}; give the term as written in text, without it`,
      { unread },
    );
  }
  const weight = req.weight ?? 1;
  const existing = req.pos ? existingEntries(view, lemma, req.pos) : existingEntries(view, lemma);
  if (existing.length > 1) throw ambiguousTerm(view, lemma, existing);
  const entry = existing[0] ?? entryIri(lemma, req.pos);
  // The edit is a prov:Activity of its own, named by its time (kb/activities.ts).
  const activity = editActivity('edit', ctx.time).value;
  const provenance = { method: 'manual', author: ctx.author, time: ctx.time, activity };
  const sense = senseQuads({ entry, emotion: emotion.iri, weight, kind: req.evokes ? 'evokes' : 'names', provenance });
  sense.push(...activityQuads(sense));
  const add: Quad[] = [];
  const remove: Quad[] = [];
  if (existing.length) {
    const already = senses(view, entry).find((s) => s.emotion === emotion.iri);
    if (already) {
      throw conflict(
        `text: the term "${lemmaOf(view, entry)}" already has a sense for ${named(emotion)} (weight ${already.weight}); use \`term reweight\` or \`term move\``,
        { entry },
      );
    }
    if (view.mentions(senseIri(entry, emotion.iri))) throw conflict(`text: ${senseIri(entry, emotion.iri)} is already in use`);
    // Accepted by the curator: replace a candidate or rejected status.
    remove.push(...view.out(entry, EMO.status));
    add.push(quad(namedNode(entry), EMO.status, EMO.Accepted), ...sense);
  } else {
    add.push(...entryQuads({ lemma, pos: req.pos, status: 'accepted' }), ...sense);
  }
  return {
    add,
    remove,
    subject: entry,
    summary: `add term "${lemma}"${req.pos ? ` (${req.pos})` : ''} ${req.evokes ? 'evoking' : 'naming'} ${named(emotion)}, weight ${weightLiteral(weight).value}`,
    command: `term add ${arg(lemma)} --emotion ${emotion.id}${req.weight !== undefined ? ` --weight ${weightLiteral(weight).value}` : ''}${req.pos ? ` --pos ${req.pos}` : ''}${req.evokes ? ' --evokes' : ''}`,
    details: [`entry ${entry}${existing.length ? ' (existing; a sense is added)' : ''}`],
  };
}

export function planTermRemove(kb: KnowledgeBase, req: Req<'term-remove'>): EditPlan {
  const view = GraphView.of(kb);
  const entry = findEntry(view, req.text, req.pos);
  const lemma = lemmaOf(view, entry);
  const all = senses(view, entry);
  if (req.emotion) {
    const sense = pickSense(kb, view, entry, all, req.emotion);
    if (all.length > 1) {
      return {
        add: [],
        remove: nodeQuads(view, [sense.iri]),
        subject: entry,
        summary: `remove the sense of term "${lemma}" for ${describeEmotion(kb, sense.emotion)}`,
        command: `term remove ${arg(lemma)}${req.pos ? ` --pos ${req.pos}` : ''} --emotion ${idOf(kb, sense.emotion)}`,
        details: [
          `the term keeps its sense(s) for ${all
            .filter((s) => s !== sense)
            .map((s) => idOf(kb, s.emotion))
            .join(', ')}`,
        ],
      };
    }
  }
  const forms = [ONTOLEX.canonicalForm, ONTOLEX.otherForm].flatMap((p) => view.objects(entry, p).map((t) => t.value));
  return {
    add: [],
    remove: nodeQuads(view, [entry, ...forms, ...all.map((s) => s.iri)]),
    subject: entry,
    summary: `remove term "${lemma}"`,
    command: `term remove ${arg(lemma)}${req.pos ? ` --pos ${req.pos}` : ''}${req.emotion ? ` --emotion ${req.emotion}` : ''}`,
    details: [
      `entry ${entry} with its sense(s) for ${all.map((s) => idOf(kb, s.emotion)).join(', ')}${req.emotion ? ' (that was its only sense, so the entry goes)' : ''}`,
    ],
  };
}

export function planTermReweight(kb: KnowledgeBase, req: Req<'term-reweight'>): EditPlan {
  const view = GraphView.of(kb);
  const entry = findEntry(view, req.text, req.pos);
  const lemma = lemmaOf(view, entry);
  const sense = pickSense(kb, view, entry, senses(view, entry), req.emotion);
  const weight = weightLiteral(req.weight);
  if (Number(sense.weight) === req.weight)
    throw conflict(`weight: the sense of "${lemma}" for ${describeEmotion(kb, sense.emotion)} already has weight ${sense.weight}`);
  return {
    add: [quad(namedNode(sense.iri), EMO.weight, weight)],
    remove: view.out(sense.iri, EMO.weight),
    subject: entry,
    summary: `reweight term "${lemma}" for ${describeEmotion(kb, sense.emotion)}: ${sense.weight} -> ${weight.value}`,
    command: `term reweight ${arg(lemma)}${req.pos ? ` --pos ${req.pos}` : ''} --emotion ${idOf(kb, sense.emotion)} --weight ${weight.value}`,
    details: [],
  };
}

/** Moves a sense to another emotion: the sense IRI follows the emotion, its data is kept. */
export function planTermMove(kb: KnowledgeBase, req: Req<'term-move'>): EditPlan {
  const view = GraphView.of(kb);
  const entry = findEntry(view, req.text, req.pos);
  const lemma = lemmaOf(view, entry);
  const all = senses(view, entry);
  const sense = pickSense(kb, view, entry, all, req.emotion);
  const target = resolveEmotion(kb, req.to, 'to');
  if (target.iri === sense.emotion) throw conflict(`to: the sense of "${lemma}" already points at ${named(target)}`);
  const clash = all.find((s) => s.emotion === target.iri);
  if (clash) {
    throw conflict(
      `to: the term "${lemma}" already has a sense for ${named(target)} (weight ${clash.weight}); remove this one instead with \`term remove ${arg(lemma)} --emotion ${idOf(kb, sense.emotion)}\``,
    );
  }
  const moved = namedNode(senseIri(entry, target.iri));
  if (view.mentions(moved.value)) throw conflict(`to: ${moved.value} is already in use`);
  const old = nodeQuads(view, [sense.iri]);
  const rename = (t: Term) => (t.value === sense.iri ? moved : t);
  const add = old.map((q) =>
    q.predicate.value === ONTOLEX.reference.value && q.subject.value === sense.iri
      ? quad(moved, ONTOLEX.reference, namedNode(target.iri))
      : quad(rename(q.subject) as Quad['subject'], q.predicate, rename(q.object) as Quad['object']),
  );
  return {
    add,
    remove: old,
    subject: entry,
    summary: `move the sense of term "${lemma}" from ${describeEmotion(kb, sense.emotion)} to ${named(target)}`,
    command: `term move ${arg(lemma)}${req.pos ? ` --pos ${req.pos}` : ''} --emotion ${idOf(kb, sense.emotion)} --to ${target.id}`,
    details: [`sense ${sense.iri} -> ${moved.value}`],
  };
}

/** Entries of this text: the one with this part of speech, or without one any of them. */
function existingEntries(view: GraphView, lemma: string, pos?: PartOfSpeech): string[] {
  const candidates = pos ? [entryIri(lemma, pos)] : [entryIri(lemma), ...PARTS_OF_SPEECH.map((p) => entryIri(lemma, p))];
  return candidates.filter((iri) => isA(view, iri, ONTOLEX.LexicalEntry));
}

/** The one entry meant by `text` (its text, or its IRI / `lex:` name) and `pos`. */
export function findEntry(view: GraphView, text: string, pos?: PartOfSpeech): string {
  const direct = text.startsWith(LEXICON_BASE) ? text : text.startsWith('lex:') ? LEXICON_BASE + text.slice(4) : undefined;
  if (direct) {
    if (!isA(view, direct, ONTOLEX.LexicalEntry)) throw fieldError('NOT_FOUND', 'text', `no term ${direct}`);
    return direct;
  }
  const lemma = normaliseLemma(text);
  const found = existingEntries(view, lemma, pos);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw ambiguousTerm(view, lemma, found);
  const other = pos ? existingEntries(view, lemma) : [];
  const hint = other.length ? `; it exists as ${other.map((e) => posOf(view, e) ?? 'without a part of speech').join(', ')}` : '';
  throw fieldError('NOT_FOUND', 'text', `no term "${lemma}"${pos ? ` with part of speech ${pos}` : ''}${hint}`, { text: lemma });
}

function ambiguousTerm(view: GraphView, lemma: string, entries: string[]): EmokbError {
  return fieldError(
    'AMBIGUOUS_LABEL',
    'text',
    `"${lemma}" is ${entries.length} terms (${entries.map((e) => posOf(view, e) ?? 'no part of speech').join(', ')}); give --pos`,
    { candidates: entries },
  );
}

function posOf(view: GraphView, entry: string): string | undefined {
  // The reviewed part of speech, the one of the IRI (a default for RDF tools is none: kb/entryClass.ts).
  return PARTS_OF_SPEECH.find((p) => entry.endsWith(`-${p}`));
}

function senses(view: GraphView, entry: string): Sense[] {
  return view.objects(entry, ONTOLEX.sense).map((t) => ({
    iri: t.value,
    emotion: view.objects(t.value, ONTOLEX.reference)[0]?.value ?? '',
    weight: view.objects(t.value, EMO.weight)[0]?.value ?? '?',
  }));
}

/** The sense for `emotion`, or the only sense when no emotion is given. */
function pickSense(kb: KnowledgeBase, view: GraphView, entry: string, all: Sense[], emotion?: string): Sense {
  const lemma = lemmaOf(view, entry);
  if (emotion) {
    const e = resolveEmotion(kb, emotion, 'emotion');
    const sense = all.find((s) => s.emotion === e.iri);
    if (!sense) {
      throw fieldError(
        'NOT_FOUND',
        'emotion',
        `the term "${lemma}" has no sense for ${named(e)}; its senses: ${all.map((s) => idOf(kb, s.emotion)).join(', ')}`,
      );
    }
    return sense;
  }
  if (all.length === 1) return all[0]!;
  throw badInput(
    'emotion',
    `the term "${lemma}" has ${all.length} senses (${all.map((s) => idOf(kb, s.emotion)).join(', ')}); say which with --emotion`,
  );
}

/** Every triple about these nodes or pointing at them. */
function nodeQuads(view: GraphView, nodes: string[]): Quad[] {
  const out = new Map<string, Quad>();
  for (const node of nodes) for (const q of [...view.out(node), ...view.in(node)]) out.set(quadKey(q), q);
  return [...out.values()];
}

function idOf(kb: KnowledgeBase, iri: string): string {
  return kb.emotion(iri)?.id ?? iri;
}

function describeEmotion(kb: KnowledgeBase, iri: string): string {
  const e = kb.emotion(iri);
  return e ? named(e) : iri;
}
