// Early reads: what a panel opened by link reads first, sent while its WebAssembly loads; the
// panel takes each answer when it asks for the same URL (src/api/early.rs says why and how).
(() => {
  const query = new URLSearchParams(location.search);
  const param = (name) => query.get(name)?.trim() || null;
  const tenant = param('tenantId');
  if (!tenant || window.parent !== window || param('contactId')) return;
  let token = new URLSearchParams(location.hash.slice(1)).get('token');
  try {
    token ||= sessionStorage.getItem(`c360.token.${tenant}`);
  } catch {
    // Storage refused: the panel asks for itself.
  }
  const phoneNumber = param('phoneNumber');
  const email = param('email');
  const identity = phoneNumber ? { phoneNumber } : email ? { email } : null;
  if (!token || !identity) return;

  // Answers by absolute URL; `settled` until the reads that wait on others are sent.
  const reads = new Map();
  const early = { reads, settled: null };
  window.c360Early = early;
  setTimeout(() => {
    reads.clear();
    delete window.c360Early;
  }, 10_000);
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  const t = encodeURIComponent(tenant);
  // Decisions here read a copy: the body stays the panel's.
  const read = (path, params = {}) => {
    const search = new URLSearchParams(params).toString();
    const url = new URL(search ? `${path}?${search}` : path, location.href).href;
    const answer = fetch(url, { headers });
    reads.set(url, answer);
    return answer.then((r) => (r.ok ? r.clone().json() : null));
  };
  // Parameters in the contract's order, as the panel names them.
  const history = (params) => read(`/v1/public/tenants/${t}/interactions-insight`, params);
  early.settled = read(`/v1/panel/tenants/${t}/config`)
    .then(async (config) => {
      if (!config) return;
      if (!config.nativeCrm) return history(identity);
      const found = await read(`/v1/crm/tenants/${t}/contacts`, identity);
      // One contact opens with its history; none or several show the identifier's.
      if (found?.contacts?.length === 1) history({ contactId: found.contacts[0].contactId, crmId: 'native' });
      else if (found) history(identity);
    })
    .catch(() => {})
    .finally(() => {
      early.settled = null;
    });
})();
