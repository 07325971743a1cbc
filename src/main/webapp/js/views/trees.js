// Part categories and stock locations: the API's two trees are twins, so one tree screen and one node screen
// serve both, told apart by the noun's declaration. Everyone who reads parts sees the trees; managers create,
// rename, move (a new parent) and delete nodes.
import { h, heading, link, num } from '../dom.js';
import { call, get } from '../api.js';
import { actionButton } from '../forms.js';
import { can, navigate, refreshScreen } from '../shell.js';
import { resourceForm, facts } from '../resource.js';

export const TREES = {
  categories: {
    title: 'Part categories', one: 'category', childTitle: (name) => `New sub-category of ${name}`, api: '/api/inventory/categories',
    fields: [{ name: 'name', label: 'Name', required: true, max: 60, hint: 'Unique among its siblings; no “/”' }],
    name: (c) => c.name,
    option: (c) => c.path,
  },
  locations: {
    title: 'Stock locations', one: 'location', childTitle: (name) => `New location inside ${name}`, api: '/api/inventory/locations',
    fields: [{ name: 'code', label: 'Code', required: true, max: 32, hint: 'Unique; letters, digits, . _ or -' },
      { name: 'name', label: 'Name', required: true, max: 100 }],
    name: (l) => `${l.code} — ${l.name}`,
    option: (l) => `${l.path} — ${l.name}`,
  },
};

const WRITE = 'manager';
const MAX_PAGES = 20; // 2,000 nodes: beyond that the tree is read through search and the node screens

const parentField = (t) => ({ name: 'parent_id', label: 'Parent (none: a root)', type: 'picker',
  source: { api: t.api, text: t.option } });

/** Every node, depth-first (the API sorts by path), a page of 100 at a time. */
async function allNodes(t) {
  const nodes = [];
  let more = false;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = await get(t.api, { page, per_page: 100, sort: 'path' });
    nodes.push(...r.data);
    more = r.pagination.has_next;
    if (!more) break;
  }
  return { nodes, more };
}

function branch(key, t, children, parentId) {
  const kids = children.get(parentId) || [];
  if (!kids.length) return null;
  return h('ul.tree', kids.map((n) => h('li', { 'data-node': n.id },
    link(`/app/${key}/${n.id}`, t.name(n)), branch(key, t, children, n.id))));
}

export function treeView(key) {
  const t = TREES[key];
  return async () => {
    const { nodes, more } = await allNodes(t);
    const children = new Map();
    for (const n of nodes) {
      const parent = n.parent_id ?? 0;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(n);
    }
    const tree = nodes.length
      ? h('nav.tree-wrap', { 'aria-label': t.title }, branch(key, t, children, 0))
      : h('p.empty', { role: 'status' }, can(WRITE) ? `No ${t.title.toLowerCase()} yet. Create the first one below.` : `No ${t.title.toLowerCase()} yet.`);
    return h('div',
      heading(t.title),
      h('p.hint', `${num(nodes.length)} in all. Choose one to see what is inside it${can(WRITE) ? ', rename, move or delete it' : ''}.`),
      more ? h('p.notice', `Only the first ${num(nodes.length)} are shown.`) : null,
      tree,
      can(WRITE) ? await resourceForm({ fields: [...t.fields, parentField(t)], api: t.api, title: `New ${t.one}`,
        submit: `Create ${t.one}`, done: (r) => navigate(`/app/${key}/${r.data.id}`) }) : null);
  };
}

export function nodeView(key) {
  const t = TREES[key];
  return async (id) => {
    const { data: n, etag } = await call('GET', `${t.api}/${id}`);
    const kids = await get(t.api, { parent_id: n.id, per_page: 100, sort: 'path' });
    const parent = n.parent_id ? await get(`${t.api}/${n.parent_id}`).catch(() => null) : null;
    const writable = can(WRITE);
    return h('div',
      heading(t.name(n)),
      facts([['Path', n.path], ['Depth', num(n.depth)],
        ['Parent', parent ? link(`/app/${key}/${parent.id}`, t.name(parent)) : 'none (a root)']]),
      h('h2', `Inside ${t.name(n)}`),
      kids.data.length
        ? h('ul.tree', kids.data.map((k) => h('li', link(`/app/${key}/${k.id}`, t.name(k)))))
        : h('p.empty', { role: 'status' }, 'Nothing inside it.'),
      kids.pagination.has_next ? h('p.hint', `and ${num(kids.pagination.total - kids.data.length)} more`) : null,
      writable ? h('div.actions', actionButton(`Delete ${t.name(n)}`,
        () => call('DELETE', `${t.api}/${n.id}`, { etag }).then(() => navigate(`/app/${key}`)),
        { class: 'danger', 'data-action': 'delete' })) : null,
      writable ? await resourceForm({ fields: [...t.fields, parentField(t)], api: t.api, item: n, etag,
        title: 'Rename or move', submit: 'Save', done: refreshScreen }) : null,
      writable ? await resourceForm({ fields: t.fields, api: t.api, fixed: { parent_id: n.id }, name: 'child',
        title: t.childTitle(t.name(n)), submit: `Create inside ${t.name(n)}`,
        done: (r) => navigate(`/app/${key}/${r.data.id}`) }) : null,
      h('p', link(`/app/${key}`, `← All ${t.title.toLowerCase()}`)));
  };
}
