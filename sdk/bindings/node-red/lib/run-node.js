'use strict';
// What one Node-RED node of the wfn palette does with a message: gather the
// parameters (from the form or the message), run the wfn node through the
// host, and send the envelope to output 1 (2xx) or output 2 (anything else),
// with a status ring.

function isSuccess(envelope) {
  return Number.isInteger(envelope.StatusCode) && envelope.StatusCode >= 200 && envelope.StatusCode < 300;
}

function statusOf(envelope) {
  if (isSuccess(envelope)) return { fill: 'green', shape: 'dot', text: `ok ${envelope.StatusCode}` };
  if (envelope.StatusCode === 429) {
    const reset = typeof envelope.RateLimitReset === 'string' ? ` until ${envelope.RateLimitReset}` : '';
    return { fill: 'yellow', shape: 'ring', text: `rate-limited${reset}` };
  }
  return { fill: 'red', shape: 'ring', text: `failed ${envelope.StatusCode}` };
}

// The parameter values for one message: a form value typed str/num/bool/json
// is taken as is, msg/flow/global/env ones are looked up; empty means "not
// set". Secret parameters come from the node's credentials.
function paramsFor(RED, node, config, definition, msg) {
  const params = {};
  for (const field of definition.fields) {
    let value;
    if (field.secret) {
      value = (node.credentials || {})[field.name];
    } else {
      const raw = config[field.name];
      const source = config[`${field.name}Type`] || field.sources[0];
      if (raw === undefined || raw === '') continue;
      value = RED.util.evaluateNodeProperty(raw, source, node, msg);
      if (source === 'str' && field.type !== 'string') value = JSON.parse(value);
    }
    if (value !== undefined && value !== '') params[field.name] = value;
  }
  // A field the form hides (x-ui showIf) is not sent either, as the
  // manifest says: Limit means nothing while ReturnAll is on.
  for (const field of definition.fields) {
    if (field.name in params && !isShown(field, definition.fields, params)) delete params[field.name];
  }
  return params;
}

// Whether a field's showIf holds for these parameters: each named sibling's
// value, or its default when unset, is one of the listed values.
function isShown(field, fields, params) {
  if (!field.showIf) return true;
  return Object.entries(field.showIf).every(([name, values]) => {
    const sibling = fields.find((f) => f.name === name);
    const value = name in params ? params[name] : sibling && sibling.default;
    return values.some((v) => JSON.stringify(v) === JSON.stringify(value));
  });
}

function runNode(RED, node, config, definition, host) {
  const inFlight = new Set();
  const timeoutMs = Number(config.timeoutMs) > 0 ? Number(config.timeoutMs) : 30000;

  node.on('input', (msg, send, done) => {
    let params;
    const credentialNode = (definition.credentialConfigTypes || [])
      .map((_, index) => RED.nodes.getNode(config[`credential${index}`]))
      .find(Boolean);
    try {
      params = paramsFor(RED, node, config, definition, msg);
    } catch (error) {
      node.status({ fill: 'red', shape: 'ring', text: 'bad parameter' });
      done(new Error(`a parameter could not be read: ${error.message}`));
      return;
    }
    if (!credentialNode) {
      node.status({ fill: 'red', shape: 'ring', text: 'no credential' });
      done(new Error(`${definition.label} needs a credential: pick or add one in the node's form`));
      return;
    }
    const controller = new AbortController();
    inFlight.add(controller);
    node.status({ fill: 'blue', shape: 'ring', text: 'running' });
    host.run(definition.nodeId, params, credentialNode.credential(), {
      signal: controller.signal,
      timeoutMs,
      onLog: (record) => {
        const line = record.message;
        if (record.level === 'error') node.error(line);
        else if (record.level === 'warn') node.warn(line);
        else if (record.level === 'info') node.log(line);
        else node.debug(line);
      },
    }).then((envelope) => {
      node.status(statusOf(envelope));
      msg.payload = envelope;
      send(isSuccess(envelope) ? [msg, null] : [null, msg]);
      done();
    }, (error) => {
      if (error.name === 'AbortError') {
        done();
        return;
      }
      node.status({ fill: 'red', shape: 'ring', text: 'error' });
      done(error);
    }).finally(() => inFlight.delete(controller));
  });

  node.on('close', (done) => {
    for (const controller of inFlight) controller.abort();
    node.status({});
    done();
  });
}

module.exports = { runNode, statusOf, isSuccess, paramsFor, isShown };
