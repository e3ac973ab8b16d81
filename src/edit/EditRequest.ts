// An edit as plain, serialisable data. The CLI builds one from its arguments and either plans it
// against the local snapshot or sends it to a running server as the GraphQL `EditInput`; the server
// parses it back here. One parser for both paths means one set of messages and the same refusals.
import { fieldError } from '../errors.js';
import { VALENCES, type Valence } from '../kb/Emotion.js';
import { LINK_TYPES, type LinkType } from '../kb/edges.js';
import { parsePartOfSpeech, type PartOfSpeech } from '../kb/termQuads.js';

const LINK_ALIASES: Record<string, LinkType> = {
  opposite: 'opposite',
  isoppositeof: 'opposite',
  'is-opposite-of': 'opposite',
  composition: 'composition',
  iscomposedof: 'composition',
  'is-composed-of': 'composition',
  transition: 'transition',
  leadsto: 'transition',
  'leads-to': 'transition',
};

export type EditRequest =
  | { kind: 'emotion-add'; label: string; parent: string; definition: string; valence?: Valence }
  | { kind: 'emotion-rename'; emotion: string; label: string }
  | { kind: 'emotion-move'; emotion: string; parent: string }
  | { kind: 'emotion-define'; emotion: string; definition: string }
  | { kind: 'emotion-remove'; emotion: string; cascade?: boolean; reparent?: string }
  | { kind: 'term-add'; text: string; emotion: string; weight?: number; pos?: PartOfSpeech; evokes?: boolean }
  | { kind: 'term-remove'; text: string; pos?: PartOfSpeech; emotion?: string }
  | { kind: 'term-reweight'; text: string; pos?: PartOfSpeech; emotion?: string; weight: number }
  | { kind: 'term-move'; text: string; pos?: PartOfSpeech; emotion?: string; to: string }
  | { kind: 'term-block'; text: string; reason: string }
  | { kind: 'term-unblock'; text: string }
  | { kind: 'link-add'; type: LinkType; from: string; to: string[]; trigger?: string }
  | { kind: 'link-remove'; type: LinkType; from: string; to: string[]; trigger?: string };

export type EditKind = EditRequest['kind'];
export const EDIT_KINDS: readonly EditKind[] = [
  'emotion-add',
  'emotion-rename',
  'emotion-move',
  'emotion-define',
  'emotion-remove',
  'term-add',
  'term-remove',
  'term-reweight',
  'term-move',
  'term-block',
  'term-unblock',
  'link-add',
  'link-remove',
];

/** Who and why, recorded in the change log with every edit. */
export interface EditMeta {
  author: string;
  /** Why; when empty, the edit's own one-line summary is logged. */
  message?: string;
}

/** Longest label and definition accepted: a label is a word or a short phrase, a definition one sentence. */
export const MAX_LABEL = 80;
export const MAX_DEFINITION = 1000;
/** As ontology/shapes.ttl requires of skos:definition. */
export const MIN_DEFINITION = 10;
/** A blocked expression's reason: a few words at least ("a relation, not joy"). */
export const MIN_REASON = 3;

/**
 * Reads an edit from untrusted data (GraphQL variables, JSON): kinds and enum values in either
 * spelling (`EMOTION_ADD` or `emotion-add`), nulls as absent. Errors name the field, prefixed with
 * `where` (e.g. `edit.weight`), and are BAD_INPUT.
 */
