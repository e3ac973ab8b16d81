// The context rules that can shape a match (block it, move it to another emotion, weigh it, give it
// a default narrower reading), by name. A match records the rules that shaped it as a bit mask
// (MatchBuffer.rules); the library, the CLI's JSON and GraphQL report them as `rules`, by these
// names, so every result says why a match is what it is. Each rule is also a tagger option (see
// options.ts) with an ablation line in `npm run eval`. Names are part of the output contract:
// add, never rename.

/** Rule names; a rule's bit in MatchBuffer.rules is 1 << its index. */
export const RULES: readonly string[] = Object.freeze([
  // questionCue.ts: the "?" cue fired because the question carries incredulity
  'question-incredulity',
  // defaultNarrower.ts: a match on a primary or secondary node read as its namesake (or the child
  // the text supports) down to the tertiary tier
  'default-narrower',
  // A non-emotional expression ("best friend") blocked the emotion word inside it. A blocked match
  // is not output, so this name never appears on a match; it names the option `collocations`.
  'collocation',
  // appraisal.ts: an evaluative word moved by whom it evaluates (the speaker; someone else), an
  // interpersonal verb by who undergoes it, and the weak valence match of an otherwise silent text
  'appraisal-self',
  'appraisal-other',
  'undergoer',
  'valence',
  // appraisal.ts, option evaluativeInfinitive: "nice to see", "good to hear" in an otherwise silent
  // text, the speaker's gladness (or sadness) at what they perceive
  'evaluative-infinitive',
  // topicExperiencer.ts: an evoking topic noun dropped for want of an experiencer in its sentence.
  // A dropped match is not output, so this name never appears on a match; it names the option.
  'topic-experiencer',
  // apology.ts, option apology: "sorry" read by what one is sorry for: the speaker's own doing or
  // an apology formula is regret ("Sorry, I messed up"); another's misfortune is sympathy ("sorry
  // to hear that"), named on a bare "sorry" the rule gives a match
  'apology',
  'sympathy',
  // appraisal.ts, option valenceFrames: the valence fallback only where an evaluation is a feeling
  // said now by the speaker (a self-report, the speaker's judgment of someone). A withheld match is
  // not output, so this name never appears on a match; it names the option.
  'valence-frame',
  // lexicon/LexiconIndex.ts, option stretchedSpellings: a word with runs of three or more letters
  // read as the lexicon word it stretches ("sooooo happy", "loooove", "daaaamn")
  'stretched-spelling',
  // matcher.ts, option interjectionScope: a one-word interjection ("lol", "haha", "ugh") is outside
  // the clause a negator before it negates ("Nobody has been banned lol"): not negated
  'interjection-scope',
  // senseFrames.ts, options tagQuestion, physicalSense, expressiveIntensifier: a match dropped where
  // its sentence gives the word another sense (", huh?"; "my feet hurt"; "fucking awesome"). A
  // dropped match is not output, so these names never appear on a match; they name the options.
  'tag-question',
  'physical-sense',
  'expressive-intensifier',
  // senseFrames.ts, option courtesyTitle: "Miss [PERSON]" is a title, not longing (a dropped match: never on one)
  'courtesy-title',
  // senseFrames.ts, option afraidHedge: "I'm afraid it can't be done" is a politeness hedge, not
  // fear (a dropped match: never on one)
  'afraid-hedge',
  // quotedMention.ts, option quotedMention: a word quoted alone is mentioned, not used ("words like
  // "racist"", "use "lol" in a post") (a dropped match: never on one)
  'quoted-mention',
  // senseFrames.ts, option wellWish: "Enjoy your stay!", "Enjoy the game!" are wishes, not enjoyment (a
  // dropped match: never on one)
  'well-wish',
  // askedFeeling.ts, option askedFeeling: "Did you enjoy it?", "Do you hate China?" ask about
  // someone else's feeling and express none (a dropped match: never on one)
  'asked-feeling',
  // negationScope.ts, option conduciveQuestion: the negation of a negative question that asks for
  // agreement ("Isn't it wonderful?", "Don't you hate it when ...?") is not of the feeling
  'conducive-question',
]);

/** Bit of a rule by name (throws on a name not in RULES: a typo must not be a silent 0). */
export function ruleBit(name: string): number {
  const i = RULES.indexOf(name);
  if (i < 0) throw new Error(`unknown tagger rule "${name}"`);
  return 1 << i;
}

/** The names of the rules in a mask, in RULES order. */
export function ruleNames(mask: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < RULES.length; i++) if (mask & (1 << i)) names.push(RULES[i]!);
  return names;
}

const NAMES_BY_MASK: Array<readonly string[] | undefined> = [];

/**
 * ruleNames(mask) as one frozen array per mask, shared by every match with that mask (a third of
 * all matches carry `default-narrower`: an array per match cost the library's `tag` measurably).
 */
export function sharedRuleNames(mask: number): readonly string[] {
  return (NAMES_BY_MASK[mask] ??= Object.freeze(ruleNames(mask)));
}
