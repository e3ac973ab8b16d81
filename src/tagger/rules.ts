// The context rules that can shape a match (block it, move it to another emotion, weigh it, give it
// a default narrower reading), by name. A match records the rules that shaped it as a bit mask
// (MatchBuffer.rules); the library, the CLI's JSON and GraphQL report them as `rules`, by these
// names, so every result says why a match is what it is. Each rule is also a tagger option (see
// options.ts) with an ablation line in `npm run eval`. Names are part of the output contract:
// add, never rename.

/** Rule names; a rule's bit in MatchBuffer.rules is 1 << its index. */
export const RULES: readonly string[] = Object.freeze([
  // appraisal.ts: an evaluative word moved by whom it evaluates (the speaker; someone else), an
  // interpersonal verb by who undergoes it, and the weak valence match of an otherwise silent text
  'appraisal-self',
  'appraisal-other',
  'undergoer',
  'valence',
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
