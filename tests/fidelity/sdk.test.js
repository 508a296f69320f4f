'use strict';
// Drives the sandbox with Okta's official Node.js SDK, the way a real
// integration talks to a real org, and asserts every result. Run through
// run-with-sandbox.js, which provides OKTA_SANDBOX_URL and NODE_EXTRA_CA_CERTS.
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const okta = require('@okta/okta-sdk-nodejs');
const { adminOf } = require('./lib/sandbox');

const orgUrl = process.env.OKTA_SANDBOX_URL;
const token = process.env.OKTA_SANDBOX_TOKEN || 'sandbox-api-token';
const admin = adminOf({ url: orgUrl, ca: process.env.OKTA_SANDBOX_CA });
const password = 'tlpWENT2m';

// The SDK's own client: caching off so every call reaches the sandbox.
function newClient(options = {}) {
  return new okta.Client({ orgUrl, token, cacheMiddleware: null, ...options });
}
const client = newClient();

function newUser(login, { withPassword = false } = {}) {
  const body = { profile: { firstName: 'Isaac', lastName: 'Brock', email: login, login } };
  if (withPassword) body.credentials = { password: { value: password } };
  return body;
}

async function oktaError(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}

before(async () => {
  assert.ok(orgUrl, 'OKTA_SANDBOX_URL is not set: run this file through run-with-sandbox.js');
  await admin.reset();
});

test('create with a password and activation gives an ACTIVE user', async () => {
  const user = await client.userApi.createUser({ body: newUser('active@example.com', { withPassword: true }), activate: true });
  assert.equal(user.status, 'ACTIVE');
  assert.match(user.id, /^00u[A-Za-z0-9]{17}$/);
  assert.equal(user.profile.login, 'active@example.com');
  // The SDK's model lists every PasswordCredential member; none may carry a value.
  assert.ok(Object.values(user.credentials.password).every((v) => v === undefined), 'the password must not be echoed');
  assert.equal(user.credentials.provider.type, 'OKTA');
  assert.ok(user.activated instanceof Date || typeof user.activated === 'string');
  assert.equal(user._links.self.href, `${orgUrl}/api/v1/users/${user.id}`);
});

test('create without a password (activation by default) gives a PROVISIONED user', async () => {
  const user = await client.userApi.createUser({ body: newUser('provisioned@example.com') });
  assert.equal(user.status, 'PROVISIONED');
  assert.equal(user.credentials.password, undefined);
});

test('create without activation gives a STAGED user', async () => {
  const user = await client.userApi.createUser({ body: newUser('staged@example.com', { withPassword: true }), activate: false });
  assert.equal(user.status, 'STAGED');
  assert.equal(user.activated, null);
  const requests = await admin.requests();
  assert.equal(requests.at(-1).target, '/api/v1/users?activate=false');
});

test('get by id, by login and by a login that needs percent-encoding', async () => {
  const created = await client.userApi.createUser({ body: newUser('first+last/x@example.com') });
  const byId = await client.userApi.getUser({ userId: created.id });
  assert.equal(byId.id, created.id);
  const byLogin = await client.userApi.getUser({ userId: 'active@example.com' });
  assert.equal(byLogin.profile.login, 'active@example.com');
  const encoded = await client.userApi.getUser({ userId: 'first+last/x@example.com' });
  assert.equal(encoded.id, created.id);
  const requests = await admin.requests();
  assert.equal(requests.at(-1).target, '/api/v1/users/first%2Blast%2Fx%40example.com');
});

test('list 450 users across pages with search', async () => {
  await admin.seed({ count: 450, prefix: 'page' });
  await admin.clearRequests();
  const logins = new Set();
  const collection = await client.userApi.listUsers({ search: 'profile.login sw "page"', limit: 200 });
  for await (const user of collection) {
    assert.ok(user.profile.login.startsWith('page'), user.profile.login);
    logins.add(user.profile.login);
  }
  assert.equal(logins.size, 450);
  const pages = (await admin.requests()).filter((r) => r.target.startsWith('/api/v1/users?'));
  assert.equal(pages.length, 3);
  assert.ok(!pages[0].target.includes('after='));
  assert.ok(pages[1].target.includes('after=') && pages[2].target.includes('after='));
  assert.notEqual(pages[1].target, pages[2].target);
});

