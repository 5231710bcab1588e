// Demo agent workspace: embeds the Customer 360 panel and speaks the host protocol with it.
// Every message is { type: "event", name, payload }, posted to the panel's exact origin; the panel's
// messages count only from the panel's own window and origin. Text reaches the page through
// textContent only, never parsed as HTML. `window.workspace` exposes the same actions to tests.

const frame = document.getElementById('panel');
const agent = {
  firstName: 'Demo', lastName: 'Agent', name: 'Demo Agent', userId: 'demo-agent', customerId: 'demo-account',
  loginId: 'demo.agent@example.com', jobTitle: 'Customer support agent', email: 'demo.agent@example.com',
  language: 'en',
};
const state = { session: null, ready: false, theme: 'light', focused: null, live: new Map(), seq: 0 };

const workspace = { start, focus, end, wrapUp, setTheme, sendRaw, untrusted, log: [] };
window.workspace = workspace;
resetReady();

/** The element named `tag` with `text` and attributes. */
function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function resetReady() {
  state.ready = false;
  document.body.dataset.panelReady = 'false';
}

function record(dir, name, payload) {
  workspace.log.push({ dir, name, payload });
  const item = el('li', undefined, { 'data-dir': dir });
  item.append(el('span', dir === 'out' ? '→ panel' : '← panel', { class: 'dir' }), ' ',
    el('code', name, { class: 'name' }), el('pre', JSON.stringify(payload)));
  document.getElementById('log').append(item);
}

/** Posts raw `data` to the panel, whatever it is (tests send malformed messages with this). */
function sendRaw(data) {
  if (!state.session) return;
  frame.contentWindow.postMessage(data, state.session.panelOrigin);
  record('out', typeof data?.name === 'string' ? data.name : '(raw)', data?.payload ?? data);
}

/** Sends one protocol event, once the panel has said it is ready (it gets everything again then). */
function send(name, payload) {
  if (state.ready) sendRaw({ type: 'event', name, payload });
}

const QUEUE_NAMES = { phone: 'Support', chat: 'Chat support', email: 'Email support', sms: 'SMS support' };
const KINDS = { phone: 'Call', chat: 'Chat', email: 'Email', sms: 'SMS' };

function queueOf(interaction) {
  const { payload } = interaction;
  if (!payload.queueId) return { id: '', queueId: '', queueName: '' };
  return { id: 'q1', queueId: payload.queueId, queueName: payload.queueName };
}

/** Starts an interaction (and focuses it); returns its id. */
function start(opts = {}) {
  const type = opts.interactionType ?? 'phone';
  const internal = opts.internal ?? false;
  const routed = opts.routed ?? !internal;
  const id = opts.interactionId ?? `demo-${Date.now().toString(36)}-${++state.seq}`;
  const payload = { interactionId: id, interactionType: type, direction: opts.direction ?? 'inbound' };
  if (routed) {
    payload.queueId = `${state.session?.tenantId ?? 'demo'}~~queue~~${type}~~q1`;
    payload.queueName = QUEUE_NAMES[type] ?? 'Support';
  }
  for (const key of ['customerName', 'customerPhone', 'customerEmail']) {
    if (opts[key]) payload[key] = opts[key];
  }
  Object.assign(payload, { agentName: agent.name, routed, internal, schemaVersion: '1.0.0' });
  const who = opts.label ?? opts.customerName ?? opts.customerPhone ?? opts.customerEmail ?? 'unknown';
  const label = `${KINDS[type] ?? type} · ${who}`;
  state.live.set(id, { payload, label, ended: false });
  send('aw-interaction-started-v1', payload);
  focus(id);
  return id;
}

/** Shows interaction `id` in the panel. */
function focus(id) {
  const interaction = state.live.get(id);
  if (!interaction || interaction.ended) return;
  state.focused = id;
  send('aw-interaction-focus-v3', { interactionId: id, queue: queueOf(interaction), isManual: true, schemaVersion: '3.0.0' });
  render();
}

