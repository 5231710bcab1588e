// A page the panel must not trust: loaded from an origin that is not an allowed host origin, it
// posts a well-formed aw-interaction-started-v1 (for ?phone=, default +14155550123) to every frame
// of its parent, the panel among them. A panel that shows this customer has a hole in its guard.

const phone = new URLSearchParams(location.search).get('phone') || '+14155550123';
const msg = {
  type: 'event',
  name: 'aw-interaction-started-v1',
  payload: {
    interactionId: `rogue-${Date.now().toString(36)}`,
    interactionType: 'phone',
    direction: 'inbound',
    customerPhone: phone,
    schemaVersion: '1.0.0',
  },
};
const status = document.getElementById('rogue-status');
if (window.parent === window) {
  status.textContent = 'Not framed: nothing to message.';
} else {
  for (let i = 0; i < parent.frames.length; i++) parent.frames[i].postMessage(msg, '*');
  status.textContent = `Posted an interaction for ${phone} from ${location.origin} to ${parent.frames.length} frames.`;
}
