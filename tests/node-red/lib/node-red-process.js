'use strict';
// Starts a real Node-RED (red.js with settings.js) on a loopback port with a
// flows file in a throw-away user folder, and stops it.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const settingsFile = path.resolve(__dirname, '../settings.js');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Resolves with { url, userDir, lines, child, stop() } once Node-RED has
// started the flows. `credentials` goes to flows_cred.json (plain text: the
// settings turn encryption off for tests). `env` is added to the process's.
async function startNodeRed({ flowsFile, credentials = {}, env = {}, timeoutMs = 90000, port } = {}) {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wfn-node-red-'));
  const flows = path.join(userDir, 'flows.json');
  if (flowsFile) fs.copyFileSync(flowsFile, flows);
  else fs.writeFileSync(flows, '[]');
  fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(credentials));
  const uiPort = port || await freePort();
  const red = require.resolve('node-red/red.js');
  const child = spawn(process.execPath, [red, '--settings', settingsFile, '--userDir', userDir, flows],
    { env: { ...process.env, ...env, NODE_RED_PORT: String(uiPort) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const listeners = new Set();
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const listener of listeners) listener(line);
    });
  }
  // Resolves with the first line (already printed or to come) matching `pattern`.
  const waitFor = (pattern, ms = timeoutMs) => new Promise((resolve, reject) => {
    const found = lines.find((line) => pattern.test(line));
    if (found) { resolve(found); return; }
    const timer = setTimeout(() => { listeners.delete(check); reject(new Error(`Node-RED printed no line matching ${pattern} within ${ms} ms:\n${lines.join('\n')}`)); }, ms);
    const check = (line) => {
      if (pattern.test(line)) { clearTimeout(timer); listeners.delete(check); resolve(line); }
    };
    listeners.add(check);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // SIGINT, as Ctrl-C; SIGKILL (which the caller sees as the signal) if
  // Node-RED has not closed within `stopMs`.
  const stop = async (stopMs = 20000) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), stopMs);
    const result = await exited;
    clearTimeout(timer);
    fs.rmSync(userDir, { recursive: true, force: true });
    return result;
  };
  try {
    await Promise.race([waitFor(/Started flows/), exited.then(({ code }) => { throw new Error(`Node-RED exited (code ${code}) before it started the flows:\n${lines.join('\n')}`); })]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${uiPort}/`, userDir, lines, waitFor, child, stop };
}

module.exports = { startNodeRed };
