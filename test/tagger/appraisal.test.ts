// Who feels it (tagger/appraisal.ts), on the shipped lexicon: an evaluative word moves by whom it
// evaluates, an attributive one is dropped, an interpersonal verb reads on the undergoer's side, and
// a text the lexicon leaves silent gets one weak valence match.
import { beforeAll, describe, expect, it } from 'vitest';
import { Tagger } from '../../src/tagger/Tagger.js';
import type { TagMatch, TagOptions } from '../../src/tagger/types.js';
import { parseValence, valenceTable } from '../../src/text/valence.js';
import { shippedKb } from './helpers.js';

let tagger: Tagger;
beforeAll(async () => {
  tagger = Tagger.for(await shippedKb());
});

/** Each match as `text:emotion[:rule,rule]`. */
const matched = (text: string, options: TagOptions = {}) =>
  (tagger.tag(text, options).matches ?? []).map((m: TagMatch) => `${m.text}:${m.emotion}${m.rules ? `:${m.rules.join(',')}` : ''}`);
const primary = (text: string, options: TagOptions = {}) => tagger.tag(text, options).dominant.primary;

describe('appraisal: who an evaluation is about', () => {
  it('reads a negative judgment of the speaker as shame, of someone else as anger', () => {
    expect(matched('I feel so stupid')).toEqual(['stupid:shame:appraisal-self']);
    expect(matched("I'm such an idiot")).toEqual(['idiot:shame:appraisal-self']);
    expect(matched('makes me feel stupid')).toEqual(['stupid:shame:appraisal-self']);
    expect(primary('you are so stupid')).toBe('anger');
    expect(primary("he's an idiot")).toBe('anger');
    expect(matched('you are so stupid')[0]).not.toMatch(/appraisal/);
  });

  it('reads whose act an adjective judges from its of-phrase: "stupid of me" is shame, "thoughtful of you" liking', () => {
    expect(matched('That was so stupid of me.')).toEqual(['stupid:shame:appraisal-self']);
    expect(matched("It was damn stupid of me, wasn't it?")).toEqual(['stupid:shame:appraisal-self']);
    expect(tagger.tag("Well, that's very thoughtful of you.").dominant).toMatchObject({ primary: 'love', tertiary: 'liking' });
    expect(primary('That was rude of him.')).toBe('anger');
    // "kind of" as a hedge is no of-phrase of a person
    expect(primary('It was kind of sad.')).toBe('sadness');
  });

  it('reads a positive judgment of someone else as love (liking), of the speaker or a situation as joy', () => {
    expect(matched('she is wonderful')).toEqual(['wonderful:liking:appraisal-other']);
    expect(primary("you're an awesome person")).toBe('love');
    expect(primary("that's wonderful")).toBe('joy');
    expect(primary("I'm great")).toBe('joy');
  });

  it('leaves a participle, a negated judgment and a vocative where the lexicon puts them', () => {
    expect(matched("i'm arguing that")[0] ?? '').not.toMatch(/appraisal/);
    expect(tagger.tag("I'm not stupid").matches![0]).toMatchObject({ negated: true });
    expect(primary("I'm not stupid")).toBeNull();
    expect(primary('you idiot')).toBe('anger');
  });

  it('is off with appraisal: false', () => {
    expect(primary('I feel so stupid', { appraisal: false })).toBe('anger');
    expect(primary('she is wonderful', { appraisal: false })).toBe('joy');
  });
});

describe('evaluative frame: attributive against predicative', () => {
  it('drops an evaluative adjective that modifies a noun', () => {
    // ("great", "best", "good" name no emotion since the lexical precision review: words still in the lexicon)
    expect(matched('a wonderful game')).toEqual([]);
    expect(matched('That was the most wonderful part of the show')).toEqual([]);
    expect(matched("that's an awesome idea")).toEqual([]);
  });

  it('keeps it in a predicate, an exclamation, after "what a", and a negative expressive', () => {
    expect(primary("that's wonderful")).toBe('joy');
    expect(primary('this is so ridiculous')).toBe('anger');
    expect(primary('Wonderful!')).toBe('joy');
    expect(primary('Awesome game!')).toBe('joy');
    expect(primary('Brilliant.')).toBe('joy');
    expect(primary('What a lovely treat')).toBe('joy');
    expect(primary('this stupid game')).toBe('anger');
  });

  it("keeps a preference after the speaker's possessive ('my favorite song'), not another's nor 'my least favorite'", () => {
    expect(matched('My favorite moment of the season.')).toEqual(['favorite:liking']);
    expect(matched('One of our favourite places')).toEqual(['favourite:liking']);
    expect(tagger.tag('This is my favorite song.').dominant).toMatchObject({ primary: 'love', secondary: 'affection', tertiary: 'liking' });
    expect(matched('My least favorite couple.')).toEqual([]);
    expect(matched('What is your favorite song?')).toEqual([]);
    expect(matched('His favorite team lost.')).toEqual([]);
    // the British spelling alike, and "least" with no noun after it
    expect(matched('My least favourite song.')).toEqual([]);
    expect(matched('His favourite team lost.')).toEqual([]);
    expect(matched('This is my least favorite.')).toEqual([]);
    expect(matched('Vi is my favorite.')).toEqual(['favorite:liking']);
  });

  it('is off with evaluativeFrame: false', () => {
    expect(primary('a wonderful game', { evaluativeFrame: false })).toBe('joy');
  });
});

