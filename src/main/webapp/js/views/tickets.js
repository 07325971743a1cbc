// Service tickets: the list, one ticket with its mechanics and parts, start/complete/cancel as allowed,
// assigning mechanics (PUT …/edit) and fitting parts from stock (POST …/parts), returning a part line.
// A mechanic's view follows the API: tickets of the queue (nobody on them) are read and taken (POST …/take),
// their own are worked (transitions, parts, their labour), and only managers assign mechanics.
import { h, heading, money, num, when, link, table, badge, field } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, actionButton, keyedBody, int } from '../forms.js';
import { refreshScreen, can, me } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';
import { picker } from './orders.js';

const VERB = { start: 'Start work', complete: 'Complete', cancel: 'Cancel' };

const asset = (t) => [t.make, t.model, t.year, t.vin || t.serial].filter(Boolean).join(' ') || '—';

/**
 * Managers: every ticket. A mechanic: their workbench — what is assigned to them and still to do, then
 * everything they may see (theirs and the queue of tickets nobody works yet, which they may take).
 */
export async function ticketsView() {
  const mechanicId = await ownMechanicId();
  const mechanic = mechanicId !== null;
  let mine = null;
  if (mechanic) {
    const assigned = mechanicId ? (await get('/api/service-tickets', { mechanic_id: mechanicId, per_page: 100, sort: 'service_date' })).data
      .filter((t) => t.status === 'open' || t.status === 'in_progress') : [];
    mine = h('section', { 'aria-labelledby': 'mine-title' },
      h('h2', { id: 'mine-title' }, 'Assigned to me, to do'),
      table('Tickets assigned to me', [['Ticket', (t) => link(`/app/service-tickets/${t.id}`, `#${t.id}`)], ['Date', (t) => t.service_date],
        ['Asset', asset], ['Priority', (t) => badge(t.priority)], ['Status', (t) => badge(t.status)]],
      assigned, 'Nothing assigned to you. Take a ticket of the queue below.'),
      h('h2', 'My tickets and the queue'));
  }
  return h('div',
    heading(mechanic ? 'My workbench' : 'Service tickets'),
    mine,
    await pagedList({
      api: '/api/service-tickets', caption: 'Service tickets',
      filters: [['q', 'Search', textInput('VIN, serial, make, model or description')],
        ['status', 'Status', choice(['open', 'in_progress', 'completed', 'cancelled'])],
        ['date_from', 'From', h('input', { type: 'date' })], ['date_to', 'To', h('input', { type: 'date' })]],
      columns: [['Ticket', (t) => link(`/app/service-tickets/${t.id}`, `#${t.id}`)], ['Date', (t) => t.service_date],
        ['Asset', asset], ['Priority', (t) => badge(t.priority)], ['Status', (t) => badge(t.status)],
        ['Mechanics', (t) => (mechanic && !t.mechanics.length ? 'Queue: nobody yet' : t.mechanics.map((m) => m.mechanic_name).join(', ') || '—')],
        ['Total', (t) => money(t.total)]],
      empty: mechanic ? 'No tickets for you and nothing in the queue.'
        : 'No service tickets. Managers and customers open them through the API (POST /api/service-tickets).',
    }));
}

/** The caller's mechanic id when the caller is a mechanic (not staff above), else null. */
async function ownMechanicId() {
  if (can('manager') || !can('mechanic')) return null;
  const found = await get('/api/mechanics', { q: me.user.username, per_page: 100 });
  const mine = found.data.find((m) => m.username === me.user.username);
  return mine ? mine.id : 0;
}