test('update merges the profile', async () => {
  const created = await client.userApi.createUser({ body: newUser('update@example.com', { withPassword: true }) });
  const updated = await client.userApi.updateUser({ userId: created.id, user: { profile: { nickName: 'Izzy' } } });
  assert.equal(updated.profile.nickName, 'Izzy');
  assert.equal(updated.profile.firstName, 'Isaac');
  const fetched = await client.userApi.getUser({ userId: created.id });
  assert.equal(fetched.profile.nickName, 'Izzy');
  assert.equal(fetched.profile.lastName, 'Brock');
});

test('delete twice: first deactivates, second deletes', async () => {
  const created = await client.userApi.createUser({ body: newUser('delete@example.com', { withPassword: true }) });
  await client.userApi.deleteUser({ userId: created.id });
  const deactivated = await client.userApi.getUser({ userId: created.id });
  assert.equal(deactivated.status, 'DEPROVISIONED');
  await client.userApi.deleteUser({ userId: created.id });
  const gone = await oktaError(client.userApi.getUser({ userId: created.id }));
  assert.equal(gone.status, 404);
  assert.equal(gone.errorCode, 'E0000007');
  const deletes = (await admin.requests()).filter((r) => r.method === 'DELETE');
  assert.equal(deletes.length, 2);
});

test('a duplicate login is refused with Okta\'s cause', async () => {
  const error = await oktaError(client.userApi.createUser({ body: newUser('ACTIVE@example.com') }));
  assert.equal(error.status, 400);
  assert.equal(error.errorCode, 'E0000001');
  assert.equal(error.errorSummary, 'Api validation failed: login');
  assert.deepEqual(error.errorCauses.map((c) => c.errorSummary),
    ['login: An object with this field already exists in the current organization']);
});

test('an unknown user is a 404 E0000007', async () => {
  const error = await oktaError(client.userApi.getUser({ userId: 'nobody@example.com' }));
  assert.equal(error.status, 404);
  assert.equal(error.errorCode, 'E0000007');
  assert.equal(error.errorSummary, 'Not found: Resource not found: nobody@example.com (User)');
});

test('a 429 is retried by the SDK after X-Rate-Limit-Reset', async () => {
  await admin.clearRequests();
  await admin.inject({ count: 1, kind: 'rate_limit', resetSeconds: 1 });
  const started = Date.now();
  const user = await client.userApi.getUser({ userId: 'active@example.com' });
  assert.equal(user.profile.login, 'active@example.com');
  assert.ok(Date.now() - started >= 900, 'the SDK should wait for the reset before retrying');
  const attempts = await admin.requests();
  assert.equal(attempts.length, 2);
  assert.equal(attempts[1].headers['x-okta-retry-count'], '1');
  assert.ok(attempts[1].headers['x-okta-retry-for'].length > 0);
});

test('an exhausted bucket answers 429 E0000047 and the SDK retries into the next window', async () => {
  await admin.configure({ userGet: 1, windowSeconds: 2 });
  try {
    await client.userApi.getUser({ userId: 'active@example.com' });
    const user = await client.userApi.getUser({ userId: 'active@example.com' });
    assert.equal(user.profile.login, 'active@example.com');
    const statusless = newClient({ requestExecutor: new okta.DefaultRequestExecutor({ maxRetries: 0 }) });
    const error = await oktaError(statusless.userApi.getUser({ userId: 'active@example.com' }));
    assert.equal(error.status, 429);
    assert.equal(error.errorCode, 'E0000047');
    assert.equal(error.errorSummary, 'API call exceeded rate limit due to too many requests.');
    assert.ok(Number(error.headers.get('x-rate-limit-reset')) * 1000 > Date.now() - 1000);
    assert.equal(error.headers.get('x-rate-limit-remaining'), '0');
  } finally {
    await admin.configure({ userGet: 2000, windowSeconds: 60 });
  }
});
