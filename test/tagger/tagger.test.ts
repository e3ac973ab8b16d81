import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { parseTurtle } from '../../src/rdf/turtle.js';
import { LexiconIndex } from '../../src/lexicon/LexiconIndex.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import { tag } from '../../src/tagger/tag.js';
import type { TagMatch } from '../../src/tagger/types.js';
import { fixtureKb, shippedKb } from './helpers.js';

let kb: KnowledgeBase;
let tagger: Tagger;
beforeAll(async () => {
  kb = await fixtureKb();
  tagger = Tagger.for(kb);
});

const matched = (text: string, options = {}) =>
  (tagger.tag(text, options).matches ?? []).map((m: TagMatch) => `${m.text}:${m.emotion}${m.negated ? ':neg' : ''}`);

describe('matching', () => {
  it('matches labels case-insensitively, inflections via the lemmatiser, and derivations', () => {
    // (names off: a capitalised noun alone inside a sentence is read as a name, partOfSpeech.test.ts)
    expect(matched('JOY and Sadness', { names: false })).toEqual(['JOY:joy', 'Sadness:sadness']);
    expect(matched('she seethed, they were seething')).toEqual(['seethed:fury', 'seething:fury']);
    expect(tagger.tag('seethed').matches![0]!.via).toBe('lemma');
    expect(matched('so sad, angrily, terrified')).toEqual(['sad:sadness', 'angrily:anger', 'terrified:terror']);
    expect(tagger.tag('sad').matches![0]!.via).toBe('derivation');
  });

  it('prefers the longest multiword expression and matches other forms', () => {
    expect(matched('I am fed up with everything')).toEqual(['fed up with everything:despair']);
    expect(matched('I am fed up with you')).toEqual(['fed up:exasperation']);
    expect(matched('he was boiling over')).toEqual(['boiling over:fury']);
    expect(matched('fed, up')).toEqual([]);
  });

  it('keeps the longest key when a shorter one is reached through a lemma of the first word', async () => {
    // "broken heart syndrome" (3 words, exact) against "break heart" (2 words, via the lemma of "broken").
    const entry = (id: string, lemma: string, emotion: string) => `
      <https://example.org/lex/${id}> a ontolex:LexicalEntry ; ontolex:canonicalForm <https://example.org/lex/${id}#form> ;
        ontolex:sense <https://example.org/lex/${id}#sense> ; emo:status emo:Accepted .
      <https://example.org/lex/${id}#form> a ontolex:Form ; ontolex:writtenRep "${lemma}"@en .
      <https://example.org/lex/${id}#sense> a ontolex:LexicalSense ; ontolex:reference emotion:${emotion} ; emo:weight 0.8 .`;
    const ttl = `@prefix emo: <https://w3id.org/emokb/ontology#> . @prefix emotion: <https://w3id.org/emokb/emotion/> . @prefix ontolex: <http://www.w3.org/ns/lemon/ontolex#> .
      ${entry('bhs', 'broken heart syndrome', 'grief')} ${entry('bh', 'break heart', 'sorrow')}`;
    const kb = await fixtureKb();
    const small = new Tagger(LexiconIndex.for(KnowledgeBase.fromQuads([...kb.quads, ...parseTurtle(ttl, 'extra.ttl')], 2)));
    expect(small.tag('a broken heart syndrome here').matches!.map((m) => m.text)).toEqual(['broken heart syndrome']);
  });

  it('matches hyphen and apostrophe variants', () => {
    for (const text of ['heart-broken', 'heartbroken', 'heart broken', 'Heart‑Broken']) expect(matched(text)).toEqual([`${text}:grief`]);
    expect(matched("I can't stand it")).toEqual(["can't stand:dislike"]);
    expect(matched('I cant stand it')).toEqual(['cant stand:dislike']);
    expect(matched('I can’t stand it')).toEqual(['can’t stand:dislike']);
  });

  it('weighs evoking senses below naming ones and reports the kind', () => {
    const m = tagger.tag('the funeral').matches![0]!;
    expect(m).toMatchObject({ kind: 'evokes', weight: 0.3, emotion: 'sorrow' });
    expect(tagger.tag('the funeral', { evokesFactor: 1 }).matches![0]!.weight).toBe(0.6);
  });

  it('reports one match per sense of a word', () => {
    expect(matched('bittersweet')).toEqual(['bittersweet:joy', 'bittersweet:sadness']);
  });
});

