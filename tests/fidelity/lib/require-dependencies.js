'use strict';
// Fails early, and says how to fix it, when `npm ci` has not been run here.
const path = require('node:path');

for (const name of ['@okta/okta-sdk-nodejs', '@okta/openapi', 'ajv', 'ajv-formats', 'js-yaml']) {
  try {
    require.resolve(name);
  } catch {
    const folder = path.resolve(__dirname, '..');
    console.error(`The npm package ${name} is not installed. Run: npm ci --prefix ${folder}`);
    process.exit(1);
  }
}