export async function ticketView(id) {
  const [t, mechanicId] = await Promise.all([get(`/api/service-tickets/${id}`), ownMechanicId()]);
  const open = !['completed', 'cancelled'].includes(t.status);
  const mechanic = mechanicId !== null;
  const queued = mechanic && !t.mechanics.some((m) => m.mechanic_id === mechanicId);
  const buttons = queued ? [] : t.allowed_transitions.filter((x) => VERB[x]).map((x) => actionButton(VERB[x],
    () => call('POST', `/api/service-tickets/${t.id}/${x}`).then(refreshScreen), { 'data-action': x }));
  if (queued && open) {
    buttons.push(actionButton('Take this ticket', () => call('POST', `/api/service-tickets/${t.id}/take`).then(refreshScreen),
      { 'data-action': 'take', class: 'primary' }));
  }
  let assign = null;
  let fit = null;
  let labour = null;
  if (open && !queued) {
    const parts = picker('Part', 'item_id', '/api/inventory/items', (p) => `${p.name} (${p.sku}) — ${p.quantity} ${p.unit} in stock`, { active: true });
    if (!mechanic) {
      const mechanics = picker('Mechanic', 'mechanic_id', '/api/mechanics', (m) => `${m.name} (${m.username})`, { active: true });
      await mechanics.ready;
      assign = h('form.card', { novalidate: true, 'aria-labelledby': 'assign-title' },
        h('h2', { id: 'assign-title' }, 'Assign a mechanic'), mechanics, h('button.primary', { type: 'submit' }, 'Assign'));
      onSubmit(assign, (data) => call('PUT', `/api/service-tickets/${t.id}/edit`,
        { body: { add_mechanic_ids: [int(data.get('mechanic_id'))].filter(Boolean), remove_mechanic_ids: [] } }), refreshScreen);
    } else {
      labour = h('form.card', { novalidate: true, 'aria-labelledby': 'labour-title' },
        h('h2', { id: 'labour-title' }, 'Record my labour'),
        field('Hours', h('input', { name: 'hours', type: 'number', min: 0.01, max: 24, step: 0.01, value: 1 })),
        h('button.primary', { type: 'submit' }, 'Record hours'));
      const labourKey = keyedBody();
      onSubmit(labour, (data) => {
        const body = { hours: Number(data.get('hours')) };
        return call('POST', `/api/service-tickets/${t.id}/labour`, { body, idempotencyKey: labourKey(body) });
      }, refreshScreen);
    }
    await parts.ready;
    fit = h('form.card', { novalidate: true, 'aria-labelledby': 'fit-title' },
      h('h2', { id: 'fit-title' }, 'Fit a part'), parts,
      field('Quantity', h('input', { name: 'quantity', type: 'number', min: 1, max: 1000000, value: 1 })),
      h('button.primary', { type: 'submit' }, 'Fit part'));
    const keyFor = keyedBody();
    onSubmit(fit, (data) => {
      const body = { item_id: int(data.get('item_id')), quantity: int(data.get('quantity')) };
      return call('POST', `/api/service-tickets/${t.id}/parts`, { body, idempotencyKey: keyFor(body) });
    }, refreshScreen);
  }
  const queueNotice = queued && open
    ? h('p.notice', 'This ticket is in the queue: nobody works it yet. Take it to start, fit parts and record labour.') : null;
  return h('div',
    heading(`Service ticket #${t.id}`, badge(t.status)),
    queueNotice,
    h('dl.facts',
      h('dt', 'Asset'), h('dd', [t.make, t.model, t.year].filter(Boolean).join(' ') || '—'),
      h('dt', 'VIN / serial'), h('dd', t.vin || t.serial || '—'),
      h('dt', 'Priority'), h('dd', badge(t.priority)),
      h('dt', 'Service date'), h('dd', t.service_date),
      h('dt', 'Description'), h('dd', t.description),
      h('dt', 'Started / completed'), h('dd', `${when(t.started_at)} / ${when(t.completed_at)}`)),
    buttons.length ? h('div.actions', buttons) : null,
    h('h2', 'Mechanics'),
    table('Mechanics on the ticket', [['Mechanic', (m) => m.mechanic_name], ['Hours', (m) => num(m.hours)],
      ['Assigned by', (m) => m.assigned_by], ['',
        (m) => (open && (!mechanic || m.mechanic_id === mechanicId) ? actionButton(`Remove ${m.mechanic_name}`, () => call('PUT', `/api/service-tickets/${t.id}/edit`,
          { body: { add_mechanic_ids: [], remove_mechanic_ids: [m.mechanic_id] } }).then(refreshScreen)) : '')]],
    t.mechanics, 'No mechanic assigned yet.'),
    h('h2', 'Parts'),
    table('Parts fitted', [['Part', (p) => `${p.name} (${p.sku})`], ['Quantity', (p) => num(p.quantity)],
      ['Unit cost', (p) => money(p.unit_cost)], ['Line total', (p) => money(p.line_total)], ['Status', (p) => badge(p.status)],
      ['', (p) => (open && p.status === 'fitted' ? actionButton(`Return ${p.name}`, async () => {
        const current = await call('GET', `/api/service-tickets/${t.id}`);
        await call('DELETE', `/api/service-tickets/${t.id}/parts/${p.id}`, { etag: current.etag });
        await refreshScreen();
      }) : '')]],
    t.parts, 'No parts fitted yet.'),
    h('dl.totals',
      h('dt', 'Parts'), h('dd', money(t.parts_total)),
      h('dt', `Labour (${num(t.labour_hours)} h × ${money(t.labour_rate)})`), h('dd', money(t.labour_total)),
      h('dt', `Tax (${(t.tax_rate * 100).toFixed(2)} %)`), h('dd', money(t.tax)),
      h('dt', 'Total'), h('dd', money(t.total))),
    h('div.columns', assign, fit, labour),
    h('p', link('/app/service-tickets', '← All service tickets')));
}
