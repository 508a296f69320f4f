'use strict';
// An ajv instance for a spec's schemas. Non-strict: Okta's specs carry
// keywords JSON Schema does not know (x-okta-*, example, Swagger 2.0's
// string discriminator, OpenAPI 3's nullable), which must be ignored there,
// not rejected. The manifests' own check (manifests-strict.js) stays strict.
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

function ajvForSpec({ discriminator }) {
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'password', 'binary', 'byte', 'float', 'double']) ajv.addFormat(format, true);
  return ajv;
}

module.exports = { ajvForSpec };