/** Ends interaction `id`; it stays listed, marked ended. */
function end(id) {
  const interaction = state.live.get(id);
  if (!interaction || interaction.ended) return;
  interaction.ended = true;
  if (state.focused === id) state.focused = null;
  send('aw-interaction-ended-v1', { interactionId: id, schemaVersion: '1.0.0' });
  render();
}

/** The demo's wrap-up codes (an agent would pick them in the workspace's wrap-up form). */
const WRAP_UP_CODES = ['resolved', 'follow-up-required'];

/** The agent wraps up ended interaction `id` with `codes`: the panel logs it (auto log). */
function wrapUp(id, codes = WRAP_UP_CODES) {
  const interaction = state.live.get(id);
  if (!interaction || !interaction.ended || interaction.wrappedUp) return;
  interaction.wrappedUp = true;
  const wrapUpCodes = codes.map((code) => ({ id: code, parentId: 'outcome' }));
  send('aw-interaction-wrap-up-codes-received-v1', { interactionId: id, wrapUpCodes, schemaVersion: '1.0.0' });
  render();
}

function context() {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const payload = { theme: state.theme, locale: 'en-US', schemaVersion: '1.0.0' };
  if (/^[A-Za-z0-9/_+-]{1,64}$/.test(timeZone ?? '')) payload.timeZone = timeZone;
  return payload;
}

/** Themes the workspace and tells the panel. */
function setTheme(theme) {
  state.theme = theme === 'dark' ? 'dark' : 'light';
  document.documentElement.dataset.theme = state.theme;
  document.getElementById('theme').setAttribute('aria-pressed', String(state.theme === 'dark'));
  send('c360-context-v1', context());
}

/** Adds a frame from the other loopback name (another origin) that messages every frame here. */
function untrusted(phone) {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const url = new URL(`/demo/rogue${phone ? `?phone=${encodeURIComponent(phone)}` : ''}`, location.href);
  url.hostname = other;
  const slot = document.getElementById('rogue-slot');
  slot.replaceChildren(el('iframe', undefined, { src: url.href, title: 'Untrusted frame', class: 'rogue' }));
  return url.href;
}

/** The panel's ready: hand over the token, the agent and the look, then every live interaction. */
function onReady() {
  state.ready = true;
  send('c360-auth-v1', { token: state.session.token, schemaVersion: '1.0.0' });
  send('global-user-details-v1', { ...agent, schemaVersion: '1.0.0' });
  send('c360-context-v1', context());
  for (const [, interaction] of state.live) {
    if (!interaction.ended) send('aw-interaction-started-v1', interaction.payload);
  }
  if (state.focused) focus(state.focused);
  document.body.dataset.panelReady = 'true';
}

window.addEventListener('message', (event) => {
  if (!state.session || event.source !== frame.contentWindow || event.origin !== state.session.panelOrigin) return;
  const { data } = event;
  if (data?.type !== 'event' || typeof data.name !== 'string') return;
  record('in', data.name, data.payload);
  if (data.name === 'c360-ready-v1') onReady();
  if (data.name === 'c360-auth-required-v1') renewToken();
  if (data.name === 'c360-resize-v1' && Number.isFinite(data.payload?.height)) {
    preferredHeight = Math.round(data.payload.height);
    fitFrame();
  }
});

// The panel reports the height it would like (c360-resize-v1); the frame takes it up to the room
// the window has, and the panel scrolls inside with its header in view: one scrollbar, never a
// frame taller than the screen.
let preferredHeight = null;
function fitFrame() {
  if (preferredHeight === null) return;
  const room = Math.max(window.innerHeight - 2 * 16, 320);
  frame.style.height = `${Math.min(Math.max(preferredHeight, 160), room)}px`;
}
window.addEventListener('resize', fitFrame);

function render() {
  const list = document.getElementById('interactions');
  list.replaceChildren(...[...state.live].map(([id, { label, ended, wrappedUp }]) => {
    const item = el('li', undefined, { 'data-interaction-id': id, 'data-ended': String(ended) });
    const status = ended ? 'ended' : state.focused === id ? 'focused' : 'live';
    item.append(el('span', label, { class: 'label' }), ' ', el('span', status, { class: `badge ${status}` }));
    const actions = ended ? (wrappedUp ? [] : [['Enter wrap-up', wrapUp]]) : [['Focus', focus], ['End', end]];
    item.append(...actions.map(([text, action]) => {
      const button = el('button', text, { type: 'button', 'aria-label': `${text} ${label}` });
      button.addEventListener('click', () => action(id));
      return button;
    }));
    return item;
  }));
  document.getElementById('no-interactions').hidden = state.live.size > 0;
}

