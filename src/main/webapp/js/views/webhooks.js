// Webhooks (admins): subscriptions that receive signed events (Standard Webhooks) at an HTTPS URL. The secret is
// shown once, when the subscription is made or its secret rotated (the previous one keeps signing beside it for the
// overlap); each subscription's delivery log shows status, response, latency and the next try, and a delivery can be
// sent again.
import { h, heading, table, field } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, actionButton, text } from '../forms.js';
import { refreshScreen } from '../shell.js';

// The event types (io.factoryops.events.EventType); the API refuses a type the admin may not read.
const EVENT_TYPES = [
  'order.placed', 'order.shipped', 'order.completed', 'order.cancelled', 'stock.low', 'stock.out',
  'purchase_order.submitted', 'purchase_order.approved', 'purchase_order.rejected', 'purchase_order.received',
  'ticket.opened', 'ticket.assigned', 'ticket.completed', 'production.recorded',
  'product.created', 'product.changed', 'part.created', 'part.changed',
];

// the secret to show once, across the re-render that lists the change
let pending = null;

const when = (instant) => (instant ? new Date(instant).toLocaleString() : '—');

function secretCard([answer, what]) {
  return h('div.card', { role: 'status', 'aria-labelledby': 'secret-title' },
    h('h2', { id: 'secret-title' }, what),
    h('p', 'Copy the signing secret now: it is shown this once. Receivers verify webhook-signature with it '
      + '(HMAC-SHA256 over id.timestamp.body, Standard Webhooks).'),
    h('dl.facts', h('dt', 'Secret'), h('dd', h('code', { id: 'webhook-secret' }, answer.secret))));
}

async function deliveries(webhook) {
  const log = await get(`/api/webhooks/${webhook.id}/deliveries`, { per_page: 20 });
  return table(`Deliveries to ${webhook.url}`, [
    ['Event', (d) => d.event_type],
    ['Status', (d) => d.status],
    ['Response', (d) => (d.response_status == null ? '—' : String(d.response_status))],
    ['Latency', (d) => (d.latency_ms == null ? '—' : `${d.latency_ms} ms`)],
    ['Attempts', (d) => String(d.attempts)],
    ['Next try', (d) => (d.delivered_at ? '—' : when(d.next_attempt_at))],
    ['', (d) => actionButton(`Send ${d.event_type} again`,
      () => call('POST', `/api/webhooks/${webhook.id}/deliveries/${d.id}/redeliver`).then(refreshScreen))],
  ], log.data, 'Nothing delivered yet.');
}

function webhookCard(webhook) {
  const log = h('div', { 'aria-live': 'polite' });
  const current = () => call('GET', `/api/webhooks/${webhook.id}`);
  return h('section.card', { 'aria-label': `Webhook ${webhook.url}` },
    h('h3', webhook.url),
    h('p', webhook.active ? `Active: ${webhook.event_types.join(', ')}`
      : `Disabled${webhook.disabled_reason ? `: ${webhook.disabled_reason}` : ''}`),
    webhook.failing_since ? h('p.hint', `Failing since ${when(webhook.failing_since)}`) : null,
    h('div.actions',
      actionButton(`Deliveries to ${webhook.url}`, async () => log.replaceChildren(await deliveries(webhook))),
      actionButton(`Rotate the secret of ${webhook.url}`, async () => {
        const r = await call('POST', `/api/webhooks/${webhook.id}/rotate-secret`,
          { body: { overlap_minutes: 60 }, etag: (await current()).etag });
        pending = [r.data, `New secret for ${webhook.url} (the previous one signs beside it for 60 minutes)`];
        await refreshScreen();
      }),
      actionButton(`Delete ${webhook.url}`, async () => {
        await call('DELETE', `/api/webhooks/${webhook.id}`, { etag: (await current()).etag });
        await refreshScreen();
      }, { class: 'danger' })),
    log);
}

export async function webhooksView() {
  const list = await get('/api/webhooks', { per_page: 100, sort: 'url' });
  const shown = h('div', { 'aria-live': 'polite' }, pending ? secretCard(pending) : null);
  pending = null;
  const create = h('form.card', { novalidate: true, 'aria-labelledby': 'new-webhook' },
    h('h2', { id: 'new-webhook' }, 'New webhook'),
    h('div.grid',
      field('URL', h('input', { name: 'url', type: 'url', maxlength: 2000, autocomplete: 'off' }),
        'https; an address inside the plant network is refused unless the server allows it.'),
      field('Description', h('input', { name: 'description', maxlength: 200 }))),
    h('fieldset.choices', h('legend', 'Event types'),
      EVENT_TYPES.map((t) => h('label.choice', h('input', { type: 'checkbox', name: 'event_types', value: t }), ` ${t}`))),
    h('button.primary', { type: 'submit' }, 'Create webhook'));
  onSubmit(create, (data) => call('POST', '/api/webhooks', {
    body: { url: text(data.get('url')), description: text(data.get('description')), event_types: data.getAll('event_types') },
  }), async (r) => {
    pending = [r.data, `Webhook ${r.data.webhook.url} created`];
    await refreshScreen();
  });
  return h('div',
    heading('Webhooks'),
    h('p.hint', 'Each event is sent at least once, signed, with its id for de-duplication; a receiver that fails is '
      + 'retried with backoff for 3 days, then the subscription is disabled and its owner notified.'),
    shown,
    h('section', { 'aria-labelledby': 'subscriptions' },
      h('h2', { id: 'subscriptions' }, 'Subscriptions'),
      list.data.length ? list.data.map(webhookCard) : h('p.empty', { role: 'status' }, 'No webhooks yet. Create one below.')),
    create);
}
