'use strict';
// The addon end to end: the built Okta bundle loaded by the host through
// Boost.DLL, real TLS to an okta-sandbox this file starts on a loopback port
// and stops. Run by CTest (sdk.node.addon), which sets WFN_NODE_ADDON,
// WFN_PLUGINS_DIR and OKTA_SANDBOX.
const { test, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { startSandbox, adminOf } = require('../../../../tests/fidelity/lib/sandbox');
const { Host } = require('..');

let sandbox;
let admin;
let credential;
let host;

before(async () => {
  assert.ok(process.env.OKTA_SANDBOX, 'OKTA_SANDBOX is not set: run these tests through ctest -L nodejs');
  sandbox = await startSandbox(process.env.OKTA_SANDBOX, ['--quiet']);
  admin = adminOf(sandbox);
  credential = { Domain: sandbox.url, ApiToken: 'sandbox-api-token', CaCertificate: fs.readFileSync(sandbox.ca, 'utf8') };
  host = new Host(process.env.WFN_PLUGINS_DIR);
});

after(async () => {
  if (sandbox) {
    const { code } = await sandbox.stop();
    assert.equal(code, 0, 'okta-sandbox did not shut down cleanly');
  }
});

beforeEach(async () => {
  await admin.reset();
});

const ada = { UserName: 'ada@example.com', Email: 'ada@example.com', FirstName: 'Ada', LastName: 'Lovelace' };

test('the Okta bundle loads with its manifests', () => {
  assert.deepEqual(host.loadErrors(), []);
  const ids = host.nodes().map((node) => node.id);
  assert.ok(ids.includes('okta.user.create') && ids.includes('okta.user.get'), ids.join(', '));
  const create = host.describe().find((node) => node.id === 'okta.user.create');
  assert.equal(create.pluginName, 'Okta');
  assert.equal(create.displayName, create.manifest.displayName);
  assert.ok(create.manifest.inputs.properties.UserName.title);
  assert.deepEqual(create.credentialTypes.map((type) => type.id).sort(), ['okta.apiToken', 'okta.oauthServiceApp']);
});

test('create then get a user: promises resolve with the envelopes', async () => {
  const created = await host.run('okta.user.create', ada, credential);
  assert.equal(created.StatusCode, 200, created.ErrorMessage);
  assert.equal(created.ErrorMessage, '');
  const fetched = await host.run('okta.user.get', JSON.stringify({ UserId: created.User.id }), credential);
  assert.equal(fetched.StatusCode, 200, fetched.ErrorMessage);
  assert.equal(fetched.User.profile.login, 'ada@example.com');
  assert.equal((await admin.users()).length >= 1, true);
});

test('many runs at once each get their own answer', async () => {
  const logins = Array.from({ length: 8 }, (_, i) => `user${i}@example.com`);
  const results = await Promise.all(logins.map((login) =>
    host.run('okta.user.create', { ...ada, UserName: login, Email: login }, credential)));
  assert.deepEqual(results.map((r) => r.StatusCode), logins.map(() => 200));
  assert.deepEqual(results.map((r) => r.User.profile.login), logins);
});

test('a user nobody has is a 404 envelope, not a rejection', async () => {
  const result = await host.run('okta.user.get', { UserId: 'nobody@example.com' }, credential);
  assert.equal(result.StatusCode, 404);
  assert.match(result.ErrorMessage, /Not found/);
  assert.equal(result.User, undefined);
});

test('log records reach the onLog callback, without the token', async () => {
  const records = [];
  const result = await host.run('okta.user.get', { UserId: 'nobody@example.com' }, credential,
    { logLevel: 'debug', onLog: (record) => records.push(record) });
  assert.equal(result.StatusCode, 404);
  assert.ok(records.length > 0, 'no log record arrived');
  for (const record of records) {
    assert.match(record.level, /^(trace|debug|info|warn|error)$/);
    assert.equal(typeof record.message, 'string');
    assert.equal(typeof record.fields, 'object');
  }
  assert.ok(!JSON.stringify(records).includes('sandbox-api-token'), 'the API token reached a log record');
});

test('an AbortSignal cancels a run in flight', async () => {
  await admin.inject({ count: 1, kind: 'delay', delayMs: 20000 });
  const controller = new AbortController();
  const started = Date.now();
  const run = host.run('okta.user.get', { UserId: 'nobody@example.com' }, credential, { signal: controller.signal });
  setTimeout(() => controller.abort(), 200);
  const error = await run.then(() => assert.fail('the run should have been cancelled'), (e) => e);
  assert.equal(error.name, 'AbortError');
  assert.equal(typeof error.envelope.StatusCode, 'number');
  assert.notEqual(error.envelope.StatusCode, 200);
  assert.ok(Date.now() - started < 20000, 'the run waited for the delayed answer');
});

test('an aborted signal rejects before anything is sent', async () => {
  await admin.clearRequests();
  const error = await host.run('okta.user.get', { UserId: 'x' }, credential, { signal: AbortSignal.abort() })
    .then(() => assert.fail('expected a rejection'), (e) => e);
  assert.equal(error.name, 'AbortError');
  assert.deepEqual(await admin.requests(), []);
});

test('the deadline ends a run whose answer is late', async () => {
  await admin.inject({ count: 1, kind: 'delay', delayMs: 20000 });
  const result = await host.run('okta.user.get', { UserId: 'nobody@example.com' }, credential, { timeoutMs: 300 });
  assert.notEqual(result.StatusCode, 200);
  assert.notEqual(result.StatusCode, 404);
  assert.ok(result.ErrorMessage.length > 0);
});

test('a rate limit reaches the envelope with Retryable and RateLimitReset', async () => {
  await admin.inject({ count: 1, kind: 'rate_limit', resetSeconds: 1 });
  const result = await host.run('okta.user.get', { UserId: 'nobody@example.com', MaxRetries: 0 }, credential);
  assert.equal(result.StatusCode, 429, result.ErrorMessage);
  assert.equal(result.Retryable, true);
  assert.match(result.RateLimitReset, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('bad input gives a rejected promise with a clear error', async () => {
  await assert.rejects(host.run('okta.no.such.node', {}, credential), /no loaded plugin has a node "okta.no.such.node"/);
  await assert.rejects(host.run(42, {}, credential), TypeError);
  await assert.rejects(host.run('okta.user.get', [1, 2], credential), /params must be an object/);
  const cyclic = {};
  cyclic.self = cyclic;
  await assert.rejects(host.run('okta.user.get', cyclic, credential), /cannot be serialised as JSON/);
  await assert.rejects(host.run('okta.user.get', {}, credential, { timeoutMs: -1 }), RangeError);
  await assert.rejects(host.run('okta.user.get', {}, credential, { onLog: 'no' }), /onLog must be a function/);
  await assert.rejects(host.run('okta.user.get', {}, credential, { signal: {} }), /AbortSignal/);
  assert.throws(() => new Host(path.join(__dirname, 'no-such-folder')), /no-such-folder/);
});

test('params the input schema refuses and JSON text that is not JSON are envelopes that say so', async () => {
  const missing = await host.run('okta.user.get', {}, credential);
  assert.notEqual(missing.StatusCode, 200);
  assert.match(missing.ErrorMessage, /UserId/);
  const broken = await host.run('okta.user.get', '{"UserId":', credential);
  assert.notEqual(broken.StatusCode, 200);
  assert.ok(broken.ErrorMessage.length > 0);
});

test('a throwing callback rejects its run and the process carries on', async () => {
  const error = await host.run('okta.user.get', { UserId: 'nobody@example.com' }, credential, {
    logLevel: 'debug',
    onLog: () => { throw new Error('the callback broke'); },
  }).then(() => assert.fail('expected a rejection'), (e) => e);
  assert.equal(error.message, 'the callback broke');
  const after = await host.run('okta.user.get', { UserId: 'nobody@example.com' }, credential);
  assert.equal(after.StatusCode, 404);
});

test('exiting while a run is in flight ends the process cleanly', () => {
  const script = `
    const { Host } = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const host = new Host(process.env.WFN_PLUGINS_DIR);
    host.run('okta.user.get', { UserId: 'nobody@example.com' }, ${JSON.stringify(credential)}, { timeoutMs: 60000 });
    setTimeout(() => process.exit(7), 300);
  `;
  return admin.inject({ count: 1, kind: 'delay', delayMs: 30000 }).then(() => {
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 25000 });
    assert.equal(child.signal, null, `the child was killed by ${child.signal}: ${child.stderr}`);
    assert.equal(child.status, 7, child.stderr);
  });
});