describe('negation', () => {
  it('negates within four words after a negator, up to a clause boundary', () => {
    expect(matched('I am not happy')).toEqual(['happy:happiness:neg']);
    expect(matched("I don't really feel that happy")).toEqual(['happy:happiness:neg']);
    expect(matched('never ever in my whole life happy')).toEqual(['happy:happiness']);
    expect(matched('not bad, happy')).toEqual(['happy:happiness']);
    expect(matched('not bad but happy')).toEqual(['happy:happiness']);
    expect(matched('no doubt happy')).toEqual(['happy:happiness']);
    expect(matched('I dont feel joy')).toEqual(['joy:joy:neg']);
    expect(matched('without fear')).toEqual(['fear:fear:neg']);
    // the negative pronoun with "is"/"has" written on it negates as it does apart
    expect(matched("nobody's happy here")).toEqual(['happy:happiness:neg']);
    expect(matched("nothing's joy")).toEqual(['joy:joy:neg']);
    // "nothing more/better than" says the most, not none
    expect(matched('nothing better than joy')).toEqual(['joy:joy']);
    expect(matched("nothing's more joy than this")).toEqual(['joy:joy']);
    expect(matched('nothing but joy')).toEqual(['joy:joy']);
  });

  it('lets a focus particle between take the negation ("not just sad"), not "just as" of a comparison', () => {
    expect(matched("I'm not just sad")).toEqual(['sad:sadness']);
    expect(matched("it doesn't only make me happy")).toEqual(['happy:happiness']);
    expect(matched('not funny just sad')).toEqual(['sad:sadness']);
    expect(matched("I don't simply fear it")).toEqual(['fear:fear']);
    // the particle must stand between: before the negator it negates as ever
    expect(matched("I just don't feel happy")).toEqual(['happy:happiness:neg']);
    // "just as" compares: the negation stands ("not just as happy as they are")
    expect(matched('not just as happy as them')).toEqual(['happy:happiness:neg']);
    expect(matched('not being just as happy as them')).toEqual(['happy:happiness:neg']);
    // after a negated modal "just" is "simply", and the negation stands
    expect(matched("you can't just be happy for me?")).toEqual(['happy:happiness:neg']);
    expect(matched("I won't only fear it")).toEqual(['fear:fear:neg']);
  });

  it('negates after a numeral zero as after "no", and keeps "zero doubt" a pseudo-negation', () => {
    expect(matched('I have zero desire to go')).toEqual(['desire:desire:neg']);
    expect(matched('I have 0 desire to go')).toEqual(['desire:desire:neg']);
    expect(matched('Zero sympathy from here')).toEqual(['sympathy:sympathy:neg']);
    expect(matched('zero doubt I am happy')).toEqual(['happy:happiness']);
    // a score's zero before a clause boundary reaches nothing, nor a zero past its noun phrase
    expect(matched('we won 3-0, so happy')).toEqual(['happy:happiness']);
    expect(matched('I have 0 real desire to go')).toEqual(['desire:desire:neg']);
    expect(matched('line 0 I am so happy')).toEqual(['happy:happiness']);
  });

  it('excludes a negated match from the scores by default', () => {
    const r = tagger.tag('not happy');
    expect(r.dominant).toEqual({ primary: null, secondary: null, tertiary: null });
    expect(r.scores.primary).toEqual({});
  });

  it('counts toward the opposite of the emotion or of its nearest ancestor that has one (policy opposite)', () => {
    const r = tagger.tag('not happy', { negation: 'opposite' });
    expect(r.dominant.primary).toBe('sadness');
    expect(r.scores).toEqual({ primary: { sadness: 1 }, secondary: {}, tertiary: {} });
    expect(r.matches![0]).toMatchObject({ negated: true, countedAs: 'sadness' });
    // fear has no opposite in the knowledge base: nothing is counted
    expect(tagger.tag('no fear', { negation: 'opposite' }).dominant.primary).toBeNull();
  });

  it('counts everything with negation off', () => {
    expect(tagger.tag('not happy', { negation: 'off' }).dominant.primary).toBe('joy');
  });
});

describe('intensity and emphasis', () => {
  it('scales by modifiers before a match', () => {
    expect(tagger.tag('very sad').matches![0]!.intensity).toBe(1.5);
    expect(tagger.tag('really very sad').matches![0]!.intensity).toBe(2.1);
    expect(tagger.tag('a bit sad').matches![0]!.intensity).toBe(0.6);
    expect(tagger.tag('kind of sad').matches![0]!.intensity).toBe(0.6);
    expect(tagger.tag('very sad', { intensity: false }).matches![0]!.intensity).toBe(1);
  });

  it('scales for exclamation and capitals unless emphasis is off', () => {
    expect(tagger.tag('sad!').matches![0]!.intensity).toBe(1.25);
    expect(tagger.tag('SAD').matches![0]!.intensity).toBe(1.25);
    expect(tagger.tag('SAD!', { emphasis: false }).matches![0]!.intensity).toBe(1);
  });

  it('moves the dominant emotion', () => {
    expect(tagger.tag('a bit sad but extremely happy').dominant.primary).toBe('joy');
    expect(tagger.tag('extremely sad but a bit happy').dominant.primary).toBe('sadness');
  });
});

