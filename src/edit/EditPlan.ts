// What planning an edit produces, and the helpers every planner shares. A plan is computed from one
// immutable snapshot and is pure data: the quads to add and remove plus a description for people
// and for the change log. Validation and the atomic write happen later, in KnowledgeService.change.
import type { Quad } from '@rdfjs/types';
import { EmokbError, fieldError, isEmokbError } from '../errors.js';
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMOTION_BASE } from '../rdf/namespaces.js';

export interface EditPlan {
  add: Quad[];
  remove: Quad[];
  /** One line saying what the edit does; the change log's message when the user gives none. */
  summary: string;
  /** The edit as a command line, recorded as the change's `command`. */
  command: string;
  /** The IRI of the node the edit is about (the new emotion, the term's entry). */
  subject: string;
  /** Further lines for people: what a removal takes with it, what was moved. */
  details: string[];
}

/** What an edit needs besides the snapshot: who makes it and when (for provenance). */
export interface EditContext {
  author: string;
  /** ISO 8601. */
  time: string;
}

/** Resolves an emotion reference, naming the field in the error (`parent: no emotion "sadnes"; ...`). */
export function resolveEmotion(kb: KnowledgeBase, reference: string, field: string): Emotion {
  try {
    return kb.resolve(reference);
  } catch (error) {
    if (isEmokbError(error)) throw fieldError(error.code, field, error.message, error.details);
    throw error;
  }
}

/** `emotion:rage-secondary`-style short form of an emotion's IRI, for messages and commands. */
export function short(iri: string): string {
  return iri.startsWith(EMOTION_BASE) ? `emotion:${iri.slice(EMOTION_BASE.length)}` : iri;
}

/** `label (id)`, how messages name an emotion. */
export function named(e: Emotion): string {
  return `"${e.label}" (${e.id})`;
}

/** Quotes an argument for a command line when it needs it. */
export function arg(value: string): string {
  return /^[\w:./@-]+$/.test(value) ? value : JSON.stringify(value);
}

export function badInput(field: string, message: string, details: Record<string, unknown> = {}): EmokbError {
  return fieldError('BAD_INPUT', field, message, details);
}

/** CONFLICT; a message starting with `field:` names that field in the details too. */
export function conflict(message: string, details: Record<string, unknown> = {}): EmokbError {
  const field = /^([a-z]+(?:\[\d+\])?):/.exec(message)?.[1];
  return new EmokbError('CONFLICT', message, { ...(field ? { field } : {}), ...details });
}
