#!/usr/bin/env node
// Entry point for `npx senim`: the CLI is TypeScript run through tsx, so that
// the same sources serve the server, the CLI and the tests without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
