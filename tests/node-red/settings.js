// Node-RED settings for the wfn tests and the demo: the wfn palette from the
// SDK tree, the editor on loopback only, credentials kept in plain text in a
// throw-away user folder (NODE_RED_CREDENTIAL_SECRET turns encryption on).
const path = require('node:path');

module.exports = {
  uiHost: '127.0.0.1',
  uiPort: Number(process.env.NODE_RED_PORT || 1880),
  nodesDir: [path.resolve(__dirname, '../../sdk/bindings/node-red')],
  wfnPluginsDir: process.env.WFN_PLUGINS_DIR,
  credentialSecret: process.env.NODE_RED_CREDENTIAL_SECRET || false,
  flowFilePretty: true,
  editorTheme: { tours: false, projects: { enabled: false } },
  diagnostics: { enabled: false },
  telemetry: { enabled: false },
  externalModules: { autoInstall: false, palette: { allowInstall: false } },
  logging: { console: { level: 'info', metrics: false, audit: false } },
};
