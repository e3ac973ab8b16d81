// The settings table: one rule for every setting (flag, else variable, else default; a bad value,
// an empty one included, refused naming where it came from), and the README's table matches it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EmokbError } from '../src/errors.js';
import { SETTINGS, configurationTable, flagsOf, optionFor, resolve, resolveAll } from '../src/settings.js';

function refusal(fn: () => unknown): EmokbError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EmokbError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('settings', () => {
  it('takes the flag over the variable over the default, and says which', () => {
    expect(resolve('port', '5000', { PORT: '6000' })).toEqual({ value: 5000, source: '--port' });
    expect(resolve('port', undefined, { PORT: '6000' })).toEqual({ value: 6000, source: 'PORT' });
    expect(resolve('port', undefined, {})).toEqual({ value: 4000, source: 'default' });
    expect(resolve('corsOrigins', undefined, { EMOKB_CORS_ORIGIN: 'https://a.test, https://b.test' }).value).toEqual([
      'https://a.test',
      'https://b.test',
    ]);
  });

  it('refuses a bad value as BAD_INPUT naming its source, never falling back to the default', () => {
    const fromFlag = refusal(() => resolve('port', 'http', { PORT: '6000' }));
    expect(fromFlag.code).toBe('BAD_INPUT');
    expect(fromFlag.message).toBe('--port: "http" is not a whole number from 0 to 65535');
    expect(fromFlag.field).toBe('--port');
    // A good flag does not excuse a bad variable? It does: the variable is not read when the flag is given.
    expect(resolve('port', '7000', { PORT: 'http' }).value).toBe(7000);
    const fromEnv = refusal(() => resolve('lockWait', undefined, { EMOKB_LOCK_WAIT: 'soon' }));
    expect(fromEnv.message).toBe('EMOKB_LOCK_WAIT: "soon" is not a number >= 0');
    expect(fromEnv.details).toMatchObject({ field: 'EMOKB_LOCK_WAIT', setting: 'lockWait', value: 'soon' });
    expect(refusal(() => resolve('serverTimeoutMs', undefined, { EMOKB_SERVER_TIMEOUT_MS: '-5' })).field).toBe('EMOKB_SERVER_TIMEOUT_MS');
    expect(refusal(() => resolve('tagYoungMb', undefined, { EMOKB_TAG_YOUNG_MB: 'big' })).field).toBe('EMOKB_TAG_YOUNG_MB');
    expect(refusal(() => resolve('accessLog', 'loud', {})).message).toBe('--access-log: "loud" is not one of info, debug, off');
    expect(refusal(() => resolve('logLevel', undefined, { EMOKB_LOG_LEVEL: 'chatty' })).field).toBe('EMOKB_LOG_LEVEL');
  });

  it('refuses an empty value rather than reading it as unset (an empty data directory is the current one)', () => {
    expect(refusal(() => resolve('data', '', {})).message).toBe('--data: "" is empty; give a directory');
    expect(refusal(() => resolve('data', undefined, { EMOKB_DATA: '' })).message).toBe('EMOKB_DATA: "" is empty; give a directory');
    expect(refusal(() => resolve('data', undefined, { EMOKB_DATA: '   ' })).field).toBe('EMOKB_DATA');
    expect(refusal(() => resolve('maxDepth', undefined, { EMOKB_MAX_DEPTH: '' })).field).toBe('EMOKB_MAX_DEPTH');
  });

  it("resolves a command's settings into one frozen object from commander's option names", () => {
    const config = resolveAll(['port', 'maxBatchChars', 'host'], { port: '0', maxBatchChars: '10' }, { HOST: '::1' });
    expect(config).toEqual({ port: 0, maxBatchChars: 10, host: '::1' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('builds each flag of serve from the table, with its variable and default in the help', () => {
    expect(flagsOf('serve')).toContain('maxBatchChars');
    expect(optionFor('port')).toEqual({ flags: '-p, --port <n>', description: 'port (0 = any free port) (env PORT, default 4000)' });
    for (const key of flagsOf('serve')) expect(optionFor(key).description).toContain(`env ${SETTINGS[key].env}`);
  });

  it("matches the README's Configuration table row for row, defaults included", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('| flag | environment | default | what |');
    expect(start).toBeGreaterThan(0);
    const table = readme.slice(start, readme.indexOf('\n\n', start));
    // On a mismatch, paste configurationTable()'s output into the README (or fix the table).
    expect(table).toBe(configurationTable());
    for (const s of Object.values(SETTINGS)) if (s.env) expect(table).toContain(`\`${s.env}\``);
  });
});
