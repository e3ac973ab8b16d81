// Appraisal theory as a source of relations: the emotion types of Ortony, Clore and Collins (The
// Cognitive Structure of Emotions, Cambridge University Press, 1988; "OCC") come in pairs that
// answer one appraisal with opposite valence (hope/fear: pleased/displeased about a prospect), and
// their prospect-based types say how hope and fear resolve (confirmation and disconfirmation).
// OCC's types are not Parrott's nodes, so each is mapped onto the Parrott nodes whose definition
// is that type's specification, per tier (OCC_CROSSWALK below, one line per mapping with the
// reason). A pair then proposes every same-tier combination of its two sides, and review rejects
// the combinations a reader would not call opposite (intensity or focus too far apart): the
// crosswalk proposes, it does not decide.
// Besides OCC, a few appraisal accounts of how one emotion turns into another are cited one edge
// at a time (APPRAISAL_COURSES), each with its source. Nothing here is inferred from text; the
// evidence is the cited theory and the Parrott definitions it was matched against.
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { EdgeProposal } from '../kb/edges.js';

export const OCC_SOURCE = 'Ortony, Clore & Collins (1988), The Cognitive Structure of Emotions';

/** OCC's type specifications (1988, ch. 5-8), quoted as the evidence of each mapping. */
export const OCC_TYPES: Readonly<Record<string, string>> = {
  joy: 'pleased about a desirable event',
  distress: 'displeased about an undesirable event',
  hope: 'pleased about the prospect of a desirable event',
  fear: 'displeased about the prospect of an undesirable event',
  satisfaction: 'pleased about the confirmation of the prospect of a desirable event',
  'fears-confirmed': 'displeased about the confirmation of the prospect of an undesirable event',
  relief: 'pleased about the disconfirmation of the prospect of an undesirable event',
  disappointment: 'displeased about the disconfirmation of the prospect of a desirable event',
  'happy-for': 'pleased about an event presumed to be desirable for someone else',
  resentment: 'displeased about an event presumed to be desirable for someone else',
  gloating: 'pleased about an event presumed to be undesirable for someone else',
  pity: 'displeased about an event presumed to be undesirable for someone else',
  pride: "approving of one's own praiseworthy action",
  shame: "disapproving of one's own blameworthy action",
  admiration: "approving of someone else's praiseworthy action",
  reproach: "disapproving of someone else's blameworthy action",
  gratification: "approving of one's own praiseworthy action and being pleased about the related desirable event (pride + joy)",
  remorse: "disapproving of one's own blameworthy action and being displeased about the related undesirable event (shame + distress)",
  gratitude: "approving of someone else's praiseworthy action and being pleased about the related desirable event (admiration + joy)",
  anger: "disapproving of someone else's blameworthy action and being displeased about the related undesirable event (reproach + distress)",
  love: 'liking an appealing object',
  hate: 'disliking an unappealing object',
};

/**
 * OCC type -> the Parrott nodes whose definitions match its specification. Types with no Parrott
 * node are listed empty, so that the pairs they would form are seen to be skipped, not forgotten:
 * Parrott has no happy-for, gloating, admiration, gratitude or fears-confirmed, and his
 * "resentment" is indignation at unfair treatment, not OCC's displeasure at another's good fortune.
 */
export const OCC_CROSSWALK: Readonly<Record<string, readonly string[]>> = {
  joy: ['joy-primary', 'cheerfulness-secondary', 'joy-tertiary', 'happiness', 'gladness'],
  // OCC's distress is displeasure about an event: Parrott's sadness (his own "distress" is a fear).
  distress: ['sadness-primary', 'sadness-secondary', 'sadness-tertiary', 'sorrow', 'unhappiness', 'misery'],
  hope: ['optimism-secondary', 'hope', 'optimism-tertiary'],
  // Prospect-based fear is Parrott's nervousness cluster (worry, dread...) and the tertiary fear.
  fear: ['nervousness-secondary', 'fear-tertiary', 'dread', 'worry', 'apprehension', 'anxiety'],
  satisfaction: ['satisfaction'],
  'fears-confirmed': [],
  relief: ['relief-secondary', 'relief-tertiary'],
  disappointment: ['disappointment-secondary', 'disappointment-tertiary'],
  'happy-for': [],
  resentment: [],
  gloating: [],
  pity: ['pity', 'sympathy-tertiary'],
  pride: ['pride-secondary', 'pride-tertiary', 'triumph'],
  shame: ['shame-secondary', 'shame-tertiary', 'guilt', 'embarrassment'],
  admiration: [],
  reproach: ['contempt', 'scorn'],
  gratification: ['triumph'],
  remorse: ['remorse', 'regret'],
  gratitude: [],
  anger: ['anger-tertiary', 'outrage', 'wrath'],
  love: ['love-primary', 'affection-secondary', 'love-tertiary', 'liking', 'fondness', 'adoration', 'affection-tertiary'],
  hate: ['hate', 'dislike', 'loathing'],
};

