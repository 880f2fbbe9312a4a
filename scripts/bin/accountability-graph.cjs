#!/usr/bin/env node
// Installed entry point: runs the TypeScript CLI through tsx so no build step is needed.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const tsx = require.resolve('tsx/cli', { paths: [path.join(__dirname, '..', '..')] });
const cli = path.join(__dirname, '..', 'cli.ts');
const result = spawnSync(process.execPath, [tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
