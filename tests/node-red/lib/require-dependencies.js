'use strict';
// Fails early, and says how to fix it, when `npm ci` has not been run here.
const path = require('node:path');

for (const name of ['node-red', 'node-red-node-test-helper', 'playwright-core']) {
  try {
    require.resolve(name);
  } catch {
    console.error(`The npm package ${name} is not installed. Run: npm ci --prefix ${path.resolve(__dirname, '..')}`);
    process.exit(1);
  }
}
