// EmotionML 1.0 (W3C Recommendation, 22 May 2014): one document for the whole run, streamed. Its
// head declares a category vocabulary per Parrott tier (or the scheme's), each item carrying its
// emotion's IRI in an <info>; each text then gets one <emotion> per reported tier (category names
// must be unique within an <emotion>, and Parrott's labels repeat across tiers: "anger" is a
// primary and a tertiary), its categories best first with the score as `value`, and an <info>
// holding the text's id. With scheme emotionml-big6 the categories are W3C's own big6 vocabulary.
// A text with no emotion, or a malformed line, is an XML comment: an <emotion> needs a category.
// test/tagger/formats.e2e.test.ts validates the output against the W3C schema (schemas/emotionml/).
import { TIERS } from '../kb/Emotion.js';
import type { LexiconData } from '../lexicon/types.js';
import type { SchemeTagResult, TagResult } from './types.js';

const EMOTIONML = 'http://www.w3.org/2009/10/emotionml';
const EMOKB_NS = 'https://w3id.org/emokb/ontology#';
/** W3C's big6 category vocabulary (Vocabularies for EmotionML, Working Group Note 1 April 2014). */
const W3C_BIG6 = 'http://www.w3.org/TR/emotion-voc/xml#big6';

export class EmotionMlWriter {
  readonly #data: LexiconData;
  readonly #scheme: string | null;

  constructor(data: LexiconData, scheme: string | null) {
    this.#data = data;
    this.#scheme = scheme;
  }

  /** The XML declaration, the root's start tag and the vocabularies used. */
  header(): string {
    const vocabularies: string[] = [];
    const scheme = this.#scheme === null ? undefined : this.#data.schemes.find((s) => s.name === this.#scheme);
    if (scheme && scheme.name !== 'emotionml-big6') {
      vocabularies.push(vocabulary(scheme.name, scheme.concepts));
    } else if (!scheme) {
      for (const tier of TIERS)
        vocabularies.push(
          vocabulary(
            `parrott-${tier}`,
            this.#data.emotions.filter((e) => e.tier === tier).map((e) => ({ label: e.label, iri: e.iri })),
          ),
        );
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<emotionml xmlns="${EMOTIONML}" xmlns:emokb="${EMOKB_NS}" version="1.0">\n${vocabularies.join('')}`;
  }

  footer(): string {
    return '</emotionml>\n';
  }

  /** The <emotion> elements of one text (or a comment when it has none), each line ending in "\n". */
  record(result: TagResult | SchemeTagResult): string {
    const info = `<info><emokb:text id="${escape(String(result.id ?? ''))}"/></info>`;
    const emotions: string[] = [];
    if ('scheme' in result) {
      const set = result.scheme === 'emotionml-big6' ? W3C_BIG6 : `#${result.scheme}`;
      if (result.categories.length) emotions.push(emotion(set, info, Object.entries(result.scores)));
    } else {
      for (const tier of TIERS) {
        const scores = Object.entries(result.scores[tier] ?? {});
        if (scores.length) emotions.push(emotion(`#parrott-${tier}`, info, scores));
      }
    }
    return emotions.length ? emotions.join('') : `<!-- ${comment(`id ${String(result.id)}: no emotion found`)} -->\n`;
  }

  /** A malformed line's message (it names the line), as a comment; the summary on standard error counts it too. */
  error(message: string): string {
    return `<!-- ${comment(message)} -->\n`;
  }
}

function vocabulary(id: string, items: ReadonlyArray<{ label: string; iri: string }>): string {
  const body = items.map((i) => `<item name="${name(i.label)}"><info><emokb:emotion iri="${escape(i.iri)}"/></info></item>`).join('');
  return `<vocabulary type="category" id="${id}">${body}</vocabulary>\n`;
}

function emotion(set: string, info: string, scores: ReadonlyArray<[string, number]>): string {
  const categories = scores.map(([label, value]) => `<category name="${name(label)}" value="${value}"/>`).join('');
  return `<emotion category-set="${escape(set)}">${info}${categories}</emotion>\n`;
}

/** A category name is an xs:NMTOKEN (the shipped labels all are; anything else becomes "-"). */
function name(label: string): string {
  return label.replace(/[^\p{L}\p{N}._:-]+/gu, '-');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/>/g, '&gt;');
}

/** Text for an XML comment: no "--" and no trailing "-". */
function comment(s: string): string {
  return s.replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
}
