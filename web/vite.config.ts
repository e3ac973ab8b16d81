// Builds the web explorer (web/) into dist/web, which `emokb serve` serves at `/` (src/graphql/webApp.ts).
// Everything is bundled, fonts are the system's: the page needs no network beyond the server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Hashed file names under assets/: the server marks them immutable.
    assetsDir: 'assets',
    target: 'es2022',
  },
  logLevel: 'warn',
});
