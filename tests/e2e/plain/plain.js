// The panel's history with no framework: the same two reads the panel needs before its insights
// request (the identity match, then `interactions-insight` by the matched contact, as the panel
// asks in a native-CRM tenant; by phone number otherwise) and the same row text, set with
// textContent. Marks `plain:rendered` on the next animation frame, as the panel marks
// `c360:timeline-rendered`.

const query = new URLSearchParams(location.search);
const tenant = encodeURIComponent(query.get('tenantId'));
const phone = query.get('phoneNumber');
const token = new URLSearchParams(location.hash.slice(1)).get('token');

async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' });
const date = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateYear = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const humanize = (raw) => capitalize(raw.replace(/[_-]/g, ' ').trim().toLowerCase());
const dayOf = (ms) => { const d = new Date(ms); d.setHours(0, 0, 0, 0); return d; };

function heading(day) {
  const days = Math.round((dayOf(Date.now()) - day) / 86_400_000);
  if (days === 0 || days === 1) return capitalize(relative.format(-days, 'day'));
  if (days >= 2 && days <= 6) return weekday.format(day);
  return (day.getFullYear() === new Date().getFullYear() ? date : dateYear).format(day);
}

function channel(i) {
  if (i.mediaType === 'PHONE') return 'Call';
  if (i.mediaType === 'EMAIL') return 'Email';
  if (i.mediaType === 'VOICEMAIL') return 'Voicemail';
  if (i.mediaType !== 'CHAT') return humanize(i.mediaType);
  const kind = (i.chatType ?? '').toLowerCase().replace(/[_ -]/g, '');
  return { whatsapp: 'WhatsApp', sms: 'SMS', webchat: 'Web chat', '': 'Web chat' }[kind] ?? `Chat (${i.chatType})`;
}

function duration(i) {
  if (i.endedAt == null || ['EMAIL'].includes(i.mediaType) || ['SMS', 'WHATSAPP'].includes(i.chatType?.toUpperCase())) return '';
  const s = Math.max(0, Math.round((i.endedAt - i.startedAt) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor((s + 30) / 60)} min`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function row(i) {
  const li = el('li', '', { 'data-testid': 'timeline-row', 'data-interaction-id': i.interactionId });
  const direction = i.direction ? humanize(i.direction) : '';
  const title = i.title?.trim() || i.emailSubject?.trim() ||
    (i.mediaType === 'VOICEMAIL' ? 'Voicemail from customer' : direction ? `${direction} ${channel(i).toLowerCase()}` : `${channel(i)} (no title)`);
  li.append(el('span', title, { 'data-testid': 'row-title' }));
  const meta = el('span');
  meta.append(el('span', channel(i)));
  if (direction) meta.append(el('span', direction));
  meta.append(el('time', time.format(i.startedAt), { datetime: new Date(i.startedAt).toISOString(), title: full.format(i.startedAt) }));
  const d = duration(i);
  if (d) meta.append(el('span', d));
  if (i.sentiment) meta.append(el('span', `${{ POSITIVE: '▲', NEGATIVE: '▼' }[i.sentiment] ?? '●'} ${humanize(i.sentiment)}`));
  li.append(meta);
  const details = el('div');
  for (const fact of [i.queueName, i.outcomeLabel]) if (fact?.trim()) details.append(el('span', fact));
  const outcome = (i.outcomeLabel ?? '').trim().toLowerCase();
  for (const code of i.wrapUpCodes ?? []) if (code.trim()) details.append(el('span', humanize(code), { title: code }));
  for (const label of i.interactionLabels ?? []) if (label.trim() && label.trim().toLowerCase() !== outcome) details.append(el('span', label.trim()));
  if (details.childElementCount) li.append(details);
  return li;
}

const { contacts } = await get(`/v1/crm/tenants/${tenant}/contacts?phoneNumber=${encodeURIComponent(phone)}`);
const who = contacts.length === 1
  ? `contactId=${encodeURIComponent(contacts[0].contactId)}&crmId=native`
  : `phoneNumber=${encodeURIComponent(phone)}`;
const { interactions } = await get(`/v1/public/tenants/${tenant}/interactions-insight?${who}`);
performance.mark('plain:insights-received');
interactions.sort((a, b) => b.startedAt - a.startedAt);
const timeline = document.getElementById('timeline');
let list = null;
let day = null;
for (const i of interactions) {
  const d = dayOf(i.startedAt);
  if (day === null || d.getTime() !== day.getTime()) {
    day = d;
    const section = el('section');
    section.append(el('h3', heading(d), { 'data-testid': 'day-heading' }));
    list = section.appendChild(el('ol'));
    timeline.append(section);
  }
  list.append(row(i));
}
requestAnimationFrame(() => performance.mark('plain:rendered'));
