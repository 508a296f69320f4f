'use strict';
// Drives the sandbox with Okta's official Node.js SDK, the way a real
// integration talks to a real org, and asserts every result. Run through
// run-with-sandbox.js, which provides OKTA_SANDBOX_URL and NODE_EXTRA_CA_CERTS.
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
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

test('every lifecycle operation moves the user as Okta does', async () => {
  const created = await client.userApi.createUser({ body: newUser('life@example.com', { withPassword: true }) });
  const userId = created.id;
  const statusOf = async () => (await client.userApi.getUser({ userId })).status;

  await client.userApi.suspendUser({ userId });
  assert.equal(await statusOf(), 'SUSPENDED');
  await client.userApi.unsuspendUser({ userId });
  assert.equal(await statusOf(), 'ACTIVE');

  const reset = await client.userApi.generateResetPasswordToken({ userId, sendEmail: false });
  assert.ok(reset.resetPasswordUrl.startsWith(`${orgUrl}/signin/reset-password/`), reset.resetPasswordUrl);
  assert.equal(await statusOf(), 'RECOVERY');

  const expired = await client.userApi.expirePassword({ userId });
  assert.equal(expired.status, 'PASSWORD_EXPIRED');
  assert.equal(expired.id, userId);
  // SDK 8.1.0 reads this answer as a User (an older spec's shape) and so drops
  // tempPassword; the sandbox answers the spec's tempPassword schema, which the
  // schema check holds the recorded answer to.
  await client.userApi.expirePasswordAndGetTemporaryPassword({ userId });
  assert.equal(await statusOf(), 'PASSWORD_EXPIRED');

  await client.userApi.deactivateUser({ userId, sendEmail: false });
  assert.equal(await statusOf(), 'DEPROVISIONED');
  const refused = await oktaError(client.userApi.suspendUser({ userId }));
  assert.equal(refused.status, 403);
  assert.equal(refused.errorCode, 'E0000038');

  const activation = await client.userApi.activateUser({ userId, sendEmail: false });
  assert.ok(activation.activationUrl.startsWith(`${orgUrl}/tokens/`));
  assert.equal(await statusOf(), 'ACTIVE');
  const again = await oktaError(client.userApi.activateUser({ userId, sendEmail: false }));
  assert.equal(again.errorCode, 'E0000016');

  await admin.setUserStatus(userId, 'LOCKED_OUT');
  await client.userApi.unlockUser({ userId });
  assert.equal(await statusOf(), 'ACTIVE');

  const targets = (await admin.requests()).map((r) => `${r.method} ${r.target}`);
  for (const expected of [`POST /api/v1/users/${userId}/lifecycle/reset_password?sendEmail=false`,
    `POST /api/v1/users/${userId}/lifecycle/expire_password_with_temp_password`,
    `POST /api/v1/users/${userId}/lifecycle/deactivate?sendEmail=false`]) {
    assert.ok(targets.includes(expected), `${expected} in ${targets.slice(-12).join(', ')}`);
  }
});

test('me is the token\'s own user', async () => {
  const me = await client.userApi.getUser({ userId: 'me' });
  assert.equal(me.profile.login, 'admin@example.com');
});

test('groups: list with paging, q, search and filter; get one', async () => {
  await admin.seedGroups({ count: 250, prefix: 'team' });
  const engineering = await admin.createGroup({ name: 'Engineering', description: 'Builds things' });
  await admin.createGroup({ name: 'AD Admins', type: 'APP_GROUP' });
  await admin.clearRequests();

  const ids = new Set();
  for await (const group of await client.groupApi.listGroups({ limit: 100 })) ids.add(group.id);
  assert.equal(ids.size, 253); // 250, Engineering, AD Admins and Everyone
  const pages = (await admin.requests()).filter((r) => r.target.startsWith('/api/v1/groups?'));
  assert.equal(pages.length, 3);

  const names = async (params) => {
    const found = [];
    for await (const group of await client.groupApi.listGroups(params)) found.push(group.profile.name);
    return found.sort();
  };
  assert.deepEqual(await names({ q: 'Eng' }), ['Engineering']);
  assert.deepEqual(await names({ search: 'profile.name eq "Engineering"' }), ['Engineering']);
  assert.deepEqual(await names({ search: 'type eq "APP_GROUP"' }), ['AD Admins']);
  assert.deepEqual(await names({ filter: 'type eq "BUILT_IN"' }), ['Everyone']);
  assert.equal((await names({ filter: 'type eq "OKTA_GROUP"' })).length, 251);

  const group = await client.groupApi.getGroup({ groupId: engineering.id });
  assert.equal(group.profile.name, 'Engineering');
  assert.equal(group.profile.description, 'Builds things');
  assert.equal(group.type, 'OKTA_GROUP');
  assert.deepEqual(group.objectClass, ['okta:user_group']);
  const missing = await oktaError(client.groupApi.getGroup({ groupId: '00gnosuchgroup000000' }));
  assert.equal(missing.status, 404);
  assert.equal(missing.errorCode, 'E0000007');
});

