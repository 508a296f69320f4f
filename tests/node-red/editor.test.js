'use strict';
// The wfn palette in the Node-RED editor, in Debian's chromium driven by
// playwright-core: the Okta category has every flow node of the manifests;
// "Create a New User" dragged onto the canvas opens with the manifest's
// titles and no secret anywhere the browser got; wired, deployed and
// triggered, its output shows in the debug sidebar. A real Node-RED and an
// okta-sandbox, both on loopback, are started and stopped here. Screenshots
// go to $WFN_SCREENSHOTS_DIR. Run by CTest (node_red.editor).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
require('./lib/require-dependencies');
const { startSandbox, adminOf } = require('../fidelity/lib/sandbox');
const { startNodeRed } = require('./lib/node-red-process');
const editor = require('./lib/editor-page');

const screenshots = process.env.WFN_SCREENSHOTS_DIR || fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'wfn-screenshots-'));
fs.mkdirSync(screenshots, { recursive: true });
const shot = (name) => path.join(screenshots, name);

// A token made for this run, so that finding it anywhere means it leaked.
const apiToken = `editor-${crypto.randomBytes(12).toString('hex')}`;
const manifestsDir = path.resolve(__dirname, '../../manifests/okta/nodes');
const manifests = fs.readdirSync(manifestsDir).map((f) => JSON.parse(fs.readFileSync(path.join(manifestsDir, f), 'utf8')));
const flowManifests = manifests.filter((m) => !(m['x-ui'] && m['x-ui'].hidden));
const createManifest = manifests.find((m) => m.id === 'okta.user.create');

// The page's HTML, the values of its fields (which the HTML does not show)
// and every answer the runtime sent the browser.
async function assertNoSecretInPage(page, bodies) {
  assert.ok(!(await page.content()).includes(apiToken), 'the API token is in the page');
  const values = await page.locator('input, textarea').evaluateAll((fields) => fields.map((f) => f.value));
  assert.ok(!values.some((v) => v.includes(apiToken)), 'the API token is in a form field');
  assert.ok(!bodies.some((b) => b.text.includes(apiToken)), 'the API token was sent to the browser');
}

let sandbox;
let nodeRed;
let browser;
let session;

before(async () => {
  assert.ok(process.env.OKTA_SANDBOX, 'OKTA_SANDBOX is not set: run these tests through ctest -L nodejs');
  sandbox = await startSandbox(process.env.OKTA_SANDBOX, ['--quiet', '--token', apiToken]);
  nodeRed = await startNodeRed({
    flowsFile: path.join(__dirname, 'flows/editor.json'),
    credentials: { 'okta-org': { ApiToken: apiToken } },
    env: { OKTA_DOMAIN: sandbox.url, OKTA_CA_PEM: fs.readFileSync(sandbox.ca, 'utf8') },
  });
  browser = await editor.launchBrowser();
  session = await editor.openEditor(browser, nodeRed.url);
});

after(async () => {
  if (session) await session.page.screenshot({ path: shot('editor-last.png') }).catch(() => {});
  if (browser) await browser.close();
  const stopped = nodeRed ? await nodeRed.stop() : { code: 0, signal: null };
  if (sandbox) assert.equal((await sandbox.stop()).code, 0, 'okta-sandbox did not shut down cleanly');
  assert.deepEqual(stopped, { code: 0, signal: null }, 'Node-RED did not stop cleanly on SIGINT');
});

