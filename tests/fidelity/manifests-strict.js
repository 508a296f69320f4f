// Checks the manifests with a JSON Schema implementation we did not write:
// AJV 8 in strict mode (draft 2020-12). Each manifest file must match its
// meta-schema, and each schema a manifest carries (inputs, outputs, a
// credential type's schema) must compile in strict mode, where an unknown
// keyword is an error. x-ui is registered as a keyword whose value must
// match the subset's uiHints, as a canvas built on AJV would register it.
// Every example must also satisfy the node's inputs.
//
//   node manifests-strict.js <manifests dir>
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats');

const manifestsDir = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'manifests'));
const schemaDir = path.join(manifestsDir, 'schema');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const subset = readJson(path.join(schemaDir, 'json-schema-subset.schema.json'));
// allowUnionTypes: a schema in a manifest may be an object or a boolean.
const metaAjv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(metaAjv);
for (const name of fs.readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))) {
  metaAjv.addSchema(readJson(path.join(schemaDir, name)), name);
}

const schemaAjv = new Ajv2020({ strict: true, allErrors: true });
addFormats(schemaAjv);
schemaAjv.addKeyword({ keyword: 'x-ui', metaSchema: subset.$defs.uiHints });

const failures = [];
const fail = (file, what) => failures.push(`${path.relative(manifestsDir, file)}: ${what}`);
const describe = (errors) => errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

function matchesMeta(file, document, metaSchema) {
  const validate = metaAjv.getSchema(metaSchema);
  if (!validate(document)) fail(file, `does not match ${metaSchema}: ${describe(validate.errors)}`);
}

function compiles(file, label, schema) {
  try {
    return schemaAjv.compile(schema);
  } catch (error) {
    fail(file, `${label} does not compile in AJV strict mode: ${error.message}`);
    return null;
  }
}

let checked = 0;
for (const bundle of fs.readdirSync(manifestsDir, { withFileTypes: true })) {
  if (!bundle.isDirectory() || bundle.name === 'schema') continue;
  const bundleDir = path.join(manifestsDir, bundle.name);
  const manifestFile = path.join(bundleDir, 'manifest.json');
  const manifest = readJson(manifestFile);
  matchesMeta(manifestFile, manifest, 'plugin-manifest.schema.json');
  for (const type of manifest.credentialTypes || []) {
    const file = path.join(bundleDir, type.file);
    const document = readJson(file);
    matchesMeta(file, document, 'credential-type.schema.json');
    compiles(file, 'schema', document.schema);
    checked++;
  }
  for (const node of manifest.nodes) {
    const file = path.join(bundleDir, node.file);
    const document = readJson(file);
    matchesMeta(file, document, 'node-manifest.schema.json');
    const inputs = compiles(file, 'inputs', document.inputs);
    compiles(file, 'outputs', document.outputs);
    for (const [index, example] of (document.inputs.examples || []).entries()) {
      if (inputs && !inputs(example)) fail(file, `inputs.examples[${index}] is refused: ${describe(inputs.errors)}`);
    }
    checked++;
  }
}

// The check must be able to fail: a hint AJV's keyword definition refuses.
const broken = { type: 'object', properties: { A: { type: 'string', 'x-ui': { showIf: 'ReturnAll' } } } };
let refused = false;
try {
  schemaAjv.compile(broken);
} catch {
  refused = true;
}
if (!refused) failures.push('a malformed x-ui.showIf compiled: the x-ui keyword is not checked');

if (checked === 0) failures.push(`no manifests found under ${manifestsDir}`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`AJV strict: ${checked} node and credential documents and their schemas pass`);
