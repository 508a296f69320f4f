'use strict';
// Node-RED definitions generated from wfn manifests: one node type per wfn
// node, one config node type per credential type. Pure data (and HTML text
// for the editor); wfn.js registers them with the runtime and wfn.html with
// the editor.

// Node-RED type names: letters, digits and dashes ("okta.user.create" →
// "wfn-okta-user-create").
function typeName(id) {
  return `wfn-${id.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// A schema's properties as form fields, in x-ui order.
function fieldsOf(schema) {
  const required = new Set(schema.required || []);
  return Object.entries(schema.properties || {})
    .map(([name, property]) => {
      const ui = property['x-ui'] || {};
      return {
        name,
        title: property.title || name,
        description: property.description || '',
        type: property.type || 'string',
        placeholder: ui.placeholder || '',
        secret: ui.secret === true,
        advanced: ui.advanced === true,
        multiline: ui.multiline === true,
        order: Number.isInteger(ui.order) ? ui.order : 1000,
        required: required.has(name),
        default: property.default,
        constant: property.const,
        enum: property.enum,
        showIf: ui.showIf,
      };
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

// "Give one of: Group ID or Group Name", from a schema's oneOf/anyOf of required lists.
function alternativesOf(schema, fields) {
  const choices = schema.oneOf || schema.anyOf;
  if (!Array.isArray(choices)) return [];
  const titleOf = (name) => (fields.find((f) => f.name === name) || { title: name }).title;
  const groups = choices.filter((c) => Array.isArray(c.required)).map((c) => c.required);
  return groups.length ? [{ names: groups.flat(), text: `Give one of: ${groups.map((g) => g.map(titleOf).join(' + ')).join(' or ')}` }] : [];
}

// The typed-input types a parameter may take its value from.
function sourcesOf(field) {
  const fromFlow = ['msg', 'flow', 'global', 'env'];
  if (field.type === 'boolean') return ['bool', ...fromFlow];
  if (field.type === 'integer' || field.type === 'number') return ['num', ...fromFlow];
  if (field.type === 'object' || field.type === 'array') return ['json', ...fromFlow];
  return ['str', ...fromFlow];
}

function fieldRow(field, prefix) {
  const id = prefix === 'config' ? `node-config-input-${field.name}` : `node-input-${field.name}`;
  const mark = field.required ? ' <span class="wfn-required" title="required">*</span>' : '';
  const label = `<label for="${id}" title="${escapeHtml(field.description)}">${escapeHtml(field.title)}${mark}</label>`;
  let input;
  if (field.secret) {
    input = `<input type="password" id="${id}" autocomplete="off" placeholder="${escapeHtml(field.placeholder)}">`;
  } else if (prefix === 'config' && field.multiline) {
    input = `<textarea id="${id}" rows="4" style="width:70%" placeholder="${escapeHtml(field.placeholder)}"></textarea>`;
  } else if (prefix === 'config') {
    input = `<input type="text" id="${id}" placeholder="${escapeHtml(field.placeholder)}">`;
  } else {
    input = `<input type="text" id="${id}" style="width:70%" placeholder="${escapeHtml(field.placeholder)}">`
      + `<input type="hidden" id="${id}Type">`;
  }
  return `<div class="form-row wfn-field" data-wfn-field="${escapeHtml(field.name)}">${label}${input}</div>`;
}

function formOf(fields, prefix, { before = '', after = '' } = {}) {
  const basic = fields.filter((f) => !f.advanced).map((f) => fieldRow(f, prefix)).join('\n');
  const advanced = fields.filter((f) => f.advanced).map((f) => fieldRow(f, prefix)).join('\n');
  const folded = advanced ? `<details class="wfn-advanced"><summary>Advanced</summary>\n${advanced}\n</details>` : '';
  return `${before}\n${basic}\n${folded}\n${after}`;
}

function helpOf(manifest) {
  const outputs = Object.entries((manifest.outputs && manifest.outputs.properties) || {})
    .map(([name, p]) => `<dt>${escapeHtml(name)} <span class="property-type">${escapeHtml(p.type || '')}</span></dt><dd>${escapeHtml(p.description || '')}</dd>`)
    .join('\n');
  const inputs = Object.entries((manifest.inputs && manifest.inputs.properties) || {})
    .map(([name, p]) => `<dt>${escapeHtml(p.title || name)} <span class="property-type">${escapeHtml(p.type || '')}</span></dt><dd>${escapeHtml(p.description || '')}</dd>`)
    .join('\n');
  const docs = manifest.docsUrl ? `<p><a href="${escapeHtml(manifest.docsUrl)}" target="_blank" rel="noopener">Okta API reference</a></p>` : '';
  return `<p>${escapeHtml(manifest.description || '')}</p>\n`
    + '<h3>Outputs</h3><ol class="node-ports"><li>Success (2xx)<dl class="message-properties"><dt>payload <span class="property-type">object</span></dt><dd>the whole output envelope</dd></dl></li>'
    + '<li>Failure (any other StatusCode): the whole envelope in <code>msg.payload</code>, with Retryable and RateLimitReset when the plugin sets them</li></ol>\n'
    + `<h3>Envelope</h3><dl class="message-properties">${outputs}</dl>\n`
    + `<h3>Parameters</h3><p>Each parameter comes from the form or from the message (such as <code>msg.payload.User.id</code>).</p><dl class="message-properties">${inputs}</dl>\n${docs}`;
}

// Config node types, one per credential type the plugins declare.
function credentialDefinitions(described) {
  const types = new Map();
  for (const node of described) {
    for (const type of node.credentialTypes) {
      if (types.has(type.id)) continue;
      const fields = fieldsOf(type.schema || {}).filter((f) => f.constant === undefined);
      types.set(type.id, {
        type: typeName(type.id),
        credentialTypeId: type.id,
        label: type.displayName || type.id,
        category: 'config',
        fields: fields.map(({ name, title, secret, required, default: d }) => ({ name, title, secret, required, default: d })),
        template: formOf(fields, 'config', {
          before: '<div class="form-row"><label for="node-config-input-name">Name</label><input type="text" id="node-config-input-name"></div>',
        }),
        help: `<p>${escapeHtml(type.description || '')}</p><p>Secret fields are Node-RED credentials: stored encrypted, never sent back to the editor.</p>`,
      });
    }
  }
  return [...types.values()];
}

// Node types, one per wfn node that is meant for flows.
function nodeDefinitions(described) {
  return described
    .filter((node) => !(node.manifest['x-ui'] && node.manifest['x-ui'].hidden))
    .map((node) => {
      const schema = node.manifest.inputs || {};
      const fields = fieldsOf(schema);
      const accepted = node.manifest.credentialTypes || (node.manifest.credentialType ? [node.manifest.credentialType] : []);
      const credentialRows = accepted.map((id, index) => {
        const type = node.credentialTypes.find((t) => t.id === id);
        const label = type ? type.displayName : id;
        return `<div class="form-row"><label for="node-input-credential${index}"><i class="fa fa-key"></i> ${escapeHtml(label)}</label><input type="text" id="node-input-credential${index}"></div>`;
      }).join('\n');
      const alternatives = alternativesOf(schema, fields);
      const notes = alternatives.map((a) => `<div class="form-tips wfn-alternatives">${escapeHtml(a.text)}</div>`).join('\n');
      return {
        type: typeName(node.id),
        nodeId: node.id,
        label: node.displayName,
        category: node.pluginName,
        credentialConfigTypes: accepted.map(typeName),
        fields: fields.map(({ name, title, type, secret, required, default: d, showIf }) => ({ name, title, type, secret, required, default: d, showIf, sources: sourcesOf({ type }) })),
        alternatives: alternatives.map((a) => a.names),
        template: formOf(fields, 'input', {
          before: `<div class="form-row"><label for="node-input-name"><i class="fa fa-tag"></i> Name</label><input type="text" id="node-input-name" placeholder="${escapeHtml(node.displayName)}"></div>\n${credentialRows}\n${notes}`,
        }),
        help: helpOf(node.manifest),
      };
    });
}

module.exports = { typeName, escapeHtml, fieldsOf, nodeDefinitions, credentialDefinitions };
