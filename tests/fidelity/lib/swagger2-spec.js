'use strict';
// Okta's Swagger 2.0 spec, as the npm package @okta/openapi publishes it
// (dist/spec.json), seen as the answer check sees a spec: operations by
// method and recorded path, their documented success responses, and
// validators for their schemas (`#/definitions/...`).
const fs = require('node:fs');
const { ajvForSpec } = require('./ajv-for-spec');
const { pathTemplates } = require('./path-templates');

// Swagger 2.0 cannot say that a member may be null, yet Okta answers null for
// the timestamps it sets itself and has not set yet (`activated` before
// activation, `lastLogin` before the first sign-in): the readOnly date-times.
const isOktaTimestamp = (property) => property && property.readOnly === true && property.format === 'date-time';

function timestampsMayBeNull(node) {
  if (Array.isArray(node)) return node.map(timestampsMayBeNull);
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      copy.properties = {};
      for (const [name, property] of Object.entries(value)) {
        const converted = timestampsMayBeNull(property);
        copy.properties[name] = isOktaTimestamp(property) ? { anyOf: [{ type: 'null' }, converted] } : converted;
      }
    } else {
      copy[key] = timestampsMayBeNull(value);
    }
  }
  return copy;
}

// Where Okta's answers and its newer OpenAPI 3 spec depart from the Swagger
// 2.0 one, and the sandbox follows them. Each is printed with the check.
const corrections = [
  {
    what: "Group._links.logo is an array of links (OpenAPI 3's Group), not one link object",
    apply: (definitions) => {
      definitions.Group.properties._links.properties = { logo: { type: 'array', items: { type: 'object' } } };
    },
  },
];

function defaultSpecFile() {
  return require.resolve('@okta/openapi/dist/spec.json');
}

function loadSwagger2(file = defaultSpecFile()) {
  const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (spec.swagger !== '2.0') throw new Error(`${file} is not a Swagger 2.0 document`);
  // Swagger 2.0's discriminator is a property name, not ajv's {propertyName}.
  const ajv = ajvForSpec({ discriminator: false });
  for (const correction of corrections) correction.apply(spec.definitions);
  ajv.addSchema({ $id: 'okta2', definitions: timestampsMayBeNull(spec.definitions) });
  const compiled = new Map();
  const match = pathTemplates(spec.paths);

  return {
    title: `Okta's Swagger ${spec.swagger} spec ${spec.info.version} (@okta/openapi, ${file})`,
    corrections: corrections.map((correction) => correction.what),
    // It documents older statuses than Okta's answers (202 for deleting a
    // user, where Okta and its OpenAPI 3 spec answer 204): another success
    // status is noted, and the answer still held to the documented one.
    statusesAreExact: false,
    // It documents no error bodies.
    errorSchema: undefined,
    userFields: new Set(Object.keys(spec.definitions.User.properties)),
    groupFields: new Set(Object.keys(spec.definitions.Group.properties)),
    operation(method, path) {
      const found = match(path);
      if (!found) return undefined;
      const responses = new Map();
      const templates = [];
      for (const candidate of found.templates) {
        const operation = spec.paths[candidate][method.toLowerCase()];
        if (!operation) continue;
        templates.push(candidate);
        for (const [status, response] of Object.entries(operation.responses || {})) {
          // Its few error statuses have no schema: they say nothing of Okta's error body.
          if (Number(status) >= 400 && !response.schema) continue;
          if (!responses.has(status)) responses.set(status, []);
          responses.get(status).push(response.schema || null);
        }
      }
      return templates.length > 0 ? { template: templates.join(' | '), responses } : undefined;
    },
    validator(schema) {
      const key = JSON.stringify(schema);
      if (!compiled.has(key)) {
        const converted = JSON.stringify(timestampsMayBeNull(schema));
        compiled.set(key, ajv.compile(JSON.parse(converted.replaceAll('"$ref":"#/', '"$ref":"okta2#/'))));
      }
      return compiled.get(key);
    },
  };
}

module.exports = { loadSwagger2 };
