#!/usr/bin/env node
// The few sandbox calls run-bench.sh needs, so the script needs neither curl
// nor jq. Trusts the sandbox's CA through NODE_EXTRA_CA_CERTS.
//
//   sandbox-admin.js URL TOKEN config '{"userGet": 100000000}'   prints the new limits
//   sandbox-admin.js URL TOKEN seed COUNT PREFIX                  creates <PREFIX><n>@example.com
//   sandbox-admin.js URL TOKEN user-id LOGIN                      prints that user's id
'use strict';

const https = require('node:https');

function request(method, url, token, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const call = https.request(url, {
      method,
      headers: {
        Authorization: `SSWS ${token}`,
        Accept: 'application/json',
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => {
        if (response.statusCode < 200 || response.statusCode > 299) {
          reject(new Error(`${method} ${url} answered ${response.statusCode}: ${text}`));
          return;
        }
        resolve(text ? JSON.parse(text) : {});
      });
    });
    call.on('error', reject);
    if (payload !== undefined) call.write(payload);
    call.end();
  });
}

async function main() {
  const [baseUrl, token, command, ...args] = process.argv.slice(2);
  const base = (baseUrl || '').replace(/\/$/, '');
  switch (command) {
    case 'config': {
      const answer = await request('POST', `${base}/__sandbox/config`, token, JSON.parse(args[0]));
      process.stdout.write(JSON.stringify(answer) + '\n');
      return;
    }
    case 'seed': {
      const answer = await request('POST', `${base}/__sandbox/seed`, token,
        { count: Number(args[0]), prefix: args[1] || 'seed' });
      process.stdout.write(JSON.stringify(answer) + '\n');
      return;
    }
    case 'user-id': {
      const user = await request('GET', `${base}/api/v1/users/${encodeURIComponent(args[0])}`, token);
      process.stdout.write(`${user.id}\n`);
      return;
    }
    default:
      throw new Error('usage: sandbox-admin.js URL TOKEN config JSON | seed COUNT PREFIX | user-id LOGIN');
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`sandbox-admin: ${error.message}\n`);
    process.exit(1);
  });
}

module.exports = { request };