describe('undergoer: interpersonal verbs', () => {
  it("reads the verb as the undergoer's: the speaker who does it does not feel it", () => {
    expect(matched('I teased him')).toEqual([]);
    expect(primary('they teased me')).toBe('anger');
    expect(primary('I was teased')).toBe('anger');
  });

  it("keeps the lexicon's reading when the hierarchy lacks the emotion a rule would move to", async () => {
    const { KnowledgeBase } = await import('../../src/kb/KnowledgeBase.js');
    const kb = await shippedKb();
    const guilt = kb.quads.find((q) => q.subject.value.endsWith('/guilt'))!.subject.value;
    const without = KnowledgeBase.fromQuads(
      kb.quads.filter((q) => q.subject.value !== guilt && q.object.value !== guilt),
      kb.version + 1,
    );
    const edited = Tagger.for(without);
    expect(edited.tag('I betrayed him').matches!.map((m) => m.text)).toEqual(['betrayed']);
  });

  it('reads a blameworthy act of the speaker as guilt', () => {
    expect(matched('I betrayed him')).toEqual(['betrayed:guilt:undergoer']);
    expect(primary('he betrayed me')).toBe('anger');
  });

  it('is off with undergoer: false', () => {
    expect(primary('I teased him', { undergoer: false })).toBe('anger');
    expect(primary('I betrayed him', { undergoer: false })).toBe('anger');
  });
});

describe('valence: weak evidence for a silent text', () => {
  it('gives an evaluation of the speaker or of another one weak match from VADER', () => {
    const r = tagger.tag('I feel so talented today');
    expect(r.dominant.primary).toBe('joy');
    expect(r.matches).toEqual([
      expect.objectContaining({
        text: 'talented',
        lemma: 'talented',
        emotion: 'contentment',
        kind: 'evokes',
        weight: 0.1,
        rules: ['default-narrower', 'appraisal-self', 'valence'],
      }),
    ]);
    expect(primary("I'm brave")).toBe('joy');
    expect(primary("you're brave")).toBe('love');
    expect(primary('I feel worthless')).toBe('sadness');
  });

  it('never enters where the lexicon matched, so a lexicon match always outweighs it', () => {
    const r = tagger.tag('I feel so talented and sad');
    expect(r.matches!.map((m) => m.text)).toEqual(['sad']);
    expect(r.dominant.primary).toBe('sadness');
  });

  it('needs a person evaluated and no negation; mild words and formulas report nothing', () => {
    expect(primary('the view is brave')).toBeNull();
    expect(primary("I don't feel valued")).toBeNull();
    expect(primary("you're welcome")).toBeNull();
    expect(primary('I feel like going home')).toBeNull();
    expect(primary("you've been banned")).toBeNull();
  });

  it('reads a graded participle as an adjective: "so talented", not a passive', () => {
    expect(matched("I'm so talented")).toEqual(['talented:pride:appraisal-self,valence']);
    expect(primary('He is very talented')).toBe('love');
    // someone else's graded negative participle is what they underwent, not a judgment
    expect(primary('She had been very abused')).toBeNull();
  });

  it('gives nothing where good, bad or wrong evaluate no one emotionally', () => {
    // "wrong" of a person is "mistaken"
    expect(primary('I may be wrong but I think so')).toBeNull();
    expect(primary("No, you're wrong")).toBeNull();
    // an ability, a compound, a state of body or life, a progressive verb
    expect(primary("I'm bad at matching names")).toBeNull();
    expect(primary("you're good at what you do")).toBeNull();
    expect(primary("He's good - looking .")).toBeNull();
    expect(primary("But he's dead .")).toBeNull();
    expect(primary('I was sick for a week')).toBeNull();
    expect(primary('You look tired')).toBeNull();
    expect(primary("You're killing me")).toBeNull();
    // safety is a state, not a judgment of the person ("safe" is no lexicon entry since session 10)
    expect(primary("We're safe from all kinds of birdies.")).toBeNull();
    expect(primary("You'll be safer on the ground")).toBeNull();
    // and not in a formula or a noun phrase at all
    expect(primary("It's not bad at all")).toBeNull();
    expect(primary('Good morning')).toBeNull();
    expect(primary('I took the wrong bus')).toBeNull();
    // while the person judged still is
    expect(primary("you're so good to me")).toBe('love');
  });

  it('is off with valence: false', () => {
    expect(primary('I feel so talented today', { valence: false })).toBeNull();
  });

  it('reads the VADER table: words only, first rating wins', () => {
    const t = parseValence('good\t1.9\t0.9\t[2]\n:)\t2.0\t1\t[2]\ngood\t-1\t0\t[0]\nmeh\t0.0\t0\t[0]\n');
    expect([...t]).toEqual([['good', 1.9]]);
    expect(valenceTable().get('talented')).toBe(2.3);
    expect(valenceTable().size).toBeGreaterThan(7000);
  });
});

