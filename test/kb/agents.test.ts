// Agents as nodes (src/kb/agents.ts): the IRI is made from the name and gives it back, so readers
// of provenance show the same names as before; a store seeded before holds literals, read alike.
import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { agentIri, agentName, agentQuads } from '../../src/kb/agents.js';

describe('agent IRIs', () => {
  it('round-trips names, spaces as `_`, an underscore and other characters escaped', () => {
    expect(agentIri('emokb curator').value).toBe('https://w3id.org/emokb/agent/emokb_curator');
    for (const name of ['emokb curator', 'emokb link', 'snake_case user', "Zoë O'Brien", 'a  b']) {
      expect(agentName(agentIri(name))).toBe(name.normalize('NFKC'));
    }
    expect(agentIri('snake_case user').value).toBe('https://w3id.org/emokb/agent/snake%5Fcase_user');
  });

  it('reads the plain-name attribution of a store seeded before agents were nodes', () => {
    expect(agentName(DataFactory.literal('emokb curator'))).toBe('emokb curator');
  });

  it('describes the project linker as a software agent, anyone else as a person, both with their name', () => {
    const types = (name: string) =>
      agentQuads(name)
        .filter((q) => q.predicate.value.endsWith('#type'))
        .map((q) => q.object.value);
    expect(types('emokb link')).toEqual(['http://www.w3.org/ns/prov#Agent', 'http://www.w3.org/ns/prov#SoftwareAgent']);
    expect(types('Test Curator')).toEqual(['http://www.w3.org/ns/prov#Agent', 'http://www.w3.org/ns/prov#Person']);
    expect(agentQuads('Test Curator').find((q) => q.predicate.value.endsWith('#label'))!.object.value).toBe('Test Curator');
  });
});
