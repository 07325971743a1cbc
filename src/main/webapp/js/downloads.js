// Downloads with progress (exports, reports as files, stored report runs): one button per format; while a file
// arrives, the bytes received (and the percentage when the server says how many there are) next to the buttons;
// a problem the API answers instead (429 too many exports, 403, 400) shown there too. The file is saved through a
// Blob URL and a temporary <a download> (a download is a navigation, not a resource the policy governs).
import { h } from './dom.js';
import { download, ApiError } from './api.js';
import { explain, showProblem, clearErrors } from './forms.js';

export const FORMATS = [['csv', 'CSV'], ['xlsx', 'XLSX'], ['pdf', 'PDF'], ['json', 'JSON']];

export function size(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function problemText(e) {
  if (!(e instanceof ApiError)) return String(e.message || e);
  const p = e.problem;
  if (p.code === 'EXPORT_LIMIT_REACHED' || e.status === 429) return `${explain(p)} Try again in a few seconds.`;
  if (e.status === 403) return `Not allowed for your role: ${explain(p)}`;
  return explain(p);
}

/**
 * The download buttons of one file: what (its name for screen readers), path, query (an object, or a function
 * giving it at click time), form (where problems naming a parameter are shown next to their field).
 */
export function downloadButtons(what, path, query = {}, { formats = FORMATS, form = null } = {}) {
  const bar = h('progress', { max: 100, hidden: true, 'aria-label': `Download of ${what}` });
  const status = h('span.download-status', { role: 'status' });
  const error = h('span.action-error', { role: 'alert' });
  let buttons = [];
  const run = async (format, text) => {
    const started = Date.now();
    let shown = 0;
    error.textContent = '';
    if (form) clearErrors(form);
    buttons.forEach((b) => { b.disabled = true; });
    group.dataset.state = 'running';
    bar.hidden = false;
    bar.removeAttribute('value');
    status.textContent = `Downloading ${text}…`;
    try {
      const q = { ...(typeof query === 'function' ? query() : query), format };
      const file = await download(path, {
        query: q,
        progress: (bytes, total) => {
          if (total) bar.value = Math.floor((bytes / total) * 100);
          const now = Date.now();
          if (now - shown < 200 && bytes !== total) return; // a calm status: a few updates a second
          shown = now;
          status.textContent = `${text}: ${size(bytes)} received${total ? ` of ${size(total)} (${Math.floor((bytes / total) * 100)} %)` : ''}`;
        },
      });
      if (format === 'csv') {
        // a CSV export cut by the server (time limit, session ended) ends with this unclosed line
        const tail = await file.blob.slice(-400).text();
        const cut = tail.lastIndexOf('"export cut:');
        if (cut >= 0) throw new Error(`The server cut the export (${tail.slice(cut + 13).trim()}); nothing was saved. Try again or narrow the filters.`);
      }
      save(file.blob, file.filename);
      status.textContent = `Saved ${file.filename} (${size(file.bytes)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      group.dataset.state = 'done';
      group.dataset.file = file.filename;
      group.dataset.bytes = file.bytes;
    } catch (e) {
      status.textContent = '';
      error.textContent = problemText(e);
      group.dataset.state = 'failed';
      if (form && e instanceof ApiError && e.problem.errors?.length) showProblem(form, e);
    } finally {
      bar.hidden = true;
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  buttons = formats.map(([format, text]) => h('button', {
    type: 'button', 'data-format': format, onclick: () => run(format, text),
  }, text));
  const group = h('div.downloads', { role: 'group', 'aria-label': `Download ${what}` },
    h('span.downloads-label', 'Download'), buttons, bar, status, error);
  return group;
}
