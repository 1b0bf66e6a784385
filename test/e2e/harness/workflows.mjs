// Builders for the n8n workflows the e2e suite imports (plain ESM: the orchestrator, scripts/e2e.mjs, loads them
// on the machine's Node before n8n starts). A provider's `test/e2e/<provider>.setup.mjs` uses them.
//
// A *lane* is one chain inside a test workflow:  <start node> → [middle nodes…] → "<lane>: Capture"
// The capture node is an HTTP Request that POSTs every item it receives, as JSON, to the suite's capture server
// (`http://127.0.0.1:<capturePort>/capture/<provider>.<lane>`), so a scenario sees exactly what reached the end.
// One workflow per provider holds all its lanes (one publish per provider keeps start-up fast); executions are
// told apart by which start node ran.
//
// A setup module's default export is `(ctx) => ({ credentials: [...], workflows: [workflow(ctx, …), …] })`, where
//   ctx.provider        the setup file's prefix ('cryptomus' for cryptomus.setup.mjs); lane keys are `<provider>.<lane>`
//   ctx.mode            'single' or 'queue' (`--queue`); a setup may return `{}` for a mode it does not serve
//   ctx.baseUrl         n8n's base URL, 'http://127.0.0.1:<port>/' (queue mode: the load balancer in front of it)
//   ctx.captureUrl(tag) the capture server URL for a tag
//   ctx.port(name)      a free loopback port reserved under `name` (for fake provider APIs); scenarios read it back
//                       with `run.port(name)`
// `credentials` are n8n credential exports with plain `data` (`[{ id, name, type, data }]`), imported as they are.
import { createHash } from 'node:crypto';

/** Deterministic UUID (v5-shaped) from any text: fixed webhook ids, so production URLs are known up front. */
export function stableUuid(text) {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Production URL of a lane whose start node is a `trigger()`, for use inside another lane's parameters. */
export function triggerUrl(ctx, workflowId, laneName, webhookPath = 'webhook') {
  return `${ctx.baseUrl}webhook/${stableUuid(`${workflowId}/${laneName}`)}/${webhookPath}`;
}

/**
 * A trigger node of this package (or any webhook-based trigger): its production URL is
 * `webhook/<webhookId>/<webhookPath>`, `webhookPath` being the `path` of the node's webhook description.
 */
export function trigger({ type, typeVersion = 1, parameters = {}, credentials, webhookPath = 'webhook' }) {
  return { kind: 'trigger', type, typeVersion, parameters, credentials, webhookPath };
}

/**
 * n8n's own Webhook node (POST, answers at once); production URL `webhook/<path>`. `credentials` as for `trigger()`
 * (e.g. `{ httpHeaderAuth: credential }` with `parameters.authentication: 'headerAuth'`). `typeVersion` 2 unless
 * told otherwise (2.1 is what the editor creates in n8n 2.x).
 */
export function webhookNode(path, parameters = {}, credentials = undefined, { typeVersion = 2 } = {}) {
  return {
    kind: 'webhookNode',
    type: 'n8n-nodes-base.webhook',
    typeVersion,
    parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {}, ...parameters },
    credentials,
    path,
  };
}

/** Any other node (action nodes, transforms). `settings`: node-level fields, e.g. `{ onError: 'continueRegularOutput' }`. */
export function node({ type, typeVersion = 1, parameters = {}, credentials, label, settings }) {
  return { kind: 'node', type, typeVersion, parameters, credentials, label, settings };
}

/** Remove Duplicates v2, "Remove Items Processed in Previous Executions", keyed like the README tells users. */
export function removeDuplicates(dedupeValue = '={{ $json.dedupeKey }}') {
  return node({
    type: 'n8n-nodes-base.removeDuplicates',
    typeVersion: 2,
    parameters: { operation: 'removeItemsSeenInPreviousExecutions', dedupeValue, options: {} },
    label: 'Remove Duplicates',
  });
}

/** n8n's No Operation node: ends a lane that needs no capture (benchmarks: `lane(name, start, [noOp()], { capture: false })`). */
export function noOp() {
  return node({ type: 'n8n-nodes-base.noOp', typeVersion: 1, label: 'NoOp' });
}

/**
 * A lane: `name` (unique in its workflow), its start node, then optional middle nodes. `capture: false` leaves out
 * the capture node (the last middle node ends the lane; nothing is posted to the capture server). `branches`: the
 * last middle node has several outputs (an IF node: true, false) and output i continues with the chain
 * `branches[i]` (e.g. `[[respond200], [respond401]]`); such a lane has no capture node.
 */
