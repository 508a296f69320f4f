#!/usr/bin/env node
// One run of the shared rate budget scenario: `creates` users split across
// `processes` `wfn-host workflow` processes (a forEach of okta.user.create,
// `concurrency` in flight each), with or without a RateBudgetUrl in the
// credentials, optionally each process's clock skewed by faketime. The
// sandbox is reset first (which also restarts its counters); afterwards its
// /__sandbox/stats give the requests it saw, the 429s and the peak in flight.
// Prints one JSON object. Trusts the sandbox's CA through NODE_EXTRA_CA_CERTS.
//
//   run-shared-budget.js --wfn-host PATH --plugins DIR --org-url URL --token TOKEN --ca FILE
//                        --work-dir DIR --creates N --processes N --concurrency N
//                        [--budget-url redis://...] [--skew -5,5] [--label TEXT]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { parseArgs } = require('node:util');
const { request } = require('./sandbox-admin.js');

function parseOptions() {
  const { values } = parseArgs({
    options: {
      'wfn-host': { type: 'string' },
      plugins: { type: 'string' },
      'org-url': { type: 'string' },
      token: { type: 'string' },
      ca: { type: 'string' },
      'work-dir': { type: 'string' },
      creates: { type: 'string', default: '400' },
      processes: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      'budget-url': { type: 'string', default: '' },
      skew: { type: 'string', default: '' },
      label: { type: 'string', default: '' },
    },
  });
  for (const required of ['wfn-host', 'plugins', 'org-url', 'token', 'ca', 'work-dir']) {
    if (!values[required]) throw new Error(`--${required} is required`);
  }
  return {
    ...values,
    creates: Number(values.creates),
    processes: Number(values.processes),
    concurrency: Number(values.concurrency),
    skews: values.skew ? values.skew.split(',').map(Number) : [],
  };
}

function workflow(concurrency) {
  return {
    name: 'bench-shared-budget',
    description: 'One worker of the shared rate budget scenario: its share of the creates.',
    steps: [{
      name: 'create',
      node: 'okta.user.create',
      forEach: '{{ input.users }}',
      concurrency,
      params: {
        UserName: '{{ item.login }}',
        Email: '{{ item.login }}',
        FirstName: 'Bench',
        LastName: '{{ item.lastName }}',
        Password: 'Xq7-Lantern-Quill-93!',
        Activate: true,
      },
    }],
  };
}

function writeWorker(options, worker, users) {
  const dir = path.join(options['work-dir'], `worker-${worker}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = (name) => path.join(dir, name);
  fs.writeFileSync(file('workflow.json'), JSON.stringify(workflow(options.concurrency)));
  fs.writeFileSync(file('input.json'), JSON.stringify({ users }));
  const credentials = {
    Domain: options['org-url'],
    ApiToken: options.token,
    CaCertificate: fs.readFileSync(options.ca, 'utf8'),
  };
  if (options['budget-url']) credentials.RateBudgetUrl = options['budget-url'];
  fs.writeFileSync(file('credentials.json'), JSON.stringify(credentials), { mode: 0o600 });
  return { workflow: file('workflow.json'), input: file('input.json'), credentials: file('credentials.json'), log: file('stderr.log') };
}

function runWorker(options, files, skewSeconds) {
  const hostArgs = ['workflow', files.workflow, '--input', `@${files.input}`, '--credentials',
    `@${files.credentials}`, '--plugins', options.plugins, '--log-level', 'warn'];
  // faketime shifts every clock of the process (wall and monotonic) by a constant.
  const [command, args] = skewSeconds === undefined
    ? [options['wfn-host'], hostArgs]
    : ['faketime', ['-f', `${skewSeconds >= 0 ? '+' : ''}${skewSeconds}s`, options['wfn-host'], ...hostArgs]];
  return new Promise((resolve, reject) => {
    const log = fs.openSync(files.log, 'w');
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', log] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      fs.closeSync(log);
      resolve({ exitCode, stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

function countFailures(stdout, expected) {
  let document;
  try {
    document = JSON.parse(stdout);
  } catch {
    return { failures: expected, firstError: 'no JSON document from wfn-host' };
  }
  const step = (document.steps || []).find((candidate) => candidate.name === 'create');
  const outputs = step && Array.isArray(step.outputs) ? step.outputs : [];
  let failures = expected - outputs.length;
  let firstError = failures > 0 ? `${failures} items produced no output` : '';
  for (const output of outputs) {
    const status = output && output.StatusCode;
    if (!(status >= 200 && status <= 299)) {
      failures++;
      if (!firstError) firstError = `${status}: ${output && output.ErrorMessage}`;
    }
  }
  return { failures, firstError };
}

async function main() {
  const options = parseOptions();
  const base = options['org-url'].replace(/\/$/, '');
  await request('POST', `${base}/__sandbox/reset`, options.token, {});
  const shares = Array.from({ length: options.processes }, () => []);
  for (let index = 0; index < options.creates; index++) {
    shares[index % options.processes].push({ login: `shared-${index}@example.com`, lastName: `User ${index}` });
  }
  const workers = shares.map((users, worker) => writeWorker(options, worker, users));
  const started = process.hrtime.bigint();
  const runs = await Promise.all(workers.map((files, worker) =>
    runWorker(options, files, options.skews.length ? options.skews[worker % options.skews.length] : undefined)));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  let failures = 0;
  let firstError = '';
  runs.forEach((run, worker) => {
    const counted = countFailures(run.stdout, shares[worker].length);
    failures += counted.failures;
    if (!firstError) firstError = counted.firstError;
  });
  const stats = await request('GET', `${base}/__sandbox/stats`, options.token);
  process.stdout.write(JSON.stringify({
    label: options.label,
    processes: options.processes,
    concurrency: options.concurrency,
    creates: options.creates,
    shared_budget: Boolean(options['budget-url']),
    skew_seconds: options.skews,
    requests: stats.apiRequests,
    rate_limited: stats.rateLimited,
    peak_in_flight: stats.peakInFlight,
    failures,
    first_error: firstError,
    elapsed_ms: elapsedMs,
  }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`run-shared-budget: ${error.message}\n`);
  process.exit(1);
});
