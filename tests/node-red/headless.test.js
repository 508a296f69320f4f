'use strict';
// A headless Node-RED (node-red --settings settings.js flows.json) runs the
// onboarding flow kept in flows/onboarding.json end to end against an
// okta-sandbox this file starts and stops. Run by CTest (node_red.headless).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
require('./lib/require-dependencies');
const { startSandbox, adminOf } = require('../fidelity/lib/sandbox');
const { startNodeRed } = require('./lib/node-red-process');

// A token made for this run, so that finding it in the log means it leaked.
const apiToken = `headless-${crypto.randomBytes(12).toString('hex')}`;
let sandbox;

before(async () => {
  assert.ok(process.env.OKTA_SANDBOX, 'OKTA_SANDBOX is not set: run these tests through ctest -L nodejs');
  sandbox = await startSandbox(process.env.OKTA_SANDBOX, ['--quiet', '--token', apiToken]);
});

after(async () => {
  if (sandbox) assert.equal((await sandbox.stop()).code, 0, 'okta-sandbox did not shut down cleanly');
});

test('the onboarding flow file creates and reads back the new hire', async () => {
  const nodeRed = await startNodeRed({
    flowsFile: path.join(__dirname, 'flows/onboarding.json'),
    credentials: { 'okta-org': { ApiToken: apiToken } },
    env: { OKTA_DOMAIN: sandbox.url, OKTA_CA_PEM: fs.readFileSync(sandbox.ca, 'utf8') },
  });
  let stopped;
  try {
    // The debug nodes print to the log (util.inspect): [debug:<name>] then the payload.
    const line = await nodeRed.waitFor(/\[debug:(onboarded|failed)\]/);
    assert.match(line, /\[debug:onboarded\]/, nodeRed.lines.join('\n'));
    await nodeRed.waitFor(/^\s*login: 'grace\.hopper@example\.com'/, 10000);
    const printed = nodeRed.lines.slice(nodeRed.lines.indexOf(line)).join('\n');
    assert.match(printed, /^\s*StatusCode: 200,/m);
    // Activated without a password, as in Okta: provisioned, waiting for the user.
    assert.match(printed, /^\s*status: 'PROVISIONED',/m);
    const users = await adminOf(sandbox).users();
    assert.ok(users.some((u) => u.profile.login === 'grace.hopper@example.com'));
    assert.ok(!nodeRed.lines.join('\n').includes(apiToken), 'the API token reached the log');
  } finally {
    stopped = await nodeRed.stop();
  }
  assert.deepEqual(stopped, { code: 0, signal: null }, 'Node-RED did not stop cleanly on SIGINT');
});