describe('evaluative infinitive: "nice to see", "good to hear"', () => {
  it('reads the speaker gladness at what they perceive in an otherwise silent text', () => {
    const r = tagger.tag('Nice to see you again, Tom.');
    expect(r.dominant).toEqual({ primary: 'joy', secondary: 'cheerfulness', tertiary: 'gladness' });
    expect(r.matches).toEqual([
      expect.objectContaining({ text: 'Nice', emotion: 'gladness', kind: 'evokes', weight: 0.1, rules: ['evaluative-infinitive'] }),
    ]);
    expect(primary("Well, that's good to hear.")).toBe('joy');
    expect(primary("It's always great to see you")).toBe('joy');
    expect(primary("It's awful to hear that")).toBe('sadness');
  });

  it('leaves a wish, an excess, a greeting formula, information and a negation', () => {
    expect(primary("It'd be nice to see more of this")).toBeNull();
    expect(primary('too good to be true')).toBeNull();
    expect(primary('Nice to meet you')).toBeNull();
    expect(primary('Good to know!')).toBeNull();
    expect(primary('not nice to see')).toBeNull();
  });

  it('never enters where the lexicon matched, and is off with evaluativeInfinitive: false', () => {
    expect(matched('Nice to see you, I am so sad')).toEqual(['sad:sadness:default-narrower']);
    expect(primary('Nice to see you again', { evaluativeInfinitive: false })).toBeNull();
    expect(primary('Nice to see you again', { valence: false })).toBe('joy');
  });
});

describe('valence inside a non-emotional expression', () => {
  it('does not read a word of "best friends", "happy to help", "better off" as an evaluation', () => {
    expect(primary('Did we just become best friends?')).toBeNull();
    expect(primary("I'd be happy to help you")).toBeNull();
    expect(primary('you may be better off single')).toBeNull();
    expect(primary("you're so sweet")).toBe('love');
  });
});

describe('valence frames: the fallback only where an evaluation is a feeling said now', () => {
  const valence = (text: string, options: TagOptions = {}) =>
    (tagger.tag(text, options).matches ?? []).filter((m: TagMatch) => m.rules?.includes('valence')).map((m: TagMatch) => m.text);

  it("keeps a self-report and the speaker's judgment of someone", () => {
    expect(valence('I feel so talented today')).toEqual(['talented']);
    expect(valence("you're so sweet")).toEqual(['sweet']);
    expect(valence('I think she is very talented')).toEqual(['talented']);
    expect(valence("You're a good neighbor")).toEqual(['good']);
    expect(valence('That makes me feel so talented')).toEqual(['talented']);
  });

  it('drops questions, conditionals, reported clauses, modals, the past of "be", "I\'m good" and descriptions', () => {
    expect(valence("You think I'm beautiful?")).toEqual([]);
    expect(valence('If you are really brave, I can make you rich.')).toEqual([]);
    expect(valence("I bet she's nice.")).toEqual([]);
    expect(valence("I think he'd be very gentle.")).toEqual([]);
    expect(valence('I was ambitious then.')).toEqual([]);
    expect(valence("I'm good, thanks")).toEqual([]);
    expect(valence("I'm an honest businessman.")).toEqual([]);
    expect(valence('He looks terrible.')).toEqual([]);
  });

  it('is an option: valenceFrames: false reads them all', () => {
    expect(valence("You think I'm beautiful?", { valenceFrames: false })).toEqual(['beautiful']);
    expect(valence('I was ambitious then.', { valenceFrames: false })).toEqual(['ambitious']);
  });
});