function renderCustomers(customers) {
  const list = document.getElementById('customers');
  list.replaceChildren(...customers.map((c, i) => {
    const item = el('li');
    item.append(el('span', c.name, { class: 'name' }), ' ', el('span', c.phone, { class: 'detail' }));
    const actions = [['Call', 'call', { interactionType: 'phone', customerPhone: c.phone }]];
    if (c.email) actions.push(['Chat', 'chat', { interactionType: 'chat', customerEmail: c.email }]);
    if (i === 0) actions.push(['SMS', 'sms', { interactionType: 'sms', customerPhone: c.phone }]);
    // A direct dial: the customer rang the agent's own number, not a queue (never looked up).
    if (i === 0) actions.push(['Direct dial', 'direct', { interactionType: 'phone', customerPhone: c.phone, routed: false }]);
    for (const [text, testid, opts] of actions) {
      const button = el('button', text, { type: 'button', 'aria-label': `${text} ${c.name}`, 'data-testid': `${testid}-${i}` });
      button.addEventListener('click', () => start({ ...opts, customerName: c.name, direction: 'inbound' }));
      item.append(button);
    }
    return item;
  }));
}

/** The panel's token was refused: fetch a fresh session token (as a host's back end would) and hand it over. */
async function renewToken() {
  const tenantId = state.session?.tenantId;
  if (!tenantId) return;
  const response = await fetch(`/demo/workspace/session?tenantId=${encodeURIComponent(tenantId)}`);
  if (!response.ok) return;
  const { token } = await response.json();
  state.session.token = token;
  send('c360-auth-v1', { token, schemaVersion: '1.0.0' });
}

async function loadSession(tenantId) {
  const status = document.getElementById('status');
  resetReady();
  state.session = null;
  const response = await fetch(`/demo/workspace/session?tenantId=${encodeURIComponent(tenantId)}`);
  if (!response.ok) {
    status.textContent = `Could not start a session for ${tenantId} (${response.status}).`;
    return;
  }
  state.session = await response.json();
  renderCustomers(state.session.customers);
  // The native CRM callers exist only where the tenant has contacts.
  document.getElementById('crm-callers').hidden = !state.session.multiMatchNumber;
  frame.src = state.session.panelUrl;
  status.textContent = `Tenant ${tenantId}: panel at ${state.session.panelOrigin}.`;
}

document.getElementById('tenant').addEventListener('change', (e) => loadSession(e.target.value));
document.getElementById('theme').addEventListener('click', () => setTheme(state.theme === 'dark' ? 'light' : 'dark'));
document.getElementById('internal').addEventListener('click', () => start({
  interactionType: 'phone', customerPhone: state.session.internalNumber, internal: true, routed: false,
  label: `Internal ${state.session.internalNumber}`,
}));
document.getElementById('unknown').addEventListener('click', () => start({
  interactionType: 'phone', customerPhone: state.session.unknownNumber, label: `Unknown ${state.session.unknownNumber}`,
}));
document.getElementById('multi-match').addEventListener('click', () => start({
  interactionType: 'phone', customerPhone: state.session.multiMatchNumber,
  label: `Household landline ${state.session.multiMatchNumber}`,
}));
document.getElementById('new-caller').addEventListener('click', () => start({
  interactionType: 'phone', customerPhone: state.session.newCallerNumber,
  label: `New caller ${state.session.newCallerNumber}`,
}));
document.getElementById('malformed').addEventListener('click', () => sendRaw({
  type: 'event', name: 'aw-interaction-started-v1',
  payload: { interactionId: `malformed-${++state.seq}`, interactionType: 'fax', direction: 'inbound', customerPhone: '+14155550100' },
}));
document.getElementById('untrusted').addEventListener('click', () => untrusted());

render();
loadSession(document.getElementById('tenant').value);