export function parseEditRequest(raw: unknown, where = ''): EditRequest {
  const path = (field: string) => (where ? `${where}.${field}` : field);
  const fail = (field: string, message: string): never => {
    throw fieldError('BAD_INPUT', path(field), message);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('kind', 'an edit must be an object with a kind');
  const input = raw as Record<string, unknown>;
  const present = (field: string) => input[field] !== undefined && input[field] !== null;
  const text = (field: string, max = MAX_DEFINITION, min = 1): string => {
    const value = input[field];
    if (typeof value !== 'string') return fail(field, present(field) ? 'must be a string' : 'is required');
    const trimmed = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
    if (!trimmed) return fail(field, 'must not be empty');
    if (trimmed.length < min) return fail(field, `"${trimmed}" is too short: at least ${min} characters (a sentence)`);
    if (trimmed.length > max) return fail(field, `is ${trimmed.length} characters long; at most ${max} are allowed`);
    return trimmed;
  };
  const optionalText = (field: string) => (present(field) ? text(field) : undefined);
  const flag = (field: string) => {
    if (!present(field)) return undefined;
    if (typeof input[field] !== 'boolean') return fail(field, 'must be true or false');
    return input[field] as boolean;
  };
  const weight = (field: string): number | undefined => {
    if (!present(field)) return undefined;
    const value = typeof input[field] === 'string' ? parseWeight(input[field] as string, path(field)) : input[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      return fail(field, `${JSON.stringify(input[field])} is not a weight; give a number from 0 to 1 (e.g. 0.8)`);
    }
    return value;
  };
  const pos = (field: string) => (present(field) ? parsePartOfSpeech(String(input[field]), path(field)) : undefined);
  const targets = (field: string): string[] => {
    const value = input[field];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.length === 0) return fail(field, present(field) ? 'must be one or more emotions' : 'is required');
    return list.map((_, i) => {
      if (typeof list[i] !== 'string' || !list[i].trim()) return fail(`${field}[${i}]`, 'must be an emotion label, id or IRI');
      return (list[i] as string).trim();
    });
  };

  const kind = normaliseEnum(input.kind);
  if (!EDIT_KINDS.includes(kind as EditKind)) {
    return fail('kind', `${JSON.stringify(input.kind ?? null)} is not an edit; use one of ${EDIT_KINDS.join(', ')}`);
  }
  switch (kind as EditKind) {
    case 'emotion-add': {
      const valence = present('valence') ? normaliseEnum(input.valence) : undefined;
      if (valence !== undefined && !VALENCES.includes(valence as Valence)) {
        fail('valence', `${JSON.stringify(input.valence)} is not one of ${VALENCES.join(', ')}`);
      }
      return {
        kind: 'emotion-add',
        label: text('label', MAX_LABEL),
        parent: text('parent'),
        definition: text('definition', MAX_DEFINITION, MIN_DEFINITION),
        ...(valence ? { valence: valence as Valence } : {}),
      };
    }
    case 'emotion-rename':
      return { kind: 'emotion-rename', emotion: text('emotion'), label: text('label', MAX_LABEL) };
    case 'emotion-move':
      return { kind: 'emotion-move', emotion: text('emotion'), parent: text('parent') };
    case 'emotion-define':
      return { kind: 'emotion-define', emotion: text('emotion'), definition: text('definition', MAX_DEFINITION, MIN_DEFINITION) };
    case 'emotion-remove':
      return compact({ kind: 'emotion-remove', emotion: text('emotion'), cascade: flag('cascade'), reparent: optionalText('reparent') });
    case 'term-add':
      return compact({
        kind: 'term-add',
        text: text('text', MAX_LABEL),
        emotion: text('emotion'),
        weight: weight('weight'),
        pos: pos('pos'),
        evokes: flag('evokes'),
      });
    case 'term-remove':
      return compact({ kind: 'term-remove', text: text('text', MAX_LABEL), pos: pos('pos'), emotion: optionalText('emotion') });
    case 'term-reweight': {
      const w = weight('weight');
      if (w === undefined) return fail('weight', 'is required');
      return compact({
        kind: 'term-reweight',
        text: text('text', MAX_LABEL),
        pos: pos('pos'),
        emotion: optionalText('emotion'),
        weight: w,
      });
    }
    case 'term-move': {
      const to = targets('to');
      if (to.length !== 1) return fail('to', 'a term moves to exactly one emotion');
      return compact({ kind: 'term-move', text: text('text', MAX_LABEL), pos: pos('pos'), emotion: optionalText('emotion'), to: to[0]! });
    }
    case 'term-block':
      return { kind: 'term-block', text: text('text', MAX_LABEL), reason: text('reason', MAX_DEFINITION, MIN_REASON) };
    case 'term-unblock':
      return { kind: 'term-unblock', text: text('text', MAX_LABEL) };
    case 'link-add':
    case 'link-remove': {
      const type = parseLinkType(input.type, path('type'));
      return compact({
        kind: kind as 'link-add' | 'link-remove',
        type,
        from: text('from'),
        to: targets('to'),
        trigger: optionalText('trigger'),
      });
    }
  }
}

export function parseLinkType(value: unknown, field = 'type'): LinkType {
  const type = typeof value === 'string' ? LINK_ALIASES[value.trim().toLowerCase().replace(/_/g, '-')] : undefined;
  if (!type)
    throw fieldError('BAD_INPUT', field, `${JSON.stringify(value ?? null)} is not a link type; use one of ${LINK_TYPES.join(', ')}`);
  return type;
}

/** Parses a weight typed on a command line: a plain decimal from 0 to 1, at most 6 decimals. */
export function parseWeight(value: string, field = 'weight'): number {
  const trimmed = value.trim();
  const number = Number(trimmed);
  if (!/^(0|1|0?\.\d{1,6}|[01]\.\d{1,6})$/.test(trimmed) || number < 0 || number > 1) {
    throw fieldError(
      'BAD_INPUT',
      field,
      `"${value}" is not a weight; give a decimal number from 0 to 1 with at most 6 decimals (e.g. 0.8)`,
    );
  }
  return number;
}

/** The request in the shape of the GraphQL `EditInput` (upper-case enum values). */
export function toEditInput(request: EditRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    out[key] =
      key === 'kind' || key === 'valence' || key === 'type' || key === 'pos' ? String(value).toUpperCase().replace(/-/g, '_') : value;
  }
  return out;
}

function normaliseEnum(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase().replace(/_/g, '-') : '';
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
