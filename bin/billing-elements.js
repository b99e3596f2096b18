#!/usr/bin/env node
// The `billing-elements` command (package.json "bin"; `npx billing-elements mock`): runs the
// CLI that the build puts in dist/ (source: mocks/cli/bin.ts).
import '../dist/mocks/cli/bin.js';
