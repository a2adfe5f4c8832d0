// spo-bridge console: what every page shares — the top bar, JSON calls with the CSRF token, Russian labels,
// tables that show their own error instead of breaking the page.
'use strict';

const SPO = (() => {
  const FLOWS = { contingent: 'Контингент', staff: 'Кадры', marks: 'Отметки и посещаемость', schedule: 'Расписание',
    reference: 'Справочники', archive: 'Архивы журналов' };
  const STATUSES = { READING: 'чтение источника', DELIVERING: 'доставка', COMPLETED: 'завершён', HELD: 'задержан',
    REJECTED: 'отклонён оператором', COMPLETED_WITH_ERRORS: 'завершён с ошибками', FAILED: 'не выполнен',
    INTERRUPTED: 'прерван', SKIPPED: 'пропущен', FILE_REFUSED: 'файл отклонён' };
  const TARGETS = { epos: 'ЭПОС.СПО', sgo: 'СГО', aisepo: 'АИС ЭПО' };
  const ENTITIES = { group: 'группа', student: 'обучающийся', guardian: 'представитель', movement: 'приказ',
    staff_order: 'кадровый приказ', staff: 'сотрудник', workload: 'нагрузка', substitution: 'замещение',
    substitution_grant: 'доступ замещающего', file: 'файл', mark: 'отметка', attendance: 'посещаемость',
    lesson: 'занятие', lesson_entry: 'тема и задание занятия', reference: 'справочник' };
  const ROLES = { ADMIN: 'администратор', OPERATOR: 'оператор', OBSERVER: 'наблюдатель' };

  const PAGES = [
    ['/index.html', 'Обзор'], ['/runs.html', 'Запуски'], ['/rejected.html', 'Отклонённые'],
    ['/dead-letters.html', 'Недоставленные'], ['/held.html', 'Задержанные'], ['/reports.html', 'Отчёты'],
    ['/quality.html', 'Качество журнала'],
    ['/audit.html', 'Журнал действий'], ['/archives.html', 'Архивы', 'ADMIN'], ['/admin.html', 'Пользователи', 'ADMIN']
  ];

  let me = null;

  function csrfToken() {
    const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  class ApiError extends Error {
    constructor(message, status, body) { super(message); this.status = status; this.body = body; }
  }

  // JSON in and out; a non-2xx answer becomes an ApiError with the hub's Russian message.
  async function api(url, options = {}) {
    const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
    const method = (options.method || 'GET').toUpperCase();
    if (method !== 'GET') {
      const token = csrfToken();
      if (token) headers['X-XSRF-TOKEN'] = token;
      headers['X-Requested-With'] = 'spo-console';
    }
    let body = options.body;
    if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob) && typeof body !== 'string') {
      body = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    let answer;
    try {
      answer = await fetch(url, { method, headers, body, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError('нет связи с хабом', 0);
    }
    if (answer.status === 401) {
      location.href = '/login.html?expired';
      throw new ApiError('сеанс завершён, войдите снова', 401);
    }
    const text = await answer.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!answer.ok) {
      const message = (json && (json.message || json.error)) || (answer.status === 403 ? 'нет прав на это действие'
        : 'хаб ответил ошибкой ' + answer.status);
      throw new ApiError(message, answer.status, json);
    }
    return json;
  }

  const post = (url, body) => api(url, { method: 'POST', body });

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const time = value => value ? new Date(value).toLocaleString('ru-RU') : '—';
  const date = value => value ? new Date(value).toLocaleDateString('ru-RU') : '—';
  const num = n => (n ?? 0).toLocaleString('ru-RU');
  const flow = f => FLOWS[f] || f;
  const status = s => STATUSES[s] || s;
  const target = t => TARGETS[t] || t;
  const entity = e => ENTITIES[e] || e;
  const param = name => new URLSearchParams(location.search).get(name);

  // Fills a table body; rows: data, columns: functions row → text or Node. Shows emptyText when there are none.
  function fill(table, rows, columns, emptyText) {
    const body = (typeof table === 'string' ? document.getElementById(table) : table).querySelector('tbody');
    body.replaceChildren();
    if (!rows || rows.length === 0) {
      body.append(el('tr', {}, el('td', { class: 'empty', colspan: 20 }, emptyText)));
      return;
    }
    for (const row of rows) {
      const tr = el('tr');
      for (const column of columns) {
        const value = column(row);
        tr.append(value instanceof HTMLTableCellElement ? value : el('td', {}, value ?? '—'));
      }
      body.append(tr);
    }
  }

  const cell = (text, cls) => el('td', { class: cls }, text ?? '—');
  const numCell = n => el('td', { class: 'num' }, num(n));

  // One section's failure shows in that section only.
  function failIn(container, error) {
    const box = typeof container === 'string' ? document.getElementById(container) : container;
    const line = el('p', { class: 'error' }, 'Не удалось загрузить: ' + error.message);
    if (box.tagName === 'TABLE') {
      box.querySelector('tbody').replaceChildren(el('tr', {}, el('td', { colspan: 20, class: 'error' }, line.textContent)));
    } else {
      box.replaceChildren(line);
    }
  }

  async function section(url, render, container) {
    try { render(await api(url)); } catch (e) { console.error(url, e); if (container) failIn(container, e); }
  }

  // A message at the top of the page, for the result of an action.
  function notice(text, kind = 'info') {
    let box = document.getElementById('spo-notice');
    if (!box) { box = el('div', { id: 'spo-notice' }); document.querySelector('main').prepend(box); }
    box.replaceChildren(el('div', { class: 'banner ' + kind }, text));
  }

  // Runs an action; its error goes to the notice line, never silently.
  async function act(promise, done) {
    try {
      const result = await promise;
      if (done) notice(done, 'info');
      return result;
    } catch (e) {
      notice(e.message, 'error');
      return null;
    }
  }

  async function whoAmI() {
    if (me) return me;
    me = await api('/api/me');
    return me;
  }

  const can = role => me && (me.role === 'ADMIN' || (role === 'OPERATOR' && me.role === 'OPERATOR') || role === 'OBSERVER');

  // The top bar: pages, the user and their role, sign-out (a POST with the CSRF token).
  async function frame(title) {
    document.title = 'spo-bridge — ' + title;
    const nav = el('nav');
    const header = el('header', { class: 'top' }, el('a', { class: 'brand', href: '/index.html' }, 'spo-bridge'), nav,
      el('div', { class: 'who', id: 'who' }));
    document.body.prepend(header);
    try {
      await whoAmI();
    } catch (e) {
      document.getElementById('who').textContent = 'не удалось узнать пользователя: ' + e.message;
      return null;
    }
    for (const [href, label, role] of PAGES) {
      if (role && me.role !== role) continue;
      nav.append(el('a', { href, class: location.pathname === href || (href === '/index.html' && location.pathname === '/') ? 'active' : null }, label));
    }
    const scope = me.allColleges ? 'весь узел' : (me.colleges.length ? 'колледжи: ' + me.colleges.join(', ') : 'нет колледжей');
    const form = el('form', { method: 'post', action: '/logout', style: 'display:inline' },
      el('input', { type: 'hidden', name: '_csrf', value: csrfToken() || '' }), el('button', { type: 'submit', id: 'logout' }, 'Выйти'));
    document.getElementById('who').replaceChildren(me.name + ' — ' + (ROLES[me.role] || me.role) + ' (' + scope + ')', form);
    document.body.dataset.role = me.role;
    return me;
  }

  // Paging helper: renders «назад / страница N / вперёд» under a table.
  function pager(container, page, size, total, go) {
    const box = typeof container === 'string' ? document.getElementById(container) : container;
    const pages = Math.max(1, Math.ceil(total / size));
    box.replaceChildren(
      el('button', { class: 'secondary', disabled: page <= 0, onclick: () => go(page - 1) }, '← назад'),
      el('span', {}, 'страница ' + (page + 1) + ' из ' + pages + ' (всего ' + num(total) + ')'),
      el('button', { class: 'secondary', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'вперёд →'));
  }

  return { FLOWS, STATUSES, TARGETS, ENTITIES, ROLES, api, post, el, time, date, num, flow, status, target, entity, param,
    fill, cell, numCell, failIn, section, notice, act, frame, whoAmI, can, pager, csrfToken, ApiError,
    get me() { return me; } };
})();