/** OCC's pairs: the same appraisal, opposite valence. */
export const OCC_OPPOSITES: ReadonlyArray<readonly [string, string, string]> = [
  ['joy', 'distress', 'well-being: reactions to an event'],
  ['hope', 'fear', 'prospect-based: reactions to a prospect'],
  ['satisfaction', 'fears-confirmed', 'prospect-based: a prospect confirmed'],
  ['relief', 'disappointment', 'prospect-based: a prospect disconfirmed'],
  ['happy-for', 'resentment', "fortunes of others: another's good fortune"],
  ['gloating', 'pity', "fortunes of others: another's misfortune"],
  ['pride', 'shame', "attribution: one's own action"],
  ['admiration', 'reproach', "attribution: another's action"],
  ['gratification', 'remorse', "compound: one's own action and its outcome"],
  ['gratitude', 'anger', "compound: another's action and its outcome"],
  ['love', 'hate', 'attraction: reactions to an object'],
];

/** OCC's compound emotions: [compound, attribution type, well-being type]. */
export const OCC_COMPOUNDS: ReadonlyArray<readonly [string, string, string]> = [
  ['gratification', 'pride', 'joy'],
  ['remorse', 'shame', 'distress'],
  ['gratitude', 'admiration', 'joy'],
  ['anger', 'reproach', 'distress'],
];

/**
 * OCC's prospect-based resolutions: someone in a hope- or fear-type state who then feels joy or
 * distress at how the prospect turned out ends in the confirmation or disconfirmation type.
 */
export const OCC_RESOLUTIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['hope', 'joy', 'satisfaction'],
  ['hope', 'distress', 'disappointment'],
  ['fear', 'joy', 'relief'],
  ['fear', 'distress', 'fears-confirmed'],
];

/**
 * Courses from appraisal research, one transition each: [from, trigger, to, source and claim].
 * Each is a typical course the source describes, not a law.
 */
