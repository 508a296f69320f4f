'use strict';
// Usage: node check-response-schemas.js <okta openapi yaml> <responses.jsonl>
//
// Validates every answer the sandbox recorded (okta-sandbox --record-responses)
// against the response schema Okta's OpenAPI spec gives for that path, method
// and status. Error answers without a documented schema are held to `Error`.
// Fails when the record is missing or empty, or when any answer does not fit.
require('./lib/require-dependencies');
const fs = require('node:fs');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const [specFile, recordFile] = process.argv.slice(2);
if (!specFile || !recordFile) {
  console.error('usage: node check-response-schemas.js <management-minimal.yaml> <responses.jsonl>');
  process.exit(2);
}
if (!fs.existsSync(specFile)) {
  console.error(`Okta's OpenAPI spec is not at ${specFile} (set the CMake cache variable OKTA_OPENAPI_SPEC).`);
  process.exit(1);
}
if (!fs.existsSync(recordFile) || fs.statSync(recordFile).size === 0) {
  console.error(`No recorded responses in ${recordFile}: the tests that use the sandbox did not run, ` +
    'or did not pass --record-responses (OKTA_SANDBOX_RECORD).');
  process.exit(1);
}

const spec = yaml.load(fs.readFileSync(specFile, 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true });
addFormats(ajv);
for (const format of ['int32', 'int64', 'password', 'binary', 'byte', 'float', 'double']) ajv.addFormat(format, true);
// The schemas the Users and Groups APIs' answers can reach, as one document in which
// "#/components/schemas/..." refs resolve. Only these: the full spec holds
// examples and ids that are not valid JSON Schema.
const groupPaths = new Set(['/api/v1/groups', '/api/v1/groups/{groupId}', '/api/v1/groups/{groupId}/users',
  '/api/v1/groups/{groupId}/users/{userId}']);
const usersPaths = Object.keys(spec.paths)
  .filter((p) => p === '/api/v1/users' || p.startsWith('/api/v1/users/') || groupPaths.has(p));
function reachableSchemas() {
  const wanted = new Set(['Error']);
  const pending = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      if (key === '$ref' && typeof value === 'string') {
        const [, kind, name] = value.split('/').slice(1);
        if (kind === 'schemas' && !wanted.has(name)) {
          wanted.add(name);
          pending.push(spec.components.schemas[name]);
        } else if (kind === 'responses') {
          visit(spec.components.responses[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  for (const p of usersPaths) for (const operation of Object.values(spec.paths[p])) visit(operation && operation.responses);
  pending.push(spec.components.schemas.Error);
  while (pending.length > 0) visit(pending.pop());
  const schemas = {};
  for (const name of wanted) schemas[name] = spec.components.schemas[name];
  return schemas;
}
const withoutExamples = (node) => JSON.parse(JSON.stringify(node, (key, value) => (key === 'example' || key === 'examples' ? undefined : value)));
ajv.addSchema({ $id: 'okta', components: { schemas: withoutExamples(reachableSchemas()) } });

const compiled = new Map();
function validatorFor(ref) {
  if (!compiled.has(ref)) compiled.set(ref, ajv.compile({ $ref: `okta${ref}` }));
  return compiled.get(ref);
}
function validatorForSchema(schema, key) {
  if (schema.$ref) return validatorFor(schema.$ref);
  if (!compiled.has(key)) {
    // Inline schemas (e.g. listUsers' array of User) refer to components too.
    const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"okta#/'));
    compiled.set(key, ajv.compile(rewritten));
  }
  return compiled.get(key);
}

// Path templates of the spec, most literal first, as matchers on raw (encoded) paths.
const templates = Object.keys(spec.paths)
  .map((template) => ({
    template,
    literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => b.literals - a.literals);

function resolveResponse(response) {
  if (response && response.$ref) return spec.components.responses[response.$ref.split('/').pop()];
  return response;
}

const errorFields = ['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses'];
const userFields = new Set(Object.keys(spec.components.schemas.User.properties));
const groupFields = new Set(Object.keys(spec.components.schemas.Group.properties));

// Returns a list of problems with one recorded answer (empty when it fits).
function check(entry) {
  const problems = [];
  const match = templates.find((t) => t.regex.test(entry.path));
  const operation = match && spec.paths[match.template][entry.method.toLowerCase()];
  const documented = operation && resolveResponse(operation.responses[String(entry.status)] || operation.responses.default);
  const label = `${entry.method} ${match ? match.template : entry.path} -> ${entry.status}`;

  let body;
  if (entry.body.length > 0) {
    try {
      body = JSON.parse(entry.body);
    } catch {
      return { label, problems: ['the body is not JSON'] };
    }
  }

  let schema;
  let schemaKey;
  if (documented) {
    const content = documented.content && documented.content['application/json'];
    if (content && content.schema) {
      schema = content.schema;
      schemaKey = `${match.template} ${entry.method} ${entry.status}`;
    } else if (body !== undefined && !(typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
      problems.push('the spec documents no body for this answer, but one was sent');
    }
  } else if (entry.status >= 400) {
    schema = { $ref: '#/components/schemas/Error' };
    schemaKey = 'Error';
  } else {
    problems.push(operation ? 'the spec documents no such status for this operation' : 'the spec has no such operation');
  }

  if (schema) {
    if (body === undefined) {
      problems.push('the spec documents a JSON body, but none was sent');
    } else {
      const validate = validatorForSchema(schema, schemaKey);
      if (!validate(body)) {
        problems.push(...validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
      }
    }
  }
  // Stricter than the schema, to catch invented or misspelt members.
  if (entry.status >= 400 && body !== undefined) {
    for (const field of errorFields) if (!(field in body)) problems.push(`the error lacks ${field}`);
  }
  // Users and groups are told apart by their ids ("00u", "00g").
  const resources = Array.isArray(body) ? body : (body && body.profile && body.id ? [body] : []);
  for (const resource of resources) {
    const isGroup = typeof resource.id === 'string' && resource.id.startsWith('00g');
    const known = isGroup ? groupFields : userFields;
    for (const key of Object.keys(resource)) {
      if (!known.has(key)) problems.push(`the ${isGroup ? 'group' : 'user'} has a member the spec does not know: ${key}`);
    }
  }
  return { label, problems };
}

const lines = fs.readFileSync(recordFile, 'utf8').split('\n').filter((line) => line.trim().length > 0);
const counts = new Map();
let failures = 0;
for (const [index, line] of lines.entries()) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    console.error(`line ${index + 1}: not a JSON record`);
    failures += 1;
    continue;
  }
  const { label, problems } = check(entry);
  counts.set(label, (counts.get(label) || 0) + 1);
  if (problems.length > 0) {
    failures += 1;
    if (failures <= 50) {
      console.error(`FAIL line ${index + 1}: ${label} (${entry.path})\n  ${problems.join('\n  ')}\n  body: ${entry.body.slice(0, 300)}`);
    }
  }
}

console.log(`Checked ${lines.length} recorded responses against ${specFile}:`);
for (const [label, count] of [...counts.entries()].sort()) console.log(`  ${String(count).padStart(6)}  ${label}`);
if (failures > 0) {
  console.error(`${failures} of ${lines.length} responses do not match the spec.`);
  process.exit(1);
}
console.log('Every response matches its schema.');
