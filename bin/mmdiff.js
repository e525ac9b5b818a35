#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the prepare script).
import('../dist/cli/main.js');