export const APPRAISAL_COURSES: ReadonlyArray<readonly [string, string, string, string]> = [
  [
    'desire',
    'frustration',
    'anger-tertiary',
    'Berkowitz (1989), Frustration-aggression hypothesis: examination and reformulation, Psychological Bulletin 106: a thwarted goal pursuit produces negative affect that instigates anger',
  ],
  [
    'eagerness',
    'frustration',
    'exasperation-tertiary',
    "Berkowitz (1989), Psychological Bulletin 106: thwarting of an eagerly pursued goal instigates anger, the more so when it is repeated; Parrott's exasperation is angry impatience after being tried too many times",
  ],
  [
    'humiliation',
    'anger-tertiary',
    'rage-tertiary',
    'Lewis (1971), Shame and Guilt in Neurosis; Scheff & Retzinger (1991), Emotions and Violence: unacknowledged shame turns into "humiliated fury"',
  ],
  [
    'humiliation',
    'anger-tertiary',
    'vengefulness',
    'Lindner (2006), Making Enemies: Humiliation and International Conflict; Scheff & Retzinger (1991): humiliation met with anger seeks revenge',
  ],
  [
    'disappointment-tertiary',
    'hopelessness',
    'depression',
    'Abramson, Metalsky & Alloy (1989), Hopelessness depression, Psychological Review 96: negative events appraised with hopelessness lead to depression',
  ],
  [
    'love-tertiary',
    'fear-tertiary',
    'jealousy',
    'Parrott & Smith (1993), Distinguishing the experiences of envy and jealousy, JPSP 64: jealousy is the fear of losing a relationship one loves to a rival',
  ],
  [
    'envy-tertiary',
    'anger-tertiary',
    'resentment',
    "Smith & Kim (2007), Comprehending envy, Psychological Bulletin 133: envy turns into hostile resentment when the other's advantage is felt as unfair",
  ],
  [
    'amazement',
    'delight',
    'enthrallment-tertiary',
    'Keltner & Haidt (2003), Approaching awe, a moral, spiritual, and aesthetic emotion, Cognition and Emotion 17: wonder at something vast or remarkable, appraised as pleasing, holds one absorbed',
  ],
  [
    'torment-tertiary',
    'hopelessness',
    'depression',
    'Seligman (1975), Helplessness: On Depression, Development, and Death; Maier & Seligman (1976), Journal of Experimental Psychology: General 105: inescapable affliction, once judged uncontrollable, brings helplessness and depression',
  ],
  [
    'anxiety',
    'fear-tertiary',
    'panic',
    'Clark (1986), A cognitive approach to panic, Behaviour Research and Therapy 24: anxious arousal interpreted as catastrophic danger escalates into panic',
  ],
  [
    'longing-tertiary',
    'hopelessness',
    'despair',
    'Bowlby (1980), Attachment and Loss vol. 3: yearning and searching for someone lost, once hope of reunion fades, gives way to despair and disorganization',
  ],
  [
    'disappointment-tertiary',
    'hopelessness',
    'despair',
    'Abramson, Metalsky & Alloy (1989), Psychological Review 96: a let-down appraised as permanent and pervasive brings hopelessness; despair is having abandoned all hope',
  ],
  [
    'loneliness',
    'sadness-tertiary',
    'depression',
    'Cacioppo, Hughes, Waite, Hawkley & Thisted (2006), Loneliness as a specific risk factor for depressive symptoms, Psychology and Aging 21',
  ],
  [
    'rejection',
    'sadness-tertiary',
    'loneliness',
    'Leary (2001), Interpersonal Rejection; Baumeister & Leary (1995), The need to belong, Psychological Bulletin 117: rejection thwarts belonging, felt as loneliness',
  ],
  [
    'rejection',
    'anger-tertiary',
    'hostility',
    "Twenge, Baumeister, Tice & Stucke (2001), If you can't join them, beat them, JPSP 81: rejected people turn hostile and aggressive",
  ],
  [
    'guilt',
    'sadness-tertiary',
    'remorse',
    'Tangney & Dearing (2002), Shame and Guilt: guilt over a specific wrong brings remorse and the wish to repair it',
  ],
  [
    'surprise-tertiary',
    'joy-tertiary',
    'delight',
    'Meyer, Reisenzein & Schützwohl (1997), Toward a process analysis of emotions: the case of surprise, Motivation and Emotion 21: surprise is followed by the appraisal of the event, pleasant (delight) or not',
  ],
  [
    'surprise-tertiary',
    'fear-tertiary',
    'alarm',
    'Meyer, Reisenzein & Schützwohl (1997), Motivation and Emotion 21: surprise appraised as danger becomes alarm',
  ],
  [
    'annoyance',
    'frustration',
    'aggravation',
    "Berkowitz (1989), Psychological Bulletin 106: further thwarting adds to the negative affect that instigates anger; Parrott's aggravation is anger that grows as an existing annoyance is compounded",
  ],
  [
    'longing-tertiary',
    'joy-tertiary',
    'satisfaction',
    `${OCC_SOURCE}: longing is a hope-type (prospect-based) state; its confirmation gives satisfaction`,
  ],
  [
    'grief',
    'hopelessness',
    'despair',
    'Bowlby (1980), Attachment and Loss vol. 3, the phase of despair and disorganization: grief without hope of regaining what was lost becomes despair',
  ],
];

/** Blends named by empirical studies of emotion patterns: [blend, components, source and claim]. */
export const BLEND_STUDIES: ReadonlyArray<readonly [string, readonly string[], string]> = [
  [
    'hostility',
    ['anger-tertiary', 'disgust-tertiary', 'contempt'],
    'Izard (1972), Patterns of Emotions: A New Analysis of Anxiety and Depression; Izard (1977), Human Emotions: the hostility triad of anger, disgust and contempt',
  ],
  [
    'compassion',
    ['sympathy-tertiary', 'caring'],
    "Goetz, Keltner & Simon-Thomas (2010), Compassion: an evolutionary analysis and empirical review, Psychological Bulletin 136: the feeling that arises in witnessing another's suffering and that motivates a subsequent desire to help",
  ],
  [
    'passion',
    ['longing-tertiary', 'lust-tertiary'],
    'Hatfield & Sprecher (1986), Measuring passionate love in intimate relationships, Journal of Adolescence 9: passionate love is "a state of intense longing for union with another", with physiological (sexual) arousal',
  ],
  [
    'jealousy',
    ['anger-tertiary', 'fear-tertiary', 'sadness-tertiary'],
    'Sharpsteen (1991), The organization of jealousy knowledge: romantic jealousy as a blended emotion, in Salovey (ed.), The Psychology of Jealousy and Envy: jealousy as a blend of anger, fear and sadness',
  ],
];

const EMOTION_BASE = 'https://w3id.org/emokb/emotion/';