describe('punctuation cues', () => {
  it('counts "?" once for a question in which no word matched, as a weak evoking match on the mark', () => {
    const r = tagger.tag('Why would you do that ?! Why ??');
    expect(r.matches).toEqual([
      expect.objectContaining({
        text: '?!',
        start: 22,
        end: 24,
        lemma: '?',
        emotion: 'surprise',
        path: ['surprise', 'surprise'],
        kind: 'evokes',
        negated: false,
        intensity: 1,
        weight: 0.25,
        rules: ['question-incredulity', 'default-narrower'],
      }),
      expect.objectContaining({ text: '??', start: 29, end: 31, lemma: '?' }),
    ]);
    expect(r.dominant).toEqual({ primary: 'surprise', secondary: 'surprise', tertiary: 'surprise' });
  });

  it('stays out of a question whose words matched, and is neither negated nor scaled', () => {
    expect(tagger.tag('Are you sad?').matches!.map((m) => m.text)).toEqual(['sad']);
    expect(tagger.tag('I am sad. Really?', { perSentence: true }).sentences!.map((s) => s.dominant.primary)).toEqual([
      'sadness',
      'surprise',
    ]);
    expect(tagger.tag("Don't you EVER know ?!")).toMatchObject({ matches: [{ lemma: '?', negated: false, intensity: 1 }] });
  });

  it('only for a mark that closes a sentence with words in it', () => {
    expect(matched('what?happy')).toEqual(['happy:happiness']); // no sentence end: "happy" is in the same sentence
    expect(matched('see http://x.com/?q=1')).toEqual([]);
    expect(matched('?')).toEqual([]);
    expect(matched('Really ? ?')).toEqual(['?:surprise']); // the second "?" closes a sentence of no words
  });

  it('is off with punctuationCues: false; a mark without an entry is no cue', () => {
    expect(tagger.tag('Why?', { punctuationCues: false }).dominant.primary).toBeNull();
    expect(tagger.tag('Go home. Now!').matches).toEqual([]);
  });

  it('tries "?" before "!" in a run, and a "!" entry cues exclamations', async () => {
    const bang = parseTurtle(
      `@prefix emo: <https://w3id.org/emokb/ontology#> . @prefix emotion: <https://w3id.org/emokb/emotion/> .
       @prefix ontolex: <http://www.w3.org/ns/lemon/ontolex#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
       <https://w3id.org/emokb/lexicon/en/%21> a ontolex:LexicalEntry ; emo:status emo:Accepted ;
         ontolex:canonicalForm <https://w3id.org/emokb/lexicon/en/%21#form> ; ontolex:sense <https://w3id.org/emokb/lexicon/en/%21#sense> .
       <https://w3id.org/emokb/lexicon/en/%21#form> a ontolex:Form ; ontolex:writtenRep "!"@en .
       <https://w3id.org/emokb/lexicon/en/%21#sense> a ontolex:LexicalSense ; ontolex:reference emotion:anger-primary ;
         emo:weight "0.5"^^xsd:decimal ; emo:senseKind emo:Evokes .`,
      'bang.ttl',
    );
    const withBang = Tagger.for(KnowledgeBase.fromQuads([...kb.quads, ...bang]));
    expect(withBang.index.data.marks.map(([mark]) => mark)).toEqual(['?', '!']);
    // (questionCue 'any': "Why?" asks for information, and this test is about the order of marks)
    const lemmas = (text: string) => withBang.tag(text, { questionCue: 'any' }).matches!.map((m) => `${m.text}:${m.lemma}:${m.emotion}`);
    expect(lemmas('Go home! Why?!')).toEqual(['!:!:anger', '?!:?:surprise']);
    expect(lemmas('Why ? !')).toEqual(['?:?:surprise']); // the lone "!" has no words of its own
    expect(lemmas('Go home, I am sad!')).toEqual(['sad:sadness:sadness']);
  });
});

