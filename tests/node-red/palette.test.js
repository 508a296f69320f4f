'use strict';
// The wfn palette in a real Node-RED runtime (node-red-node-test-helper):
// inject → Create a New User → Get a User, the failure output on a 404 and a
// 429, and the palette the editor gets. The runs go through the addon to the
// built Okta bundle and an okta-sandbox this file starts and stops. Run by
// CTest (node_red.palette), which sets WFN_NODE_ADDON, WFN_PLUGINS_DIR and
// OKTA_SANDBOX.
const { test, before, after, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
require('./lib/require-dependencies');
const helper = require('node-red-node-test-helper');
const injectNode = require('@node-red/nodes/core/common/20-inject.js');
const { startSandbox, adminOf } = require('../fidelity/lib/sandbox');
const wfnPalette = require('../../sdk/bindings/node-red/wfn.js');
const { paramsFor } = require('../../sdk/bindings/node-red/lib/run-node.js');

helper.init(require.resolve('node-red'));

let sandbox;
let admin;

before(async () => {
  assert.ok(process.env.OKTA_SANDBOX, 'OKTA_SANDBOX is not set: run these tests through ctest -L nodejs');
  sandbox = await startSandbox(process.env.OKTA_SANDBOX, ['--quiet']);
  admin = adminOf(sandbox);
  await new Promise((done) => helper.startServer(done));
});

after(async () => {
  await new Promise((done) => helper.stopServer(done));
  if (sandbox) {
    const { code } = await sandbox.stop();
    assert.equal(code, 0, 'okta-sandbox did not shut down cleanly');
  }
});

afterEach(async () => {
  await helper.unload();
  await admin.reset();
});

const token = 'sandbox-api-token';
function credentialNode() {
  return { id: 'org', type: 'wfn-okta-apiToken', name: 'sandbox', Domain: sandbox.url, CaCertificate: fs.readFileSync(sandbox.ca, 'utf8') };
}
const credentials = { org: { ApiToken: token } };

// Loads `flow` and resolves once node `id` has been sent a message on any
// output: { output: 0 | 1, msg }. `ids` maps output index to helper node ids.
function firstMessage(flow, [success, failure]) {
  return new Promise((resolve, reject) => {
    helper.load([injectNode, wfnPalette], onTab(flow), credentials, () => {
      try {
        helper.getNode(success).on('input', (msg) => resolve({ output: 0, msg }));
        helper.getNode(failure).on('input', (msg) => resolve({ output: 1, msg }));
      } catch (error) {
        reject(error);
      }
    });
  });
}

// The flow nodes on one tab; the config node stays global.
function onTab(flow) {
  return [{ id: 'tab', type: 'tab' }, ...flow.map((node) => (node.wires ? { z: 'tab', x: 100, y: 100, ...node } : node))];
}

function recordStatuses(id) {
  const node = helper.getNode(id);
  const statuses = [];
  const original = node.status.bind(node);
  node.status = (status) => { statuses.push(status); original(status); };
  return statuses;
}

test('inject → Create a New User → Get a User chains the output downstream', async () => {
  const user = { login: 'grace@example.com', first: 'Grace', last: 'Hopper' };
  const flow = [
    credentialNode(),
    { id: 'inject', type: 'inject', once: true, onceDelay: 0.1, payloadType: 'json', payload: JSON.stringify(user), wires: [['create']] },
    { id: 'create', type: 'wfn-okta-user-create', credential0: 'org',
      UserName: 'payload.login', UserNameType: 'msg', Email: 'payload.login', EmailType: 'msg',
      FirstName: 'payload.first', FirstNameType: 'msg', LastName: 'Hopper', LastNameType: 'str',
      wires: [['get'], ['createFailed']] },
    { id: 'get', type: 'wfn-okta-user-get', credential0: 'org', UserId: 'payload.User.id', UserIdType: 'msg', wires: [['got'], ['getFailed']] },
    { id: 'got', type: 'helper', wires: [] },
    { id: 'getFailed', type: 'helper', wires: [] },
    { id: 'createFailed', type: 'helper', wires: [] },
  ];
  const { output, msg } = await firstMessage(flow, ['got', 'getFailed']);
  assert.equal(output, 0, JSON.stringify(msg.payload));
  assert.equal(msg.payload.StatusCode, 200);
  assert.equal(msg.payload.User.profile.login, 'grace@example.com');
  assert.equal(msg.payload.User.profile.firstName, 'Grace');
  assert.equal(msg.payload.User.profile.lastName, 'Hopper');
  assert.ok(!JSON.stringify(msg).includes(token), 'the API token reached the message');
  const users = await admin.users();
  assert.ok(users.some((u) => u.profile.login === 'grace@example.com'));
});

async function runGet(params, extra = {}) {
  const flow = [
    credentialNode(),
    { id: 'get', type: 'wfn-okta-user-get', credential0: 'org', ...params, wires: [['ok'], ['failed']] },
    { id: 'ok', type: 'helper', wires: [] },
    { id: 'failed', type: 'helper', wires: [] },
  ];
  const answer = new Promise((resolve) => {
    helper.load([wfnPalette], onTab(flow), credentials, () => {
      const statuses = recordStatuses('get');
      helper.getNode('ok').on('input', (msg) => resolve({ output: 0, msg, statuses }));
      helper.getNode('failed').on('input', (msg) => resolve({ output: 1, msg, statuses }));
      helper.getNode('get').receive({ payload: 'go', ...extra });
    });
  });
  return answer;
}

test('a 404 goes to the failure output with the whole envelope and a red ring', async () => {
  const { output, msg, statuses } = await runGet({ UserId: 'nobody@example.com', UserIdType: 'str' }, { topic: 'kept' });
  assert.equal(output, 1);
  assert.equal(msg.topic, 'kept');
  assert.equal(msg.payload.StatusCode, 404);
  assert.match(msg.payload.ErrorMessage, /Not found/);
  assert.equal(typeof msg.payload.ErrorCode, 'string');
  assert.deepEqual(statuses[0], { fill: 'blue', shape: 'ring', text: 'running' });
  assert.deepEqual(statuses.at(-1), { fill: 'red', shape: 'ring', text: 'failed 404' });
});

test('a 429 goes to the failure output with Retryable and RateLimitReset, rate-limited ring', async () => {
  await admin.inject({ count: 1, kind: 'rate_limit', resetSeconds: 1 });
  const { output, msg, statuses } = await runGet({ UserId: 'nobody@example.com', UserIdType: 'str', MaxRetries: '0', MaxRetriesType: 'num' });
  assert.equal(output, 1);
  assert.equal(msg.payload.StatusCode, 429);
  assert.equal(msg.payload.Retryable, true);
  assert.match(msg.payload.RateLimitReset, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(statuses.at(-1).fill, 'yellow');
  assert.match(statuses.at(-1).text, /^rate-limited until /);
});

test('a parameter the form leaves to the message and the message lacks is refused by the schema, on the failure output', async () => {
  const { output, msg } = await runGet({ UserId: 'payload.missing', UserIdType: 'msg' });
  assert.equal(output, 1);
  assert.notEqual(msg.payload.StatusCode, 200);
  assert.match(msg.payload.ErrorMessage, /UserId/);
});

test('the palette has every flow node of the manifests, labelled and with its form and help', async () => {
  await new Promise((done) => helper.load([wfnPalette], [], done));
  const response = await helper.request().get('/wfn/palette').expect(200);
  const { nodeTypes, credentialTypes } = response.body;
  const manifestsDir = path.resolve(__dirname, '../../manifests/okta/nodes');
  const manifests = fs.readdirSync(manifestsDir).map((f) => JSON.parse(fs.readFileSync(path.join(manifestsDir, f), 'utf8')))
    .filter((m) => !(m['x-ui'] && m['x-ui'].hidden));
  assert.deepEqual(nodeTypes.map((t) => t.label).sort(), manifests.map((m) => m.displayName).sort());
  assert.ok(nodeTypes.every((t) => t.category === 'Okta'));
  const create = nodeTypes.find((t) => t.nodeId === 'okta.user.create');
  const manifest = manifests.find((m) => m.id === 'okta.user.create');
  for (const [name, property] of Object.entries(manifest.inputs.properties)) {
    assert.ok(create.template.includes(`>${property.title}`), `the form lacks the title of ${name}`);
  }
  const titles = [...create.template.matchAll(/<label for="node-input-(\w+)"/g)].map((m) => m[1]).filter((n) => manifest.inputs.properties[n]);
  const ordered = Object.entries(manifest.inputs.properties).filter(([, p]) => !p['x-ui'].advanced)
    .sort(([, a], [, b]) => a['x-ui'].order - b['x-ui'].order).map(([n]) => n);
  assert.deepEqual(titles.slice(0, ordered.length), ordered, 'the form follows x-ui order, advanced fields last');
  assert.match(create.template, /id="node-input-Password" autocomplete="off"/);
  assert.ok(create.fields.find((f) => f.name === 'Password').secret);
  assert.ok(create.help.includes(manifest.description.replace(/"/g, '&quot;').slice(0, 40)));
  const addUser = nodeTypes.find((t) => t.nodeId === 'okta.group.addUser');
  assert.match(addUser.template, /Give one of: /);
  const apiToken = credentialTypes.find((t) => t.credentialTypeId === 'okta.apiToken');
  const apiTokenManifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../manifests/okta/credentials/okta.apiToken.json'), 'utf8'));
  const secrets = Object.entries(apiTokenManifest.schema.properties).filter(([, p]) => p['x-ui']?.secret).map(([n]) => n);
  assert.ok(secrets.includes('ApiToken'));
  assert.deepEqual(apiToken.fields.filter((f) => f.secret).map((f) => f.name), secrets);
});

test('a field the manifest shows only if ReturnAll is false is not sent while ReturnAll is on', async () => {
  await new Promise((done) => helper.load([wfnPalette], [], done));
  const { nodeTypes } = (await helper.request().get('/wfn/palette').expect(200)).body;
  const list = nodeTypes.find((t) => t.nodeId === 'okta.user.list');
  assert.deepEqual(list.fields.find((f) => f.name === 'Limit').showIf, { ReturnAll: [false] });
  assert.deepEqual(list.fields.find((f) => f.name === 'After').showIf, { ReturnAll: [false] });
  const RED = { util: require('@node-red/util').util };
  const config = (returnAll, returnAllType = 'bool') => ({
    ReturnAll: returnAll, ReturnAllType: returnAllType, Limit: '5', LimitType: 'num', After: 'cursor', AfterType: 'str',
  });
  assert.deepEqual(paramsFor(RED, {}, config('true'), list, {}), { ReturnAll: true });
  assert.deepEqual(paramsFor(RED, {}, config('false'), list, {}), { ReturnAll: false, Limit: 5, After: 'cursor' });
  // Unset, ReturnAll is its default (false): the fields are sent.
  assert.deepEqual(paramsFor(RED, {}, config(''), list, {}), { Limit: 5, After: 'cursor' });
  // Taken from the message, the condition is judged on the message's value.
  assert.deepEqual(paramsFor(RED, {}, config('payload.all', 'msg'), list, { payload: { all: true } }), { ReturnAll: true });
});
