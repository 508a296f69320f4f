'use strict';
// wfn for Node.js: discover, load and run wfn plugins through the Node-API
// addon over the wfn C++ host (wfn.node, built by the project's CMake).
//
//   const { Host } = require('@wfn/host');
//   const host = new Host('/path/to/plugins');     // or $WFN_PLUGINS_DIR
//   const envelope = await host.run('okta.user.get', { UserId: 'ada@example.com' }, credential,
//     { signal, timeoutMs: 10000, onLog: (record) => {} });
//
// Every run happens on its own worker thread, never on the event loop. A
// run's promise resolves with the node's output envelope (StatusCode,
// ErrorMessage, ...) whatever the StatusCode; it rejects only for bad input
// (an unknown node, arguments of the wrong type), an AbortSignal that fired
// (an AbortError, with the envelope the plugin answered as `envelope`), or a
// callback that threw (that error: the run is cancelled).
const path = require('node:path');

function loadAddon() {
  const candidates = [process.env.WFN_NODE_ADDON, path.join(__dirname, 'build', 'wfn.node')].filter(Boolean);
  for (const file of candidates) {
    try {
      return require(file);
    } catch (error) {
      if (error.code !== 'MODULE_NOT_FOUND' || file === process.env.WFN_NODE_ADDON) {
        throw new Error(`cannot load the wfn addon ${file}: ${error.message}`);
      }
    }
  }
  throw new Error('the wfn addon is not built: build the project with CMake (target wfn_node) '
    + 'and set WFN_NODE_ADDON to the wfn.node it makes');
}
const { NativeHost } = loadAddon();

// Text for the host: JSON text as given, or an object serialised.
function jsonText(value, what) {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '{}';
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${what} must be an object or a JSON text, not ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`${what} cannot be serialised as JSON: ${error.message}`);
  }
}

function abortError(signal, envelope) {
  const error = new Error('the run was cancelled through its AbortSignal', { cause: signal.reason });
  error.name = 'AbortError';
  error.code = 'ABORT_ERR';
  if (envelope !== undefined) error.envelope = envelope;
  return error;
}

class Host {
  // Discovers and loads every plugin bundle under `pluginsDir` (manifest
  // first, then the library through Boost.DLL); without one, the host's
  // default folder ($WFN_PLUGINS_DIR first). Broken plugins are listed by
  // loadErrors() and never stop the others.
  constructor(pluginsDir) {
    if (pluginsDir !== undefined && typeof pluginsDir !== 'string') {
      throw new TypeError('pluginsDir must be a string');
    }
    this._native = pluginsDir === undefined ? new NativeHost() : new NativeHost(pluginsDir);
  }

  // [{ id, displayName, version, flags, pluginId, pluginDir, manifest }]
  nodes() { return this._native.nodes(); }

  // [{ id, name, version, dir, manifest, credentialTypes }]
  plugins() { return this._native.plugins(); }

  // [{ path, reason }]
  loadErrors() { return this._native.loadErrors(); }

  // The loaded nodes' manifests, with their plugin's name and credential
  // types: what an engine's palette is generated from.
  describe() {
    const plugins = this.plugins();
    return this.nodes().map((node) => {
      const plugin = plugins.find((p) => p.id === node.pluginId);
      return { ...node, pluginName: plugin ? plugin.name : node.pluginId, credentialTypes: plugin ? plugin.credentialTypes : [] };
    });
  }

  // Runs node `nodeId`; resolves with its output envelope.
  run(nodeId, params, credentials, options = {}) {
    return this._start('node', nodeId, params, credentials, options);
  }

  // Tests a credential as its type declares; resolves with an envelope whose
  // Valid and Problem say whether it works.
  testCredential(credentialTypeId, credentials, options = {}) {
    return this._start('credential', credentialTypeId, {}, credentials, options);
  }

  _start(kind, id, params, credentials, options) {
    let signal;
    let callId;
    let promise;
    try {
      if (typeof id !== 'string' || id === '') throw new TypeError(`the ${kind === 'node' ? 'node' : 'credential type'} id must be a non-empty string`);
      if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
      ({ signal } = options);
      if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('options.signal must be an AbortSignal');
      if (signal && signal.aborted) return Promise.reject(abortError(signal));
      const { onLog, onItem, onProgress, timeoutMs, logLevel } = options;
      [callId, promise] = this._native.start(kind, id, jsonText(params, 'params'), jsonText(credentials, 'credentials'),
        { onLog, onItem, onProgress, timeoutMs, logLevel });
    } catch (error) {
      return Promise.reject(error);
    }
    if (!signal) return promise;
    const onAbort = () => this._native.cancel(callId);
    signal.addEventListener('abort', onAbort, { once: true });
    return promise.then((envelope) => {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) throw abortError(signal, envelope);
      return envelope;
    }, (error) => {
      signal.removeEventListener('abort', onAbort);
      throw error;
    });
  }
}

module.exports = { Host };
