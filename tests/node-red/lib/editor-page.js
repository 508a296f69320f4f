'use strict';
// The Node-RED editor in Debian's chromium, driven by playwright-core: the
// gestures a person makes (drag from the palette, double-click, drag a wire,
// press Deploy and the inject button), found by the editor's own CSS classes.
// Every wait is bounded by the page's default timeout.
const { chromium } = require('playwright-core');

const chromiumExecutable = process.env.CHROMIUM || '/usr/bin/chromium';

async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumExecutable,
    headless: true,
    timeout: 60000,
    // No sandbox: the tests may run as root in a container. The rest keeps a
    // shared CI machine quiet.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions'],
  });
}

// Opens the editor at `url` and resolves once the palette and the flows are in.
async function openEditor(browser, url, { timeoutMs = 30000 } = {}) {
  // English, since some waits read the editor's notices.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const bodies = [];
  // Everything the runtime sent the browser, for the secrets check.
  page.on('response', async (response) => {
    try { bodies.push({ url: response.url(), text: await response.text() }); } catch { /* redirects have no body */ }
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#red-ui-palette .red-ui-palette-node').first().waitFor();
  await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.getType('inject') && RED.workspaces.active());
  return { page, context, bodies, errors };
}

const paletteNode = (page, type) => page.locator(`#red-ui-palette .red-ui-palette-node[data-palette-type="${type}"]`);

// Opens a palette category (the editor may show it collapsed) and returns it.
async function openCategory(page, category) {
  const container = page.locator(`#red-ui-palette-container-${category}`);
  await container.waitFor();
  if (!(await container.evaluate((el) => el.classList.contains('red-ui-palette-open')))) {
    await page.locator(`#red-ui-palette-header-${category}`).click();
  }
  await container.locator('.red-ui-palette-node').first().waitFor({ state: 'visible' });
  return container;
}

// Folds every other open palette category, as a person does to see one, and
// waits for the folding to end.
async function foldOtherCategories(page, category) {
  const open = page.locator(`#red-ui-palette-container .red-ui-palette-category.red-ui-palette-open:not(#red-ui-palette-container-${category})`);
  const ids = await open.evaluateAll((containers) => containers.map((c) => c.id));
  for (const id of ids) await page.locator(`#${id} > .red-ui-palette-header`).click();
  for (const id of ids) await page.locator(`#${id} > .red-ui-palette-content`).waitFor({ state: 'hidden' });
}

// Drags a palette node onto the canvas at (x, y) in page coordinates; resolves
// with the id of the node the editor made.
async function dragOntoCanvas(page, type, { x, y }) {
  const before = await nodeIdsOfType(page, type);
  const source = paletteNode(page, type);
  await source.scrollIntoViewIfNeeded();
  const box = await source.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(x, y, { steps: 20 });
  await page.mouse.up();
  await page.waitForFunction(([t, n]) => RED.nodes.filterNodes({ type: t }).length > n, [type, before.length]);
  const after = await nodeIdsOfType(page, type);
  return after.find((id) => !before.includes(id));
}

const nodeIdsOfType = (page, type) => page.evaluate((t) => RED.nodes.filterNodes({ type: t }).map((n) => n.id), type);

// The canvas element of a flow node (the editor gives each node's group its id).
const canvasNode = (page, id) => page.locator(`#red-ui-workspace-chart g.red-ui-flow-node-group[id="${id}"]`);

// Page coordinates of the centre of a node's port: 'output' (first) or 'input'.
async function portCentre(page, id, which) {
  const port = canvasNode(page, id).locator(`.red-ui-flow-port-${which} .red-ui-flow-port`).first();
  const box = await port.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// Drags a wire from `from`'s first output to `to`'s input.
async function wire(page, from, to) {
  const start = await portCentre(page, from, 'output');
  const end = await portCentre(page, to, 'input');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 20 });
  await page.mouse.up();
  await page.waitForFunction(([s, t]) => RED.nodes.filterLinks({ source: { id: s }, target: { id: t } }).length === 1, [from, to]);
}

// Double-clicks a node on the canvas; resolves with the open edit tray.
async function openEditDialog(page, id) {
  await canvasNode(page, id).locator('.red-ui-flow-node').first().dblclick();
  const tray = page.locator('.red-ui-tray').last();
  await tray.locator('#dialog-form').waitFor({ state: 'visible' });
  return tray;
}

async function closeEditDialog(page) {
  await page.locator('#node-dialog-ok').click();
  await page.locator('#node-dialog-ok').waitFor({ state: 'detached' });
}

async function deploy(page) {
  await page.locator('#red-ui-header-button-deploy').click();
  await page.locator('.red-ui-notification', { hasText: 'Successfully deployed' }).waitFor();
}

// Presses an inject node's button on the canvas.
async function pressInject(page, id) {
  await canvasNode(page, id).locator('.red-ui-flow-node-button').click();
}

// Shows the debug sidebar and resolves with its first message's element.
async function firstDebugMessage(page) {
  await page.evaluate(() => RED.sidebar.show('debug'));
  const message = page.locator('#red-ui-sidebar .red-ui-debug-msg').first();
  await message.waitFor({ state: 'visible' });
  return message;
}

// Expands the tree of a debug message along `path` (property names), as a
// person clicks the carets; the editor builds each level when it opens.
async function expandDebugPath(message, path) {
  let element = message.locator('.red-ui-debug-msg-top-level');
  await element.locator(':scope > .red-ui-debug-msg-row').click();
  for (const key of path) {
    // The key of an element's own row, not a key in its collapsed preview.
    const ownKey = message.page().locator(':scope > .red-ui-debug-msg-row > .red-ui-debug-msg-object-key', { hasText: new RegExp(`^${key}$`) });
    element = element.locator('.red-ui-debug-msg-element').filter({ has: ownKey }).first();
    await element.locator(':scope > .red-ui-debug-msg-row').click();
  }
}

module.exports = {
  launchBrowser, openEditor, paletteNode, openCategory, foldOtherCategories, dragOntoCanvas, canvasNode,
  wire, openEditDialog, closeEditDialog, deploy, pressInject, firstDebugMessage, expandDebugPath,
};
