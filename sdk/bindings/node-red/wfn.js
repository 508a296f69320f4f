'use strict';
// The wfn palette for Node-RED: every wfn node the host loads becomes a
// Node-RED node type, generated from its manifest at start-up (see
// lib/definitions.js); every credential type becomes a config node whose
// secret fields are Node-RED credentials. Runs go through @wfn/host, each on
// its own worker thread.
//
// Settings: `wfnPluginsDir` in Node-RED's settings.js, else $WFN_PLUGINS_DIR,
// else the host's default folder.
const { Host } = require('../node');
const { nodeDefinitions, credentialDefinitions } = require('./lib/definitions');
const { runNode } = require('./lib/run-node');

module.exports = function registerWfnPalette(RED) {
  const pluginsDir = RED.settings.wfnPluginsDir || process.env.WFN_PLUGINS_DIR || undefined;
  const host = new Host(pluginsDir);
  for (const error of host.loadErrors()) RED.log.warn(`wfn: ${error.path}: ${error.reason}`);
  const described = host.describe();
  const credentialTypes = credentialDefinitions(described);
  const nodeTypes = nodeDefinitions(described);

  for (const definition of credentialTypes) {
    const credentials = {};
    for (const field of definition.fields) {
      if (field.secret) credentials[field.name] = { type: 'password' };
    }
    function WfnCredentialNode(config) {
      RED.nodes.createNode(this, config);
      this.credentialTypeId = definition.credentialTypeId;
      // The credential JSON the plugin gets: plain fields from the config,
      // secret ones from Node-RED's encrypted credential store.
      this.credential = () => {
        const credential = { type: definition.credentialTypeId };
        for (const field of definition.fields) {
          const value = field.secret ? (this.credentials || {})[field.name] : config[field.name];
          if (value !== undefined && value !== '') credential[field.name] = value;
        }
        return credential;
      };
    }
    RED.nodes.registerType(definition.type, WfnCredentialNode, { credentials });
  }

  for (const definition of nodeTypes) {
    const credentials = {};
    for (const field of definition.fields) {
      if (field.secret) credentials[field.name] = { type: 'password' };
    }
    function WfnNode(config) {
      RED.nodes.createNode(this, config);
      runNode(RED, this, config, definition, host);
    }
    RED.nodes.registerType(definition.type, WfnNode, { credentials });
  }

  // What wfn.html registers in the editor.
  RED.httpAdmin.get('/wfn/palette', RED.auth.needsPermission('wfn.read'), (request, response) => {
    response.json({ nodeTypes, credentialTypes });
  });
};
