'use strict';
// Starts an okta-sandbox process and talks to its test-control API (/__sandbox/).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const https = require('node:https');
const readline = require('node:readline');

const READY = /^OKTA_SANDBOX_READY url=(\S+) ca=(.+)$/;

// Resolves with { url, ca, child, stop() } once the ready line is printed.
function startSandbox(executable, args = [], { timeoutMs = 60000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, [...args, '--exit-on-stdin-eof'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`okta-sandbox printed no ready line within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${executable}: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`okta-sandbox exited (code ${code}) before it was ready; its standard error says why`));
    });
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = READY.exec(line);
      if (!match) {
        child.kill('SIGKILL');
        reject(new Error(`unexpected first line from okta-sandbox: ${line}`));
        return;
      }
      child.removeAllListeners('exit');
      resolve({
        url: match[1],
        ca: match[2],
        child,
        stop: () => new Promise((done) => {
          child.once('exit', (code, signal) => done({ code, signal }));
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

// One call to the sandbox's admin API; resolves with the parsed JSON answer.
function adminCall(sandbox, method, name, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = https.request(`${sandbox.url}/__sandbox/${name}`, {
      method,
      ca: fs.readFileSync(sandbox.ca),
      headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        if (response.statusCode !== 200) {
          reject(new Error(`${method} /__sandbox/${name} answered ${response.statusCode}: ${text}`));
          return;
        }
        resolve(JSON.parse(text));
      });
    });
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}

// The admin API for a sandbox described by { url, ca }.
function adminOf(sandbox) {
  return {
    reset: () => adminCall(sandbox, 'POST', 'reset'),
    seed: (request) => adminCall(sandbox, 'POST', 'seed', request),
    requests: async () => (await adminCall(sandbox, 'GET', 'requests')).requests,
    clearRequests: () => adminCall(sandbox, 'DELETE', 'requests'),
    inject: (fault) => adminCall(sandbox, 'POST', 'faults', fault),
    clearFaults: () => adminCall(sandbox, 'DELETE', 'faults'),
    configure: (settings) => adminCall(sandbox, 'POST', 'config', settings),
    users: async () => (await adminCall(sandbox, 'GET', 'users')).users,
    setUserStatus: (idOrLogin, status) => adminCall(sandbox, 'POST', `users/${encodeURIComponent(idOrLogin)}/status`, { status }),
    createGroup: (request) => adminCall(sandbox, 'POST', 'groups', request),
    seedGroups: (request) => adminCall(sandbox, 'POST', 'groups/seed', request),
    addMember: (groupId, idOrLogin) => adminCall(sandbox, 'PUT', `groups/${encodeURIComponent(groupId)}/users/${encodeURIComponent(idOrLogin)}`),
    groups: async () => (await adminCall(sandbox, 'GET', 'groups')).groups,
    registerServiceApp: (app) => adminCall(sandbox, 'POST', 'oauth/apps', app),
    expireAccessTokens: () => adminCall(sandbox, 'POST', 'oauth/expire-tokens'),
  };
}

module.exports = { startSandbox, adminOf };
