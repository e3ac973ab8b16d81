// One compiled WordNet and word-vector cache for all expansion tests (built on first use, ~15 s).
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_CACHE = join(tmpdir(), 'emokb-test-cache');
