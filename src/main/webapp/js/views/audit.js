// The audit log (admins): GET /api/audit-logs with its filters (who, action, entity, id, date range) kept in the
// address, paged by keyset (Next continues after the page's last row), each row's changed fields before and
// after shown as text. A role below admin that opens the address sees the API's 403.
import { h, heading, when, link } from '../dom.js';
import { ApiError } from '../api.js';
import { explain } from '../forms.js';
import { pagedList, textInput } from '../list.js';

/** A value of before/after as text: strings as they are, anything else as JSON. */
const show = (v) => (v === undefined ? '—' : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

/** The changed fields: a row per field with its value before and after (one of the two may be absent). */
function changes(row) {
  const before = row.before || {};
  const after = row.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (!keys.length) return '—';
  const both = row.before && row.after;
  return h('details.changes',
    h('summary', `${keys.length} field${keys.length === 1 ? '' : 's'}`),
    h('table',
      h('caption.visually-hidden', `Fields of audit row ${row.id}`),
      h('thead', h('tr', h('th', { scope: 'col' }, 'Field'), row.before ? h('th', { scope: 'col' }, 'Before') : null,
        row.after ? h('th', { scope: 'col' }, both ? 'After' : 'Value') : null)),
      h('tbody', keys.map((k) => h('tr', h('th', { scope: 'row' }, k),
        row.before ? h('td', h('code', show(before[k]))) : null,
        row.after ? h('td', h('code', show(after[k]))) : null)))));
}

const date = () => h('input', { type: 'date' });

export async function auditLogView() {
  let list;
  try {
    list = await pagedList({
      api: '/api/audit-logs', caption: 'Audit log', perPage: 25, keyset: true,
      filters: [['actor', 'Who (username)', textInput('Username')], ['action', 'Action', textInput('e.g. UPDATE, EXPORT')],
        ['entity_type', 'Entity', textInput('e.g. order, export')], ['entity_id', 'Entity id', textInput('e.g. 42')],
        ['date_from', 'From', date()], ['date_to', 'To', date()]],
      columns: [['When', (r) => when(r.occurred_at)], ['Who', (r) => r.actor || '(anonymous)'], ['Action', (r) => h('span', { 'data-action': r.action }, r.action)],
        ['Entity', (r) => `${r.entity_type}${r.entity_id ? ` #${r.entity_id}` : ''}`], ['Changes', changes],
        ['From', (r) => [r.ip || '—', r.request_id ? h('small.hint', { title: r.user_agent || '' }, ` request ${r.request_id}`) : null]]],
      empty: 'No audit row yet.',
    });
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 400)) throw e;
    // the API decides who reads the audit log: its answer is shown, with the screen's heading
    list = h('div.form-error', { role: 'alert', 'data-status': e.status }, h('p', explain(e.problem)),
      e.problem.request_id ? h('small', `Request id ${e.problem.request_id}`) : null,
      e.status === 400 ? h('p', link('/app/audit-log', 'Clear the filters')) : null);
  }
  return h('div', heading('Audit log'), list);
}