describe('roll-up, normalisation and dominant', () => {
  it('treats sums equal but for the last bits as a tie, in dominant and in key order alike', () => {
    const entry = (word: string, emotion: string, weight: string) => `
      <https://w3id.org/emokb/lexicon/en/${word}> a ontolex:LexicalEntry ; emo:status emo:Accepted ;
        ontolex:canonicalForm <https://w3id.org/emokb/lexicon/en/${word}#form> ; ontolex:sense <https://w3id.org/emokb/lexicon/en/${word}#sense> .
      <https://w3id.org/emokb/lexicon/en/${word}#form> a ontolex:Form ; ontolex:writtenRep "${word}"@en .
      <https://w3id.org/emokb/lexicon/en/${word}#sense> a ontolex:LexicalSense ; ontolex:reference emotion:${emotion} ;
        emo:weight "${weight}"^^xsd:decimal ; emo:senseKind emo:Names .`;
    const quads = parseTurtle(
      `@prefix emo: <https://w3id.org/emokb/ontology#> . @prefix emotion: <https://w3id.org/emokb/emotion/> .
       @prefix ontolex: <http://www.w3.org/ns/lemon/ontolex#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
       ${entry('zorp', 'anger-primary', '0.5')} ${entry('blick', 'anger-primary', '0.42')} ${entry('quux', 'sadness-primary', '0.92')}`,
      'ties.ttl',
    );
    const t = Tagger.for(KnowledgeBase.fromQuads([...kb.quads, ...quads]));
    expect(0.5 + 0.42).not.toBe(0.92); // 0.9199999999999999
    const r = t.tag('zorp blick quux');
    expect(r.dominant.primary).toBe('anger'); // a tie, and anger was matched first
    expect(Object.keys(r.scores.primary!)).toEqual(['anger', 'sadness']);
    expect(Object.keys(t.tag('quux zorp blick').scores.primary!)).toEqual(['sadness', 'anger']);
  });

  it('adds each match to its emotion and every ancestor; each tier sums to 1', () => {
    const r = tagger.tag('grief and terror and terror');
    expect(r.scores.primary).toEqual({ fear: 0.6667, sadness: 0.3333 });
    expect(r.scores.secondary).toEqual({ horror: 0.6667, sadness: 0.3333 });
    expect(r.scores.tertiary).toEqual({ terror: 0.6667, grief: 0.3333 });
    expect(r.dominant).toEqual({ primary: 'fear', secondary: 'horror', tertiary: 'terror' });
  });

  it('a match on a secondary node feeds the secondary and primary tiers only (without default narrower readings)', () => {
    const r = tagger.tag('fed up', { defaultNarrower: false });
    expect(r.scores).toEqual({ primary: { anger: 1 }, secondary: { exasperation: 1 }, tertiary: {} });
    expect(r.dominant).toEqual({ primary: 'anger', secondary: 'exasperation', tertiary: null });
  });

  it('breaks ties by the emotion matched first, then by label', () => {
    expect(tagger.tag('terror and grief').dominant.primary).toBe('fear');
    expect(tagger.tag('grief and terror').dominant.primary).toBe('sadness');
    expect(tagger.tag('bittersweet').dominant.primary).toBe('joy'); // both senses at one place: label order
  });

  it('applies tiers, minScore, perSentence and matches options', () => {
    const text = 'I am sad. Then joy, joy, joy!';
    const r = tagger.tag(text, { tiers: ['primary'], minScore: 0.3, perSentence: true, matches: false, id: 'doc-1' });
    expect(r.id).toBe('doc-1');
    expect(Object.keys(r.scores)).toEqual(['primary']);
    expect(r.scores.primary).toEqual({ joy: 0.7895 });
    expect(r.matches).toBeUndefined();
    expect(r.sentences!.map((s) => [text.slice(s.start, s.end), s.dominant.primary])).toEqual([
      ['I am sad.', 'sadness'],
      ['Then joy, joy, joy!', 'joy'],
    ]);
  });

  it('rejects bad options naming the option', () => {
    expect(() => tagger.tag('x', { minScore: 2 })).toThrow(/minScore/);
    expect(() => tagger.tag('x', { tiers: ['quaternary' as never] })).toThrow(/tiers/);
    expect(() => tagger.tag('x', { negation: 'maybe' as never })).toThrow(/negation/);
    expect(() => tagger.tag(42 as never)).toThrow(/text: give a string, not number/);
    expect(() => tagger.tag(null as never)).toThrow(/not null/);
  });
});

describe('the library entry', () => {
  it('tag() uses the shipped knowledge, or the snapshot given', async () => {
    expect((await tag('I am so happy')).dominant.primary).toBe('joy');
    expect((await tag('fed up', { kb })).matches![0]!.emotion).toBe('exasperation');
    expect((await shippedKb()).counts.emotions).toBe(166);
  });
});
