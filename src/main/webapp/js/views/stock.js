// The stock-movement history of a product or a part (GET …/stock-movements, newest first, paged).
import { num, when, label } from '../dom.js';
import { pagedList } from '../list.js';

export function movements(api) {
  return pagedList({
    api, caption: 'Stock movements', perPage: 20,
    columns: [['When', (m) => when(m.occurred_at)], ['Change', (m) => (m.delta > 0 ? `+${m.delta}` : String(m.delta))],
      ['After', (m) => num(m.quantity_after)], ['Reason', (m) => label(m.reason)],
      ['Reference', (m) => (m.reference_type ? `${label(m.reference_type)} ${m.reference_id ?? ''}` : '—')],
      ['Note', (m) => m.note || ''], ['By', (m) => m.actor || '—']],
    empty: 'No stock movement yet.',
  });
}

