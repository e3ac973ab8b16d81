// The GraphQL write side through yoga.fetch (no socket): the bearer token, the same edits and
// errors as the CLI, and a snapshot swap that the next query sees.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmokbYoga, type EmokbYoga } from '../../src/graphql/yoga.js';
import type { KnowledgeService } from '../../src/kb/KnowledgeService.js';
import { memoryService } from './helpers.js';

const TOKEN = 'a'.repeat(64);
const PROV = 'http://www.w3.org/ns/prov#';
const objects = (subject: string, predicate: string) =>
  service.snapshot.quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
let service: KnowledgeService;
let yoga: EmokbYoga;

beforeAll(async () => {
  service = await memoryService();
  yoga = createEmokbYoga({ snapshot: () => service.snapshot, editing: { service: () => service, token: TOKEN } });
});

async function post(query: string, variables: Record<string, unknown> = {}, token: string | null = TOKEN) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const APPLY =
  'mutation($edit: EditInput!, $dryRun: Boolean) { applyEdit(edit: $edit, dryRun: $dryRun) { change dryRun summary subject added removed version } }';

describe('mutations', () => {
  it('refuses a missing or wrong token with UNAUTHENTICATED and HTTP 401, and changes nothing', async () => {
    const edit = { kind: 'TERM_ADD', author: 'x', text: 'seething', emotion: 'fury' };
    for (const token of [null, 'b'.repeat(64), 'short']) {
      const { status, body } = await post(APPLY, { edit }, token);
      expect(status).toBe(401);
      expect(body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const undo = await post('mutation { undo(author: "x") { change } }', {}, null);
    expect(undo.status).toBe(401);
    expect(service.snapshot.counts.terms).toBe(0);
  });

  it('applies an edit with the token; the next query sees it; the change log lists it', async () => {
    const { body } = await post(APPLY, {
      edit: { kind: 'TERM_ADD', author: 'Grace', message: 'a word for fury', text: 'seething', emotion: 'fury', weight: 0.9 },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.applyEdit).toMatchObject({
      change: 2,
      dryRun: false,
      subject: 'https://w3id.org/emokb/lexicon/en/seething',
      version: 2,
    });
    const read = await post('{ stats { terms senses } version { version } changes(limit: 1) { id author message command } }', {}, null);
    expect(read.body.data).toEqual({
      stats: { terms: 1, senses: 1 },
      version: { version: 2 },
      changes: [{ id: 2, author: 'Grace', message: 'a word for fury', command: 'term add seething --emotion fury --weight 0.9' }],
    });
    // The sense says which run made it: an edit activity of Grace's, named by the edit's time.
    const sense = 'https://w3id.org/emokb/lexicon/en/seething#sense-fury';
    const run = objects(sense, `${PROV}wasGeneratedBy`);
    expect(run).toHaveLength(1);
    const time = objects(sense, `${PROV}generatedAtTime`)[0]!;
    expect(run[0]).toBe(`https://w3id.org/emokb/activity/edit/${time.replace(/[-:.]/g, '')}`);
    expect(objects(run[0]!, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type')).toEqual([`${PROV}Activity`]);
    expect(objects(run[0]!, `${PROV}wasAssociatedWith`)).toEqual(['https://w3id.org/emokb/agent/Grace']);
    expect(objects(run[0]!, `${PROV}startedAtTime`)).toEqual([time]);
  });

  it('reports refusals with the domain code and the field path under `edit`', async () => {
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ kind: 'TERM_ADD', author: 'x', text: 'seething', emotion: 'furry' }, 'NOT_FOUND', 'edit.emotion'],
      [{ kind: 'TERM_ADD', author: 'x', text: 'seething', emotion: 'fury', weight: 1.5 }, 'BAD_USER_INPUT', 'edit.weight'],
      [{ kind: 'LINK_ADD', author: 'x', type: 'OPPOSITE', from: 'fury', to: ['fury'] }, 'BAD_USER_INPUT', 'edit.to'],
      [{ kind: 'TERM_ADD', author: 'x', text: 'seething', emotion: 'fury' }, 'CONFLICT', 'edit.text'],
      [{ kind: 'LINK_ADD', author: 'x', type: 'OPPOSITE', from: 'fury', to: ['anger-primary'] }, 'VALIDATION_FAILED', undefined],
      [{ kind: 'EMOTION_REMOVE', author: ' ', emotion: 'fury' }, 'BAD_USER_INPUT', undefined],
    ];
    const version = service.snapshot.version;
    for (const [edit, code, field] of cases) {
      const { body } = await post(APPLY, { edit });
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(edit)).toBe(code);
      if (field) {
        expect(body.errors![0].extensions.field).toBe(field);
        expect(body.errors![0].message.startsWith(`${field}:`)).toBe(true);
      }
    }
    const unknownKind = await post(APPLY, { edit: { kind: 'EMOTION_DANCE', author: 'x' } });
    expect(unknownKind.status).toBe(400);
    expect(service.snapshot.version).toBe(version);
  });

  it('undoes the newest change, and a dry run reports without writing', async () => {
    const added = (await post('{ changes(limit: 1) { added } }', {}, null)).body.data.changes[0].added;
    expect(added.length).toBeGreaterThan(0);
    const dry = await post('mutation { undo(author: "Grace", dryRun: true) { change dryRun removed } }');
    expect(dry.body.data.undo).toMatchObject({ change: null, dryRun: true });
    // The undo of a term add removes exactly the triples the add wrote.
    expect([...dry.body.data.undo.removed].sort()).toEqual([...added].sort());
    // 21 = entry (LexicalEntry, Word, canonicalForm, partOfSpeech, status), form (type, writtenRep), sense (ontolex:sense, type, reference, weight, kind, method, time, agent, wasGeneratedBy), edit activity (type, label, agent, start, end)
    expect(added.length).toBe(21);
    const { body } = await post('mutation { undo(author: "Grace") { change summary } }');
    expect(body.data.undo.summary).toBe('undo change 2 (a word for fury)');
    expect(service.snapshot.counts.terms).toBe(0);
    // no orphan activity is left behind
    expect(service.snapshot.quads.filter((q) => q.subject.value.startsWith('https://w3id.org/emokb/activity/'))).toEqual([]);
  });
});
