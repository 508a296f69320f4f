'use strict';
// Okta's OpenAPI 3 spec (management-minimal.yaml, or the same as JSON) as the
// answer check sees a spec: operations by method and recorded path, their
// documented responses, and validators for their schemas.
const fs = require('node:fs');
const yaml = require('js-yaml');
const { ajvForSpec } = require('./ajv-for-spec');
const { pathTemplates } = require('./path-templates');

const withoutExamples = (node) =>
  JSON.parse(JSON.stringify(node, (key, value) => (key === 'example' || key === 'examples' ? undefined : value)));

// The schemas the Users and Groups APIs' answers can reach. Only these: the
// full spec holds examples and ids that are not valid JSON Schema.
function reachableSchemas(spec) {
  const groupPaths = new Set(['/api/v1/groups', '/api/v1/groups/{groupId}', '/api/v1/groups/{groupId}/users',
    '/api/v1/groups/{groupId}/users/{userId}']);
  const usersPaths = Object.keys(spec.paths)
    .filter((p) => p === '/api/v1/users' || p.startsWith('/api/v1/users/') || groupPaths.has(p));
  const wanted = new Set(['Error']);
  const pending = [spec.components.schemas.Error];
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
  while (pending.length > 0) visit(pending.pop());
  const schemas = {};
  for (const name of wanted) schemas[name] = spec.components.schemas[name];
  return withoutExamples(schemas);
}

function loadOpenApi3(file) {
  const text = fs.readFileSync(file, 'utf8');
  const spec = file.endsWith('.json') ? JSON.parse(text) : yaml.load(text);
  if (!spec || typeof spec.openapi !== 'string' || !spec.openapi.startsWith('3.')) {
    throw new Error(`${file} is not an OpenAPI 3 document`);
  }
  const ajv = ajvForSpec({ discriminator: true });
  ajv.addSchema({ $id: 'okta3', components: { schemas: reachableSchemas(spec) } });
  const compiled = new Map();
  const resolveResponse = (response) =>
    (response && response.$ref ? spec.components.responses[response.$ref.split('/').pop()] : response);
  const match = pathTemplates(spec.paths);

  return {
    title: `Okta's OpenAPI ${spec.openapi} spec ${spec.info.version} (${file})`,
    // Its statuses are Okta's: an answer with another status is a defect.
    statusesAreExact: true,
    errorSchema: { $ref: '#/components/schemas/Error' },
    userFields: new Set(Object.keys(spec.components.schemas.User.properties)),
    groupFields: new Set(Object.keys(spec.components.schemas.Group.properties)),
    operation(method, path) {
      const found = match(path);
      const operation = found && spec.paths[found.pathPart] && spec.paths[found.pathPart][method.toLowerCase()];
      if (!operation) return undefined;
      const responses = new Map();
      for (const [status, response] of Object.entries(operation.responses || {})) {
        const content = resolveResponse(response).content;
        const json = content && content['application/json'];
        responses.set(status, [json && json.schema ? json.schema : null]);
      }
      return { template: found.pathPart, responses };
    },
    validator(schema) {
      const key = JSON.stringify(schema);
      if (!compiled.has(key)) {
        // Inline schemas (e.g. listUsers' array of User) refer to components too.
        compiled.set(key, ajv.compile(JSON.parse(key.replaceAll('"$ref":"#/', '"$ref":"okta3#/'))));
      }
      return compiled.get(key);
    },
  };
}

module.exports = { loadOpenApi3 };
