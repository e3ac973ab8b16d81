// The path query through the real CLI and the real server, on a fresh data directory seeded with
// the shipped relations: "how does hope lead to despair?" answered with the edges and their
// evidence, and the refusals a careless user meets (unknown type, bad depth, no path).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { graphql, startServer, type ServerHandle } from '../helpers/server.js';

let data: string;
const cli = (...args: string[]) => runCli(['--data', data, ...args]);

beforeAll(async () => {
  data = join(await tempDir('emokb-path-'), 'data');
});

describe('emokb path', () => {
  it('answers how hope leads to despair through transitions, each step with its evidence', async () => {
    const r = await cli('path', 'hope', 'despair', '--types', 'transition', '--json');
    expect(r.code, r.stderr).toBe(0);
    const path = JSON.parse(r.stdout);
    expect(path.length).toBe(2);
    expect(path.steps.map((s: { from: { id: string }; to: { id: string } }) => `${s.from.id}>${s.to.id}`)).toEqual([
      'hope>disappointment-tertiary',
      'disappointment-tertiary>despair',
    ]);
    expect(path.steps[0].trigger.id).toBe('sadness-tertiary');
    expect(path.steps[0].evidence.methods).toContain('appraisal-occ');
    expect(path.steps[1].evidence.evidence.join(' ')).toMatch(/Abramson, Metalsky & Alloy \(1989\)/);

    const text = await cli('path', 'hope', 'despair', '--types', 'transition');
    expect(text.stdout).toMatch(
      /^hope -> despair: 2 step\(s\)\n1\. hope leads to disappointment \(disappointment-tertiary\) when sadness arises/,
    );
  }, 120_000);

  it('takes the shortest chain over every relation when no type is given', async () => {
    const r = await cli('path', 'hope', 'despair', '--json');
    expect(r.code, r.stderr).toBe(0);
    const path = JSON.parse(r.stdout);
    expect(path.steps).toHaveLength(1);
    expect(path.steps[0]).toMatchObject({ type: 'opposite', relation: 'isOppositeOf', to: { id: 'despair' } });
  }, 60_000);

  it('refuses what a careless user types, with the exit status of each error', async () => {
    const type = await cli('path', 'hope', 'despair', '--types', 'transitions');
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/--types: "transitions" is not one of transition, opposite, composition/);
    const depth = await cli('path', 'hope', 'despair', '--max-depth', '0');
    expect(depth.code).toBe(2);
    expect(depth.stderr).toMatch(/--max-depth: 0 must be a whole number from 1 to 8/);
    const none = await cli('path', 'despair', 'hope', '--types', 'transition');
    expect(none.code).toBe(5);
    expect(none.stderr).toMatch(/no chain of at most 4 transition relation\(s\) leads from despair to hope/);
    const unknown = await cli('path', 'hope', 'hopefulnessx');
    expect(unknown.code).toBe(5);
    expect(unknown.stdout).toBe('');
  }, 60_000);
});

describe('GraphQL relationPath', () => {
  let server: ServerHandle;
  beforeAll(async () => {
    server = await startServer(data);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the same path with the evidence nodes', async () => {
    const { body } = await graphql(
      server.url,
      `
        query ($types: [RelationType!]) {
          relationPath(from: "hope", to: "despair", types: $types) {
            length
            steps {
              type
              relation
              from {
                id
              }
              to {
                id
              }
              trigger {
                id
              }
              method
              evidence {
                id
                status
                methods
                evidence
              }
            }
          }
        }
      `,
      { types: ['TRANSITION'] },
    );
    expect(body.errors).toBeUndefined();
    const path = body.data.relationPath;
    expect(path.length).toBe(2);
    expect(path.steps[1]).toMatchObject({
      type: 'TRANSITION',
      relation: 'leadsTo',
      from: { id: 'disappointment-tertiary' },
      to: { id: 'despair' },
      trigger: { id: 'hopelessness' },
      method: 'appraisal-course',
      evidence: { id: 'transition/disappointment-tertiary--hopelessness--despair', status: 'ACCEPTED' },
    });
  }, 60_000);

  it('is null when no chain is short enough, and refuses a bad depth naming it', async () => {
    const none = await graphql(server.url, '{ relationPath(from: "hope", to: "despair", types: [TRANSITION], maxDepth: 1) { length } }');
    expect(none.body.errors).toBeUndefined();
    expect(none.body.data.relationPath).toBeNull();
    const bad = await graphql(server.url, '{ relationPath(from: "hope", to: "despair", maxDepth: 99) { length } }');
    expect(bad.body.errors[0].message).toMatch(/maxDepth: 99 must be a whole number from 1 to 8/);
    const unknown = await graphql(server.url, '{ relationPath(from: "hope", to: "nothing-such") { length } }');
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
  }, 60_000);
});
