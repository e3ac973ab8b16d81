// The serialised edit request, parsed the same way for the CLI and the GraphQL mutation.
import { describe, expect, it } from 'vitest';
import { parseEditRequest, toEditInput } from '../../src/edit/EditRequest.js';
import { refusal } from './helpers.js';

describe('parseEditRequest (shared by the CLI and the applyEdit mutation)', () => {
  it('accepts either spelling of kinds and enums, drops nulls, and normalises text', () => {
    expect(
      parseEditRequest({ kind: 'TERM_ADD', text: '  fed   up ', emotion: 'exasperation', weight: 0.5, pos: 'ADJECTIVE', evokes: null }),
    ).toEqual({
      kind: 'term-add',
      text: 'fed up',
      emotion: 'exasperation',
      weight: 0.5,
      pos: 'adjective',
    });
    expect(parseEditRequest({ kind: 'link-add', type: 'leadsTo', from: 'fear', to: 'relief', trigger: 'surprise' })).toEqual({
      kind: 'link-add',
      type: 'transition',
      from: 'fear',
      to: ['relief'],
      trigger: 'surprise',
    });
  });

  it('round-trips through the GraphQL input shape', () => {
    const request = parseEditRequest({
      kind: 'emotion-add',
      label: 'calm',
      parent: 'joy',
      definition: 'A settled, easy feeling of peace.',
      valence: 'positive',
    });
    expect(toEditInput(request)).toMatchObject({ kind: 'EMOTION_ADD', valence: 'POSITIVE' });
    expect(parseEditRequest(toEditInput(request))).toEqual(request);
  });

  it('names the field path of malformed input', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'edit.kind: an edit must be an object with a kind'],
      [{ kind: 'EMOTION_DANCE' }, 'edit.kind: "EMOTION_DANCE" is not an edit; use one of emotion-add'],
      [{ kind: 'TERM_ADD', emotion: 'fury' }, 'edit.text: is required'],
      [{ kind: 'TERM_ADD', text: 'x', emotion: 'fury', weight: 7 }, 'edit.weight: 7 is not a weight'],
      [{ kind: 'TERM_ADD', text: 42, emotion: 'fury' }, 'edit.text: must be a string'],
      [{ kind: 'TERM_ADD', text: 'x', emotion: 'fury', evokes: 'yes' }, 'edit.evokes: must be true or false'],
      [{ kind: 'LINK_ADD', type: 'OPPOSITE', from: 'joy', to: [] }, 'edit.to: must be one or more emotions'],
      [{ kind: 'LINK_ADD', type: 'OPPOSITE', from: 'joy', to: ['sadness', ''] }, 'edit.to[1]: must be an emotion label'],
      [{ kind: 'EMOTION_ADD', label: 'x', parent: 'joy', definition: 'short' }, 'edit.definition: "short" is too short'],
      [{ kind: 'EMOTION_ADD', label: 'x'.repeat(81), parent: 'joy', definition: 'long enough here' }, 'edit.label: is 81 characters long'],
      [{ kind: 'TERM_MOVE', text: 'x', to: ['a', 'b'] }, 'edit.to: a term moves to exactly one emotion'],
    ];
    for (const [raw, message] of cases) {
      const error = refusal(() => parseEditRequest(raw, 'edit'), 'BAD_INPUT');
      expect(error.message).toContain(message);
      expect(String(error.details?.field)).toMatch(/^edit\./);
    }
  });
});
