// leadsTo, as a transition node (from A, trigger T, to B). Meaning: a person feeling A who then
// comes to feel T about what happens (T is the reaction to the turning event) tends to end up
// feeling B; B is, in the words of its definitions, "T felt when/after A ...". A transition is
// a typical course, not a law and not a cause in the physical sense.
// Two sources, each cited on the edge:
//  1. Cause clauses in text: our definition of B, or a gloss of B's chosen WordNet sense, of the
//     form "T (felt | you feel | that results | resulting | caused | arising | that lingers ...)
//     (when | after | from | by | following) ... A" with T and A emotion words: "Sadness felt when
//     a specific hope ... turns out to be unfulfilled" gives hope --sadness--> disappointment.
//     T is the first emotion word before the cue (the genus of the definition), A the first one
//     after it; negated words ("free from worry") are not read.
//  2. Appraisal theory (appraisal.ts): the prospect-based emotions of Ortony, Clore and Collins
//     (1988) for every Parrott node of the hope and fear types (hope or fear about a prospect, plus
//     joy or distress at how it resolves, give satisfaction, disappointment, relief; Parrott lacks
//     fears-confirmed), and courses cited from appraisal research one by one.
// WordNet cause pointers (frighten > fear, embitter > resent) join the causing and the caused
// form of one emotion, or two emotions without a prior state, so they are not transitions; they
// are listed as corroboration where they join T and B.
import type { Emotion } from '../kb/Emotion.js';
import type { EdgeProposal } from '../kb/edges.js';
import type { EmotionTerms } from './terms.js';
import { proposeAppraisalTransitions } from './appraisal.js';

/** From T's mention to A's: the cue that what follows is the prior state. */
const CAUSE_CUE =
  /\b(?:when|whenever|after|following|once|resulting\s+from|results?\s+when|caused\s+by|arising\s+from|produced\s+by|brought\s+on\s+by|on\s+discovering|because\s+of)\b/i;

export function proposeTransitions(terms: EmotionTerms, options: { emotion?: Emotion } = {}): EdgeProposal[] {
  const { kb } = terms;
  const out = new Map<string, EdgeProposal>();
  const add = (p: EdgeProposal) => {
    const key = `${p.from} ${p.trigger} ${p.to[0]}`;
    const prior = out.get(key);
    if (!prior) out.set(key, p);
    else {
      prior.methods.push(...p.methods);
      prior.evidence.push(...p.evidence);
      prior.score = Math.min(1, Math.max(prior.score, p.score) + 0.15);
    }
  };

  for (const to of kb.emotions()) {
    for (const { text, source } of terms.texts(to)) {
      const cue = CAUSE_CUE.exec(text);
      if (!cue) continue;
      const mentions = terms.mentions(text).filter((m) => !m.negated);
      const triggerMention = mentions.find((m) => m.end <= cue.index);
      const fromMention = mentions.find((m) => m.start >= cue.index + cue[0].length);
      if (!triggerMention || !fromMention) continue;
      const trigger = terms.resolveMention(triggerMention, to);
      const from = terms.resolveMention(fromMention, to);
      if (!trigger || !from || trigger.iri === from.iri) continue;
      add({
        type: 'transition',
        from: from.iri,
        trigger: trigger.iri,
        to: [to.iri],
        methods: [source.startsWith('definition') ? 'definition-cause-clause' : 'gloss-cause-clause'],
        evidence: [
          `${source}: "${text}": "${triggerMention.text}" (trigger ${trigger.id}) ${cue[0]} ... "${fromMention.text}" (from ${from.id})`,
        ],
        score: source.startsWith('definition') ? 0.75 : 0.7,
      });
    }
  }

  // OCC's prospect-based resolutions and the cited appraisal courses (appraisal.ts).
  for (const p of proposeAppraisalTransitions(kb)) add(p);

  // Corroboration from WordNet cause pointers between emotion verbs: the causing verb's emotion is
  // the trigger and the caused verb's the destination.
  const causes = causePairs(terms);
  for (const p of out.values()) {
    for (const c of causes.get(`${p.trigger} ${p.to[0]}`) ?? []) {
      p.evidence.push(`WordNet cause pointer: ${c}`);
      p.methods.push('wordnet-cause');
      p.score = Math.min(1, p.score + 0.1);
    }
  }

  const scope = options.emotion?.iri;
  return [...out.values()].filter((p) => !scope || p.from === scope || p.to[0] === scope || p.trigger === scope);
}

/** "trigger-iri to-iri" -> cause pointers whose verbs derive from those two emotions' words. */
function causePairs(terms: EmotionTerms): Map<string, string[]> {
  const { wn, kb } = terms;
  const emotionsOfVerb = (verb: (typeof wn.synsets)[number]) => {
    const out = new Set<string>();
    for (const p of verb.pointers) {
      if (p.symbol !== '+') continue;
      const noun = wn.synset(p.target);
      if (noun.pos !== 'n' || p.targetWord === 0) continue;
      for (const s of terms.emotionsOf(noun.words[p.targetWord - 1]!)) if (s.via !== 'lexicon') out.add(s.emotion);
    }
    return out;
  };
  const out = new Map<string, string[]>();
  for (const s of wn.synsets) {
    if (s.pos !== 'v') continue;
    for (const p of s.pointers) {
      if (p.symbol !== '>') continue;
      const caused = wn.synset(p.target);
      for (const a of emotionsOfVerb(s)) {
        for (const b of emotionsOfVerb(caused)) {
          if (a === b || !kb.emotion(a) || !kb.emotion(b)) continue;
          const key = `${a} ${b}`;
          (out.get(key) ?? (out.set(key, []), out.get(key)!)).push(
            `${s.name} (${s.words.join(', ')}) > ${caused.name} (${caused.words.join(', ')})`,
          );
        }
      }
    }
  }
  return out;
}
