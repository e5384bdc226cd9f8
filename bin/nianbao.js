#!/usr/bin/env node
// The `nianbao` command: runs the TypeScript CLI through tsx's loader so a
// fresh clone works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';
register();
await import('../src-main/cli/main.ts');
