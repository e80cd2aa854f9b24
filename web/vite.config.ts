import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '..');
// The API the dev server forwards to; override to develop against a server on another port.
const apiTarget = process.env.PERFBUDGET_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.resolve(repoRoot, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    // The web code imports the shared contracts and domain rules from outside web/.
    fs: { allow: [repoRoot] },
  },
});
