// Shared by the records pages (rejected, dead letters, held runs, reports, audit): college lists, query strings,
// export links and an administrator's «Показать данные» dialog. Builds nodes with SPO.el only, never innerHTML.
'use strict';

const RECORDS = (() => {
  const { el } = SPO;

  // Query string of the non-empty values; filter values are ids and codes, never a person's data.
  function query(values) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && String(v).trim() !== '') params.set(k, String(v).trim());
    const text = params.toString();
    return text ? '?' + text : '';
  }

  // Fills a <select> with the colleges the user sees; «все колледжи» first unless required.
  async function colleges(select, required) {
    const list = await SPO.api('/api/colleges');
    select.replaceChildren(...(required ? [] : [el('option', { value: '' }, 'все колледжи')]),
      ...list.map(c => el('option', { value: c.id }, c.name ? c.id + ' — ' + c.name : c.id)));
    const wanted = SPO.param('college');
    if (wanted && list.some(c => c.id === wanted)) select.value = wanted;
    return list;
  }

  function options(select, labels, allText) {
    select.replaceChildren(el('option', { value: '' }, allText), ...Object.entries(labels).map(([k, v]) => el('option', { value: k }, v)));
  }

  // Values of a filters form by input name.
  function values(form) {
    const result = {};
    for (const input of form.querySelectorAll('input[name], select[name]')) result[input.name] = input.value;
    return result;
  }

  // A modal that asks for one text (a reason); resolves to the text or null when cancelled.
  function ask(title, label, minLength) {
    return new Promise(resolve => {
      const input = el('textarea', { rows: 3, cols: 50, id: 'ask-text' });
      const error = el('p', { class: 'error' });
      const dialog = el('dialog', { class: 'ask' });
      const close = value => { dialog.close(); dialog.remove(); resolve(value); };
      dialog.append(el('h2', {}, title), el('label', {}, label, el('br'), input), error,
        el('p', {}, el('button', { type: 'button', id: 'ask-ok', onclick: () => {
          const text = input.value.trim();
          if (text.length < (minLength || 1)) { error.textContent = 'Укажите причину — не короче ' + (minLength || 1) + ' символов'; return; }
          close(text);
        } }, 'Продолжить'), ' ', el('button', { type: 'button', class: 'secondary', onclick: () => close(null) }, 'Отмена')));
      document.body.append(dialog);
      dialog.showModal();
      input.focus();
    });
  }

  const FIELDS = { birthDate: 'дата рождения', email: 'эл. почта', phone: 'телефон', snils: 'СНИЛС', gender: 'пол',
    'name.lastName': 'фамилия', 'name.firstName': 'имя', 'name.middleName': 'отчество', groupCode: 'группа',
    subgroupCode: 'подгруппа', form: 'форма обучения', collegeId: 'колледж', individualPlan: 'индивидуальный план',
    'key.sourceId': 'ключ в источнике', 'key.sourceSystem': 'источник' };
  const field = name => FIELDS[name] ? FIELDS[name] + ' (' + name + ')' : name;

  // «Показать данные»: the reason goes to the audit log; the data shows in a dialog and is never kept on the page.
  async function reveal(college, entityType, entityKey) {
    const reason = await ask('Показать данные записи', 'Зачем вам данные этой записи? Причина попадёт в журнал действий.', 5);
    if (!reason) return;
    let answer;
    try {
      answer = await SPO.post('/api/records/reveal', { college, entityType, entityKey, reason });
    } catch (e) {
      SPO.notice(e.message, 'error');
      return;
    }
    const table = el('table', { id: 'revealed' }, el('thead', {}, el('tr', {}, el('th', {}, 'Поле'), el('th', {}, 'Значение'))),
      el('tbody', {}, Object.entries(answer.fields).map(([k, v]) => el('tr', {}, el('td', {}, field(k)), el('td', {}, v)))));
    const dialog = el('dialog', { class: 'reveal' });
    dialog.append(el('h2', {}, SPO.entity(entityType) + ' ' + entityKey + ' (' + college + ')'),
      el('p', { class: 'muted' }, 'Просмотр записан в журнал действий. Не копируйте эти данные без нужды.'), table,
      el('p', {}, el('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, 'Закрыть')));
    document.body.append(dialog);
    dialog.showModal();
  }

  const revealButton = (college, entityType, entityKey) => SPO.me && SPO.me.role === 'ADMIN'
    ? el('button', { type: 'button', class: 'secondary reveal', onclick: () => reveal(college, entityType, entityKey) }, 'Показать данные')
    : null;

  // «CSV» and «XLSX» links of an export endpoint with the current filter.
  function exportLinks(base, filter) {
    const q = query(filter);
    return [el('a', { href: base + '.csv' + q, class: 'export', download: '' }, 'CSV'), ' ',
      el('a', { href: base + '.xlsx' + q, class: 'export', download: '' }, 'XLSX')];
  }

  return { query, colleges, options, values, ask, reveal, revealButton, exportLinks };
})();
