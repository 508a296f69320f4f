#!/usr/bin/env node
// Scenario 4 for the plugin, as a workflow author would run it: one forEach
// step of okta.user.create over `creates` users, run by `wfn-host workflow`.
// Writes the workflow, its input and the credentials into --work-dir, times
// the wfn-host process (a few ms of it are start-up and plugin loading) and
// prints one JSON object with the elapsed time and the failed items.
//
//   run-workflow-batch.js --wfn-host PATH --plugins DIR --org-url URL --token TOKEN
//                         --ca FILE --work-dir DIR --creates N --concurrency N --prefix P
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { parseArgs } = require('node:util');

function parseOptions() {
  const { values } = parseArgs({
    options: {
      'wfn-host': { type: 'string' },
      plugins: { type: 'string' },
      'org-url': { type: 'string' },
      token: { type: 'string' },
      ca: { type: 'string' },
      'work-dir': { type: 'string' },
      creates: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '16' },
      prefix: { type: 'string', default: 'bench-wf-' },
    },
  });
  for (const required of ['wfn-host', 'plugins', 'org-url', 'token', 'ca', 'work-dir']) {
    if (!values[required]) throw new Error(`--${required} is required`);
  }
  return { ...values, creates: Number(values.creates), concurrency: Number(values.concurrency) };
}

function workflow(concurrency) {
  return {
    name: 'bench-batch-create',
    description: 'Benchmark scenario 4: one Create a New User per input user, several at once.',
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
        // Meets Okta's default policy, which refuses any part of the login.
        Password: 'Xq7-Lantern-Quill-93!',
        Activate: true,
      },
    }],
  };
}

function writeInputs(options) {
  fs.mkdirSync(options['work-dir'], { recursive: true });
  const file = (name) => path.join(options['work-dir'], name);
  const users = Array.from({ length: options.creates }, (_, index) => ({
    login: `${options.prefix}${index}@example.com`,
    lastName: `User ${index}`,
  }));
  fs.writeFileSync(file('batch.workflow.json'), JSON.stringify(workflow(options.concurrency), null, 2));
  fs.writeFileSync(file('batch.input.json'), JSON.stringify({ users }));
  fs.writeFileSync(file('credentials.json'), JSON.stringify({
    Domain: options['org-url'],
    ApiToken: options.token,
    CaCertificate: fs.readFileSync(options.ca, 'utf8'),
  }), { mode: 0o600 });
  return { workflowFile: file('batch.workflow.json'), inputFile: file('batch.input.json'), credentialsFile: file('credentials.json') };
}

function runHost(options, files) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(options['wfn-host'], [
      'workflow', files.workflowFile,
      '--input', `@${files.inputFile}`,
      '--credentials', `@${files.credentialsFile}`,
      '--plugins', options.plugins,
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ exitCode, elapsedMs, stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

function countFailures(document, creates) {
  const step = (document.steps || []).find((candidate) => candidate.name === 'create');
  const outputs = step && Array.isArray(step.outputs) ? step.outputs : [];
  let failures = creates - outputs.length;  // items that never produced an output
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
  const files = writeInputs(options);
  const run = await runHost(options, files);
  let document;
  try {
    document = JSON.parse(run.stdout);
  } catch {
    throw new Error(`wfn-host workflow exited ${run.exitCode} without a JSON document`);
  }
  const { failures, firstError } = countFailures(document, options.creates);
  process.stdout.write(JSON.stringify({
    client: 'plugin',
    scenario: 'batch-create',
    driver: 'wfn-host workflow',
    creates: options.creates,
    concurrency: options.concurrency,
    failures,
    first_error: firstError,
    workflow_succeeded: document.succeeded === true,
    elapsed_ms: run.elapsedMs,
  }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`run-workflow-batch: ${error.message}\n`);
  process.exit(1);
});