function node(kb: KnowledgeBase, id: string): Emotion | undefined {
  return kb.emotion(`${EMOTION_BASE}${id}`);
}

function mapping(type: string, e: Emotion): string {
  return `${e.id} ~ OCC ${type} ("${OCC_TYPES[type]}"; Parrott's ${e.id}: "${e.definition}")`;
}

export function proposeAppraisalOpposites(kb: KnowledgeBase): EdgeProposal[] {
  const out: EdgeProposal[] = [];
  for (const [x, y, axis] of OCC_OPPOSITES) {
    for (const a of (OCC_CROSSWALK[x] ?? []).map((id) => node(kb, id))) {
      for (const b of (OCC_CROSSWALK[y] ?? []).map((id) => node(kb, id))) {
        if (!a || !b || a.tier !== b.tier || a.iri === b.iri) continue;
        out.push({
          type: 'opposite',
          from: a.iri,
          to: [b.iri],
          methods: ['appraisal-occ'],
          evidence: [`${OCC_SOURCE}: ${x} and ${y} are one appraisal with opposite valence (${axis}); ${mapping(x, a)}; ${mapping(y, b)}`],
          score: 0.7,
        });
      }
    }
  }
  return out;
}

export function proposeAppraisalCompositions(kb: KnowledgeBase): EdgeProposal[] {
  const out: EdgeProposal[] = [];
  for (const [compound, attribution, wellBeing] of OCC_COMPOUNDS) {
    for (const blend of (OCC_CROSSWALK[compound] ?? []).map((id) => node(kb, id))) {
      if (!blend) continue;
      // The tertiary member of each side: a blend's components are specific emotions.
      const pick = (type: string) => (OCC_CROSSWALK[type] ?? []).map((id) => node(kb, id)).find((e) => e?.tier === 'tertiary');
      const parts = [pick(attribution), pick(wellBeing)];
      if (parts.some((p) => !p)) continue;
      out.push({
        type: 'composition',
        from: blend.iri,
        to: parts.map((p) => p!.iri),
        methods: ['appraisal-occ-compound'],
        evidence: [
          `${OCC_SOURCE}: ${compound} is the compound of ${attribution} and ${wellBeing}: "${OCC_TYPES[compound]}"; ${mapping(compound, blend)}; components ${parts.map((p) => p!.id).join(' + ')}`,
        ],
        score: 0.7,
      });
    }
  }
  for (const [name, components, source] of BLEND_STUDIES) {
    const blend = node(kb, name);
    const parts = components.map((id) => node(kb, id));
    if (!blend || parts.some((p) => !p)) continue;
    out.push({
      type: 'composition',
      from: blend.iri,
      to: parts.map((p) => p!.iri),
      methods: ['emotion-pattern-study'],
      evidence: [`${source}; Parrott's ${blend.id}: "${blend.definition}"`],
      score: 0.7,
    });
  }
  return out;
}

export function proposeAppraisalTransitions(kb: KnowledgeBase): EdgeProposal[] {
  const out: EdgeProposal[] = [];
  for (const [from, trigger, to] of OCC_RESOLUTIONS) {
    // The trigger is the plain well-being reaction: the tertiary joy or sadness.
    const t = (OCC_CROSSWALK[trigger] ?? []).map((id) => node(kb, id)).find((e) => e?.tier === 'tertiary');
    const targets = (OCC_CROSSWALK[to] ?? []).map((id) => node(kb, id)).filter((e) => e?.tier === 'tertiary');
    for (const a of (OCC_CROSSWALK[from] ?? []).map((id) => node(kb, id))) {
      if (!a || !t || a.tier !== 'tertiary') continue;
      for (const b of targets) {
        out.push({
          type: 'transition',
          from: a.iri,
          trigger: t.iri,
          to: [b!.iri],
          methods: ['appraisal-occ'],
          evidence: [
            `${OCC_SOURCE}, prospect-based emotions: ${to} is "${OCC_TYPES[to]}"; ${mapping(from, a)}; ${t.id} ~ OCC ${trigger} at how the prospect resolves; ${mapping(to, b!)}`,
          ],
          score: 0.75,
        });
      }
    }
  }
  for (const [from, trigger, to, source] of APPRAISAL_COURSES) {
    const [a, t, b] = [from, trigger, to].map((id) => node(kb, id));
    if (!a || !t || !b) continue;
    out.push({
      type: 'transition',
      from: a.iri,
      trigger: t.iri,
      to: [b.iri],
      methods: ['appraisal-course'],
      evidence: [`${source}; Parrott's ${b.id}: "${b.definition}"`],
      score: 0.65,
    });
  }
  return out;
}
