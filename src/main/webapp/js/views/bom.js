// A product's bill of materials (GET|PUT /api/products/{id}/bom): the parts one unit takes, which recording
// production consumes. Everyone who reads products sees it; managers edit the whole list and save it at once.
import { h, link, num, field, clear, table } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, showProblem, clearErrors } from '../forms.js';
import { can, refreshScreen } from '../shell.js';
import { picker } from './orders.js';

export async function bomSection(productId) {
  const api = `/api/products/${productId}/bom`;
  const bom = await get(api);
  const title = h('h2', { id: 'bom-title' }, 'Bill of materials');
  const partLink = (l) => link(`/app/parts/${l.part_id}`, `${l.name} (${l.sku})`);
  if (!can('manager')) {
    return h('section', { 'aria-labelledby': 'bom-title' }, title,
      table('Bill of materials', [['Part', partLink], ['Per unit', (l) => `${num(l.quantity)} ${l.unit}`]], bom.lines,
        'No bill of materials: producing this product consumes no parts.'));
  }
  const lines = bom.lines.map((l) => ({ ...l }));
  const box = h('div');
  const draw = () => clear(box).append(lines.length
    ? h('div.table-wrap', h('table',
      h('caption.visually-hidden', 'Bill of materials'),
      h('thead', h('tr', h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col' }, 'Per unit'), h('th', { scope: 'col' }, h('span.visually-hidden', 'Remove')))),
      h('tbody', lines.map((l, i) => h('tr', { 'data-part': l.part_id },
        h('td', partLink(l)),
        h('td', h('input', { name: `lines[${i}].quantity`, type: 'number', min: 1, max: 1000000, value: l.quantity,
          'aria-label': `Quantity of ${l.name} per unit`, oninput: (e) => { l.quantity = e.target.value; } }), ` ${l.unit || ''}`),
        h('td', h('button', { type: 'button', onclick: () => { lines.splice(i, 1); draw(); } }, `Remove ${l.name}`)))))))
    : h('p.empty', { role: 'status' }, 'No bill of materials: producing this product consumes no parts. Add parts below.'));
  draw();
  const parts = picker('Part', 'part_id', '/api/inventory/items', (p) => `${p.name} (${p.sku})`, { active: 'true' });
  await parts.ready;
  const quantity = h('input', { name: 'new_quantity', type: 'number', min: 1, max: 1000000, value: 1 });
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'bom-title', 'data-form': 'bom' },
    title, box,
    h('fieldset', h('legend', 'Add a part'), parts, field('Quantity per unit', quantity),
      h('button', { type: 'button', id: 'bom-add', onclick: () => {
        clearErrors(form);
        const p = parts.selected();
        const q = Number(quantity.value);
        if (!p || !(q > 0)) {
          showProblem(form, { message: 'Choose a part and a quantity of at least 1 first.' });
          return;
        }
        const same = lines.find((l) => l.part_id === p.id);
        if (same) same.quantity = Number(same.quantity) + q;
        else lines.push({ part_id: p.id, sku: p.sku, name: p.name, unit: p.unit, quantity: q });
        draw();
      } }, 'Add part')),
    h('button.primary', { type: 'submit' }, 'Save bill of materials'));
  onSubmit(form, () => call('PUT', api, { body: { lines: lines.map((l) => ({
    part_id: l.part_id, quantity: l.quantity === '' ? undefined : Number(l.quantity) })) } }), refreshScreen);
  return h('section', form);
}
