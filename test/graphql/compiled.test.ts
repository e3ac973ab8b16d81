// useCompiledExecution on its own, over a tiny schema: which executions run compiled (their data
// objects are plain objects; yoga's standard executor makes null-prototype ones), when compiling
// starts, that mutations never compile, and that a compiled result with errors is replaced by the
// standard executor's.
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraphQLJit, useCompiledExecution } from '../../src/graphql/plugins/useCompiledExecution.js';

function setup(compileAfter?: number) {
  const executors: string[] = [];
  let writes = 0;
  let calls = 0;
  const observe: Plugin = {
    onExecute: () => ({
      onExecuteDone: ({ result }) => {
        const data = (result as { data?: object | null }).data;
        executors.push(data == null ? 'none' : Object.getPrototypeOf(data) === null ? 'standard' : 'compiled');
      },
    }),
  };
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello: String! fails: String echo(fail: Boolean): String } type Mutation { write: Int! }',
      resolvers: {
        Query: {
          hello: () => 'world',
          fails: () => {
            calls++;
            throw new Error('boom');
          },
          echo: (_: unknown, { fail }: { fail?: boolean }) => {
            if (fail) throw new Error('asked to fail');
            return 'ok';
          },
        },
        Mutation: { write: () => ++writes },
      },
    }),
    logging: false,
    maskedErrors: false,
    plugins: [useCompiledExecution({ compileAfter }), observe],
  });
  const run = async (query: string, variables?: Record<string, unknown>) =>
    (
      await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      })
    ).json() as Promise<{ data?: Record<string, unknown>; errors?: Array<{ message: string; locations?: unknown }> }>;
  return { run, executors, writes: () => writes, calls: () => calls };
}

beforeAll(() => loadGraphQLJit());

describe('useCompiledExecution', () => {
  it('runs a document on the standard executor first, then compiled from its second execution', async () => {
    const { run, executors } = setup();
    for (let i = 0; i < 3; i++) expect((await run('{ hello }')).data).toEqual({ hello: 'world' });
    expect(executors).toEqual(['standard', 'compiled', 'compiled']);
  });

  it('compiles at once with compileAfter 1, and never with 0', async () => {
    const once = setup(1);
    await once.run('{ hello }');
    expect(once.executors).toEqual(['compiled']);
    const never = setup(0);
    for (let i = 0; i < 3; i++) await never.run('{ hello }');
    expect(never.executors).toEqual(['standard', 'standard', 'standard']);
  });

  it('never compiles a mutation, so nothing is ever written twice', async () => {
    const { run, executors, writes } = setup(1);
    for (let i = 1; i <= 3; i++) expect((await run('mutation { write }')).data).toEqual({ write: i });
    expect(writes()).toBe(3);
    expect(executors).toEqual(['standard', 'standard', 'standard']);
  });

  it("answers a compiled query that has errors with the standard executor's result", async () => {
    const { run, executors, calls } = setup(1);
    const answer = await run('{ hello fails }');
    expect(answer.data).toEqual({ hello: 'world', fails: null });
    expect(answer.errors?.[0]).toMatchObject({ message: 'boom', locations: [{ line: 1, column: 9 }], path: ['fails'] });
    expect(executors).toEqual(['standard']);
    expect(calls()).toBe(2); // once compiled, once standard: only ever for queries, which only read
  });

  it('keeps a document whose compiled answer failed on the standard executor while it keeps failing', async () => {
    const { run, calls } = setup(1);
    await run('{ hello fails }');
    await run('{ hello fails }');
    await run('{ hello fails }');
    expect(calls()).toBe(4); // twice the first time, then once each
  });

  it('compiles again after compileAfter clean runs: one failing request does not slow the query for all', async () => {
    const { run, executors } = setup(2);
    const query = 'query($f: Boolean) { hello echo(fail: $f) }';
    await run(query); // 1st: standard (not compiled yet)
    await run(query); // 2nd: compiled
    const failed = await run(query, { f: true }); // compiled, errored: answered by the standard executor
    expect(failed.errors?.[0]).toMatchObject({ message: 'asked to fail', locations: [{ line: 1, column: 28 }] });
    await run(query); // clean run 1 of 2 on the standard executor
    await run(query); // clean run 2 of 2
    await run(query); // compiled again
    expect(executors).toEqual(['standard', 'compiled', 'standard', 'standard', 'standard', 'compiled']);
  });
});
