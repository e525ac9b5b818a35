#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the prepare script).
const { mmdiff } = await import('../dist/cli/main.js');
await mmdiff();