export function lane(name, start, middle = [], { capture = true, branches } = {}) {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`lane name "${name}": letters, digits, - and _ only`);
  if (branches && middle.length === 0) throw new Error(`lane "${name}": branches need a middle node to branch from`);
  return { name, start, middle, capture: capture && !branches, branches };
}

function credentialRefs(credentials) {
  if (!credentials) return undefined;
  return Object.fromEntries(Object.entries(credentials).map(([type, c]) => [type, { id: c.id, name: c.name }]));
}

/**
 * Builds the n8n workflow JSON (for `n8n import:workflow`) and the lane metadata the scenarios read.
 * `ctx` is the setup context the orchestrator passes to each setup module.
 *
 * `active: false` leaves the workflow inactive when n8n starts: scripts/e2e.mjs neither activates it nor waits for
 * its webhooks, and the scenarios activate and deactivate it themselves through n8n's REST API, as the editor does
 * (harness/activation.ts). For triggers whose activation does work outside n8n — e.g. registering a webhook at a
 * provider's API, which must be running (a fake started by the scenario) when n8n calls `webhookMethods`.
 */
export function workflow(ctx, { id, name, lanes, active = true }) {
  if (!/^[A-Za-z0-9]{16}$/.test(id)) throw new Error(`workflow id "${id}": 16 letters/digits, like n8n's own ids`);
  const nodes = [];
  const connections = {};
  const laneInfo = {};
  lanes.forEach((l, row) => {
    const key = `${ctx.provider}.${l.name}`;
    const startName = `${l.name}: Start`;
    const webhookId = stableUuid(`${id}/${l.name}`);
    const start = l.start;
    const startNode = {
      id: stableUuid(`${id}/${l.name}/start`),
      name: startName,
      type: start.type,
      typeVersion: start.typeVersion,
      position: [0, row * 200],
      parameters: start.parameters,
      webhookId,
    };
    if (start.credentials) startNode.credentials = credentialRefs(start.credentials);
    nodes.push(startNode);

    /** Adds a middle node (`nameKey` and `idKey` make its name and id unique in the lane) and returns its name. */
    const addNode = (m, nameKey, idKey, column, offset = 0) => {
      const nodeName = `${l.name}: ${m.label ?? m.type.split('.').pop()} ${nameKey}`;
      const n = {
        id: stableUuid(`${id}/${l.name}/${idKey}`),
        name: nodeName,
        type: m.type,
        typeVersion: m.typeVersion,
        position: [column * 250, row * 200 + offset],
        parameters: m.parameters,
        ...m.settings,
      };
      if (m.credentials) n.credentials = credentialRefs(m.credentials);
      nodes.push(n);
      return nodeName;
    };
    const connect = (from, to, output = 0) => {
      const outputs = (connections[from] ??= { main: [] }).main;
      while (outputs.length <= output) outputs.push([]);
      outputs[output].push({ node: to, type: 'main', index: 0 });
    };
    const chain = [startName];
    l.middle.forEach((m, i) => chain.push(addNode(m, String(i + 1), String(i), i + 1)));

    const captureName = `${l.name}: Capture`;
    if (l.capture !== false) {
      nodes.push({
        id: stableUuid(`${id}/${l.name}/capture`),
        name: captureName,
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        position: [(l.middle.length + 1) * 250, row * 200],
        parameters: {
          method: 'POST',
          url: ctx.captureUrl(key),
          sendBody: true,
          specifyBody: 'json',
          jsonBody: '={{ JSON.stringify($json) }}',
          options: {},
        },
      });
      chain.push(captureName);
    }
    for (let i = 0; i < chain.length - 1; i++) connect(chain[i], chain[i + 1]);
    (l.branches ?? []).forEach((branch, output) => {
      let from = chain[chain.length - 1];
      branch.forEach((m, j) => {
        const name = addNode(m, `${output + 1}.${j + 1}`, `branch${output}/${j}`, chain.length + j, output * 100);
        connect(from, name, j === 0 ? output : 0);
        from = name;
      });
    });

    laneInfo[key] = {
      key,
      workflowId: id,
      active,
      startNode: startName,
      captureTag: key,
      url:
        start.kind === 'webhookNode'
          ? `${ctx.baseUrl}webhook/${start.path}`
          : triggerUrl(ctx, id, l.name, start.webhookPath),
      method: start.kind === 'webhookNode' ? start.parameters.httpMethod : 'POST',
    };
  });
  return {
    json: { id, name, active, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} },
    lanes: laneInfo,
    active,
  };
}