test('the palette shows the Okta category with every flow node of the manifests', async () => {
  const { page } = session;
  const category = await editor.openCategory(page, 'Okta');
  const labels = await category.locator('.red-ui-palette-node .red-ui-palette-label').allTextContents();
  assert.deepEqual(labels.map((l) => l.replace(/\s+/g, ' ').trim()).sort(), flowManifests.map((m) => m.displayName).sort());
  // Tall enough for the whole category, for the picture.
  await page.setViewportSize({ width: 1400, height: 1700 });
  await editor.foldOtherCategories(page, 'Okta');
  await page.locator('#red-ui-palette').screenshot({ path: shot('palette.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
});

let createId;

test('"Create a New User" dragged onto the canvas opens with the manifest\'s titles and no secret in the page', async () => {
  const { page, bodies } = session;
  const chart = await page.locator('#red-ui-workspace-chart').boundingBox();
  createId = await editor.dragOntoCanvas(page, 'wfn-okta-user-create', { x: chart.x + 390, y: chart.y + 100 });
  const tray = await editor.openEditDialog(page, createId);
  const form = tray.locator('#dialog-form');
  for (const [name, property] of Object.entries(createManifest.inputs.properties)) {
    const label = form.locator(`[data-wfn-field="${name}"] label`);
    assert.equal((await label.textContent()).replace('*', '').trim(), property.title, `the label of ${name}`);
    const required = (createManifest.inputs.required || []).includes(name);
    assert.equal(await label.locator('.wfn-required').count(), required ? 1 : 0, `the required mark of ${name}`);
  }
  // The credential picker offers the org from the flows file.
  await page.locator('#node-input-credential0').selectOption('okta-org');
  // Fill the required fields as a person would: typed into the form.
  const typeInto = async (name, value) => {
    await form.locator(`[data-wfn-field="${name}"] .red-ui-typedInput-input`).fill(value);
  };
  await typeInto('UserName', 'ada.lovelace@example.com');
  await typeInto('Email', 'ada.lovelace@example.com');
  await typeInto('FirstName', 'Ada');
  await typeInto('LastName', 'Lovelace');
  await form.locator('details.wfn-advanced > summary').click();
  await tray.screenshot({ path: shot('create-form.png') });
  await assertNoSecretInPage(page, bodies);
  // The org's own dialog knows a token is set, and not what it is.
  await page.locator('#node-input-btn-credential0-edit').click();
  const tokenField = page.locator('#node-config-input-ApiToken');
  await tokenField.waitFor({ state: 'visible' });
  assert.equal(await tokenField.inputValue(), '__PWRD__');
  await assertNoSecretInPage(page, bodies);
  await page.locator('#node-config-dialog-cancel').click();
  await tokenField.waitFor({ state: 'detached' });
  await editor.closeEditDialog(page);
});

test('wired, deployed and triggered, the output shows in the debug sidebar', async () => {
  assert.ok(createId, 'the previous test put no node on the canvas');
  const { page, bodies } = session;
  await editor.wire(page, 'new-hire', createId);
  await editor.wire(page, createId, 'created');
  await editor.deploy(page);
  await editor.pressInject(page, 'new-hire');
  const message = await editor.firstDebugMessage(page);
  await editor.expandDebugPath(message, ['User', 'profile']);
  const text = await message.innerText();
  assert.match(text, /StatusCode\s*:?\s*200/, text);
  assert.match(text, /ada\.lovelace@example\.com/, text);
  await page.screenshot({ path: shot('debug-output.png') });
  const users = await adminOf(sandbox).users();
  assert.ok(users.some((u) => u.profile.login === 'ada.lovelace@example.com'), 'the sandbox has no such user');
  await assertNoSecretInPage(page, bodies);
  assert.ok(!nodeRed.lines.join('\n').includes(apiToken), 'the API token reached the log');
  assert.deepEqual(session.errors, [], 'the page threw');
});

test('"Get Many Users" hides Limit and After while Return All is on', async () => {
  const { page } = session;
  const chart = await page.locator('#red-ui-workspace-chart').boundingBox();
  const listId = await editor.dragOntoCanvas(page, 'wfn-okta-user-list', { x: chart.x + 390, y: chart.y + 260 });
  const tray = await editor.openEditDialog(page, listId);
  const row = (name) => tray.locator(`#dialog-form [data-wfn-field="${name}"]`);
  assert.ok(await row('Limit').isVisible(), 'Limit is hidden while Return All is off');
  assert.ok(await row('After').isVisible(), 'After is hidden while Return All is off');
  await page.evaluate(() => $('#node-input-ReturnAll').typedInput('value', 'true'));
  await row('Limit').waitFor({ state: 'hidden' });
  assert.ok(!(await row('After').isVisible()), 'After shows while Return All is on');
  await page.evaluate(() => $('#node-input-ReturnAll').typedInput('value', 'false'));
  await row('Limit').waitFor({ state: 'visible' });
  await tray.screenshot({ path: shot('list-form.png') });
  await editor.closeEditDialog(page);
  assert.deepEqual(session.errors, [], 'the page threw');
});
