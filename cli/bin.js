#!/usr/bin/env node
// The installed `perfbudget` command: runs the TypeScript entry point on Node 24 (type stripping).
import('./main.ts');
