'use strict';
// Usage: node check-response-schemas.js <responses.jsonl>
//
// Validates every answer the sandbox recorded (okta-sandbox --record-responses)
// against the response schemas of Okta's specs:
//  - always the Swagger 2.0 spec of the npm package @okta/openapi (pinned by
//    package-lock.json), for every operation it covers;
//  - in addition Okta's newer OpenAPI 3 spec (management-minimal.yaml) when
//    the environment variable OKTA_OPENAPI_SPEC names it. That one documents
//    every status and the Error body, so everything it lacks is a failure.
// Prints what each spec does not cover. Before the record, checks that answers
// broken on purpose are reported (a check that cannot fail proves nothing).
// Fails when the record is missing or empty, or when any answer does not fit.
require('./lib/require-dependencies');
const fs = require('node:fs');
const { loadSwagger2 } = require('./lib/swagger2-spec');
const { loadOpenApi3 } = require('./lib/openapi3-spec');
const { checkAnswer } = require('./lib/answer-check');
const { selfCheck } = require('./lib/self-check');

const [recordFile] = process.argv.slice(2);
if (!recordFile) {
  console.error('usage: [OKTA_OPENAPI_SPEC=<management-minimal.yaml>] node check-response-schemas.js <responses.jsonl>');
  process.exit(2);
}
if (!fs.existsSync(recordFile) || fs.statSync(recordFile).size === 0) {
  console.error(`No recorded responses in ${recordFile}: the tests that use the sandbox did not run, ` +
    'or did not pass --record-responses (OKTA_SANDBOX_RECORD).');
  process.exit(1);
}
const openApi3File = process.env.OKTA_OPENAPI_SPEC;
if (openApi3File && !fs.existsSync(openApi3File)) {
  console.error(`OKTA_OPENAPI_SPEC names ${openApi3File}, which does not exist.`);
  process.exit(1);
}

const lines = fs.readFileSync(recordFile, 'utf8').split('\n').filter((line) => line.trim().length > 0);
const entries = [];
let failures = 0;
for (const [index, line] of lines.entries()) {
  try {
    entries.push({ line: index + 1, ...JSON.parse(line) });
  } catch {
    console.error(`line ${index + 1}: not a JSON record`);
    failures += 1;
  }
}

const specs = [loadSwagger2()];
if (openApi3File) specs.push(loadOpenApi3(openApi3File));
else console.log('OKTA_OPENAPI_SPEC is not set: the answers are not checked against the OpenAPI 3 spec.');

for (const spec of specs) {
  console.log(`\nChecking ${entries.length} recorded responses against ${spec.title}:`);
  for (const correction of spec.corrections || []) console.log(`  (corrected where Okta departs from it: ${correction})`);
  const missed = selfCheck(entries, spec);
  for (const problem of missed) console.error(`SELF-CHECK FAILED: ${problem}`);
  failures += missed.length;

  const counts = new Map();
  const uncovered = new Map();
  let specFailures = 0;
  for (const entry of entries) {
    const { label, problems, notes } = checkAnswer(entry, spec);
    counts.set(label, (counts.get(label) || 0) + 1);
    for (const note of notes) {
      const key = `${label}: ${note}`;
      uncovered.set(key, (uncovered.get(key) || 0) + 1);
    }
    if (problems.length > 0) {
      specFailures += 1;
      if (specFailures <= 50) {
        console.error(`FAIL line ${entry.line}: ${label} (${entry.path})\n  ${problems.join('\n  ')}\n  body: ${entry.body.slice(0, 300)}`);
      }
    }
  }
  for (const [label, count] of [...counts.entries()].sort()) console.log(`  ${String(count).padStart(6)}  ${label}`);
  if (uncovered.size > 0) {
    console.log('Not covered by this spec, so not checked against it:');
    for (const [note, count] of [...uncovered.entries()].sort()) console.log(`  ${String(count).padStart(6)}  ${note}`);
  }
  if (specFailures > 0) console.error(`${specFailures} of ${entries.length} responses do not match ${spec.title}.`);
  else console.log(`Every response it covers matches its schema; ${missed.length === 0 ? 'every' : 'NOT every'} broken answer was reported.`);
  failures += specFailures;
}

if (failures > 0) process.exit(1);
