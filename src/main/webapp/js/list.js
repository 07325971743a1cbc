// A list screen over a paged API list: search and filters kept in the address (a reload or a shared link
// shows the same page), the API's pagination, an empty state that says what to do.
import { h, table } from './dom.js';
import { get } from './api.js';
import { navigate } from './shell.js';

export const params = () => new URLSearchParams(location.search);

/**
 * options: api (path), query (fixed parameters), filters ([name, label, element] — element carries name),
 * columns (see dom.table), caption, empty (text), perPage, keyset (the list takes after=<next_cursor>: Next
 * continues after the page's last row, at the cost of page 1 however deep; the cursor is kept in the address).
 */
export async function pagedList({ api, query = {}, filters = [], columns, caption, empty, perPage = 20, keyset = false }) {
  const p = params();
  const page = Math.max(1, Number(p.get('page')) || 1);
  const after = keyset ? p.get('after') : null;
  const wanted = after ? { ...query, after, per_page: perPage } : { ...query, page, per_page: perPage };
  for (const [name] of filters) if (p.get(name)) wanted[name] = p.get(name);
  const result = await get(api, wanted);
  const form = filters.length ? h('form.filters', { role: 'search', 'aria-label': `Filter ${caption}` },
    filters.map(([name, text, input]) => {
      input.name = name;
      input.id = `filter-${name}`;
      if (p.get(name)) input.value = p.get(name);
      return h('div.field', h('label', { for: input.id }, text), input);
    }),
    h('button', { type: 'submit' }, 'Search')) : null;
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) next.set(k, String(v).trim());
    navigate(`${location.pathname}${next.toString() ? `?${next}` : ''}`);
  });
  const pg = result.pagination;
  const go = (n) => { const q = params(); q.set('page', n); navigate(`${location.pathname}?${q}`); };
  const pager = keyset && (pg.has_next || after) ? keysetPager(caption, pg, after) : pg.pages > 1 ? h('nav.pager', { 'aria-label': `${caption} pages` },
    h('button', { type: 'button', disabled: !pg.has_prev, onclick: () => go(page - 1) }, '← Previous'),
    h('span', `Page ${pg.page ?? page} of ${pg.pages} · ${pg.total} in all`),
    h('button', { type: 'button', disabled: !pg.has_next, onclick: () => go(page + 1) }, 'Next →')) : null;
  const anyFilter = filters.some(([name]) => p.get(name));
  return h('div.list', form,
    table(caption, columns, result.data, anyFilter ? 'Nothing matches this search. Change or clear the filters.' : empty),
    pager);
}

function keysetPager(caption, pg, after) {
  const go = (cursor) => {
    const q = params();
    q.delete('page');
    if (cursor) q.set('after', cursor); else q.delete('after');
    navigate(`${location.pathname}?${q}`);
  };
  return h('nav.pager', { 'aria-label': `${caption} pages` },
    h('button', { type: 'button', disabled: !after, onclick: () => go(null) }, '↑ First page'),
    h('span', `${after ? 'A later page' : 'The first page'} · ${pg.total} in all`),
    h('button', { type: 'button', disabled: !pg.has_next || !pg.next_cursor, onclick: () => go(pg.next_cursor), 'data-next': '' }, 'Next →'));
}

export const textInput = (placeholder) => h('input', { type: 'search', placeholder, maxlength: 100 });
export const choice = (options) => h('select', h('option', { value: '' }, 'Any'),
  options.map((o) => h('option', { value: o }, o.replaceAll('_', ' '))));