test('groups: assign, list members and a user\'s groups, unassign', async () => {
  const engineering = await admin.createGroup({ name: 'Platform' });
  const appGroup = await admin.createGroup({ name: 'LDAP Users', type: 'APP_GROUP' });
  const user = await client.userApi.createUser({ body: newUser('member@example.com', { withPassword: true }) });
  const groupId = engineering.id;

  await client.groupApi.assignUserToGroup({ groupId, userId: user.id });
  await client.groupApi.assignUserToGroup({ groupId, userId: user.id }); // twice is fine
  const members = [];
  for await (const member of await client.groupApi.listGroupUsers({ groupId, limit: 50 })) members.push(member.id);
  assert.deepEqual(members, [user.id]);

  const groupNames = async () => {
    const found = [];
    for await (const group of await client.userApi.listUserGroups({ userId: user.id })) found.push(group.profile.name);
    return found.sort();
  };
  assert.deepEqual(await groupNames(), ['Everyone', 'Platform']);

  await client.groupApi.unassignUserFromGroup({ groupId, userId: user.id });
  assert.deepEqual(await groupNames(), ['Everyone']);

  const refused = await oktaError(client.groupApi.assignUserToGroup({ groupId: appGroup.id, userId: user.id }));
  assert.equal(refused.status, 403);
  assert.equal(refused.errorCode, 'E0000006');
});

// The SDK's own OAuth mode: a private_key_jwt assertion signed by the SDK,
// the sandbox's token endpoint, then the Bearer token on the API.
function privateKeyClient(clientId, privateKey, keyId, scopes) {
  return newClient({ authorizationMode: 'PrivateKey', clientId, scopes, privateKey, keyId, token: undefined });
}

function serviceAppKey(kid) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
}

test('in PrivateKey mode the SDK gets a token from the sandbox and lists users with it', async () => {
  const clientId = '0oafidelitysdkapp';
  const key = serviceAppKey('sdk-key-1');
  await admin.registerServiceApp({ clientId, jwks: { keys: [key.publicJwk] }, scopes: ['okta.users.read'], dpopRequired: false });
  await admin.clearRequests();
  const oauthClient = privateKeyClient(clientId, key.privatePem, 'sdk-key-1', 'okta.users.read');
  const users = [];
  for await (const user of await oauthClient.userApi.listUsers({ limit: 200 })) users.push(user);
  assert.ok(users.length > 0);
  const requests = await admin.requests();
  const tokenRequests = requests.filter((r) => r.target === '/oauth2/v1/token');
  assert.equal(tokenRequests.length, 1);
  const form = new URLSearchParams(tokenRequests[0].body);
  assert.equal(form.get('grant_type'), 'client_credentials');
  assert.equal(form.get('scope'), 'okta.users.read');
  const apiCalls = requests.filter((r) => r.target.startsWith('/api/v1/users'));
  assert.ok(apiCalls.length > 0);
  assert.ok(apiCalls.every((r) => r.headers.authorization.startsWith('Bearer ')));
});

test('in PrivateKey mode a missing scope is a 403 the SDK reports', async () => {
  const clientId = '0oafidelityreadonly';
  const key = serviceAppKey('sdk-key-2');
  await admin.registerServiceApp({ clientId, jwks: { keys: [key.publicJwk] }, scopes: ['okta.users.read'] });
  const oauthClient = privateKeyClient(clientId, key.privatePem, 'sdk-key-2', 'okta.users.read');
  const error = await oktaError(oauthClient.userApi.createUser({ body: newUser('scopeless@example.com') }));
  assert.equal(error.status, 403);
  assert.equal(error.errorCode, 'E0000006');
  assert.match(error.headers.get('www-authenticate'), /error="insufficient_scope".*scope="okta\.users\.manage"|scope="okta\.users\.manage".*error="insufficient_scope"/);
});

test('in PrivateKey mode the SDK fetches a new token after the sandbox expires the old one', async () => {
  const clientId = '0oafidelityexpiry';
  const key = serviceAppKey('sdk-key-3');
  await admin.registerServiceApp({ clientId, jwks: { keys: [key.publicJwk] }, scopes: ['okta.users.read'] });
  const oauthClient = privateKeyClient(clientId, key.privatePem, 'sdk-key-3', 'okta.users.read');
  await oauthClient.userApi.getUser({ userId: 'active@example.com' });
  await admin.expireAccessTokens();
  await admin.clearRequests();
  const user = await oauthClient.userApi.getUser({ userId: 'active@example.com' });
  assert.equal(user.profile.login, 'active@example.com');
  const targets = (await admin.requests()).map((r) => r.target);
  assert.deepEqual(targets, ['/api/v1/users/active%40example.com', '/oauth2/v1/token', '/api/v1/users/active%40example.com']);
});
