// Forms: progress while a call runs, and every problem's detail shown where it belongs: next to the field
// that errors[].field names, the rest at the top of the form.
import { h, clear } from './dom.js';
import { ApiError, idempotencyKey } from './api.js';

/** Explains a problem in words a person can act on (a few codes deserve more than the detail). */
export function explain(problem) {
  if (problem.code === 'INSUFFICIENT_STOCK') {
    const rows = problem.shortages?.length ? problem.shortages : [problem];
    return 'Not enough stock: ' + rows.map((s) => `${s.product_name || s.item_name || s.sku || 'item'}`
      + ` — requested ${s.requested}, available ${s.available}`).join('; ')
      + '. Lower the quantity or wait for production or a delivery.';
  }
  if (problem.code === 'VERSION_CONFLICT') return `${problem.detail} Reload to see the latest version, then try again.`;
  if (problem.code === 'RATE_LIMITED') return `${problem.detail} Wait a moment and try again.`;
  return problem.detail || problem.title || 'Something went wrong.';
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const described = (e.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('err-'));
    if (described.length) e.setAttribute('aria-describedby', described.join(' '));
    else e.removeAttribute('aria-describedby');
  });
}

/** Field names in problems may carry a path (lines[0].quantity): the input named so, else its last part. */
function inputFor(form, name) {
  const candidates = [name, name.replace(/\[\d+\]/g, ''), name.split('.').pop()];
  for (const c of candidates) {
    const el = form.querySelector(`[name="${CSS.escape(c)}"]`);
    if (el) return el;
  }
  return null;
}

export function showProblem(form, error) {
  clearErrors(form);
  const problem = error instanceof ApiError ? error.problem : { detail: String(error.message || error) };
  const unplaced = [];
  let n = 0;
  for (const e of problem.errors || []) {
    const input = e.field ? inputFor(form, e.field) : null;
    if (!input) { unplaced.push(e); continue; }
    const id = `err-${++n}-${input.name}`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    input.after(h('p.field-error', { id }, e.message));
  }
  const box = h('div.form-error', { role: 'alert' },
    h('p', explain(problem)),
    unplaced.length ? h('ul', unplaced.map((e) => h('li', e.field ? `${e.field}: ${e.message}` : e.message))) : null,
    problem.request_id ? h('small', `Request id ${problem.request_id}`) : null);
  form.prepend(box);
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  (firstInvalid || box).focus?.();
}

/**
 * Runs an API action for a form: the submit button is disabled and says so while it runs (progress), a
 * problem is shown in the form, success calls done(result).
 */
export function onSubmit(form, action, done) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    const text = button?.textContent;
    clearErrors(form);
    form.setAttribute('aria-busy', 'true');
    if (button) { button.disabled = true; button.textContent = 'Working…'; }
    try {
      const result = await action(new FormData(form));
      await done?.(result);
    } catch (e) {
      showProblem(form, e);
    } finally {
      form.removeAttribute('aria-busy');
      if (button) { button.disabled = false; button.textContent = text; }
    }
  });
  return form;
}

/** A message for the whole screen (e.g. a failed load), announced to screen readers. */
export function notice(container, error) {
  clear(container);
  const problem = error instanceof ApiError ? error.problem : { detail: String(error) };
  container.append(h('div.form-error', { role: 'alert' }, h('p', explain(problem))));
}

/** An action button (ship, approve, …) that shows progress and reports problems next to itself. */
export function actionButton(text, action, attrs = {}) {
  const out = h('span.action-error', { role: 'alert' });
  const button = h('button', {
    type: 'button', ...attrs,
    onclick: async () => {
      out.textContent = '';
      button.disabled = true;
      const old = button.textContent;
      button.textContent = 'Working…';
      try { await action(); } catch (e) {
        out.textContent = e instanceof ApiError ? explain(e.problem) : String(e);
      } finally { button.disabled = false; button.textContent = old; }
    },
  }, text);
  return h('span.action', button, out);
}

/** Integer from a form value, or undefined when blank (the API then reports what is missing). */
export const int = (v) => (v === null || v === '' ? undefined : Number(v));
export const text = (v) => (v === null || String(v).trim() === '' ? undefined : String(v).trim());

/** Idempotency keys per form: the same body keeps its key (a retry is replayed), a changed body gets a new one. */
export function keyedBody() {
  let key = null;
  let last = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (text !== last) { key = idempotencyKey(); last = text; }
    return key;
  };
}
