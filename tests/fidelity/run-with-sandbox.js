'use strict';
// Usage: node run-with-sandbox.js <okta-sandbox> <test file> [sandbox flags...]
//
// Starts the sandbox, then runs the node:test file in a child Node whose
// NODE_EXTRA_CA_CERTS is the sandbox's ca.pem (Node reads it only at start-up,
// which is why the tests cannot start the sandbox themselves), and stops the
// sandbox afterwards. Exits with the tests' exit code.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { startSandbox } = require('./lib/sandbox');
require('./lib/require-dependencies');

async function main() {
  const [executable, testFile, ...flags] = process.argv.slice(2);
  if (!executable || !testFile) {
    console.error('usage: node run-with-sandbox.js <okta-sandbox> <test file> [sandbox flags...]');
    return 2;
  }
  const sandbox = await startSandbox(executable, flags);
  let status = 1;
  try {
    const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', path.resolve(testFile)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: sandbox.ca,
        OKTA_SANDBOX_URL: sandbox.url,
        OKTA_SANDBOX_CA: sandbox.ca,
      },
    });
    status = result.status === null ? 1 : result.status;
  } finally {
    const { code, signal } = await sandbox.stop();
    if (code !== 0) {
      console.error(`okta-sandbox did not shut down cleanly: code ${code}, signal ${signal}`);
      status = status || 1;
    }
  }
  return status;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error.message);
  process.exit(1);
});
