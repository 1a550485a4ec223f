// Operator console: reads /api/v1 with the page's own credentials (cookie or the auth proxy's header).
// No framework and no build step: plain DOM, every text inserted with textContent (no HTML injection).
(function () {
  'use strict';
  var API = '/api/v1';
  var operator = document.body.dataset.operator === 'true';
  var refreshMillis = parseInt(document.body.dataset.refreshMillis, 10) || 5000;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; }
      else if (key === 'onclick') { node.addEventListener('click', attrs[key]); }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function time(iso) {
    // Shown in the operator's own time zone (the browser's).
    return iso ? new Date(iso).toLocaleString() : '';
  }

  function badge(value) {
    return el('span', { 'class': 'state state-' + value, text: value });
  }

  function api(path, options) {
    options = options || {};
    options.credentials = 'same-origin';
    options.headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
    return fetch(API + path, options).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var body = type.indexOf('json') >= 0 ? response.json() : response.text();
      return body.then(function (data) {
        if (!response.ok) {
          var problem = typeof data === 'object' && data ? data : { title: String(data), status: response.status };
          var error = new Error((problem.title || 'Error') + (problem.detail ? ': ' + problem.detail : ''));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function post(path, body) {
    return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {}) });
  }

  function table(headers, rows) {
    return el('table', {}, [
      el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, rows)
    ]);
  }

  function td(content) {
    if (content instanceof Node) { return el('td', {}, [content]); }
    return el('td', { text: content === null || content === undefined ? '' : String(content) });
  }

  // ---- live summary ----
  function card(label, value, cls) {
    return el('div', { 'class': 'card ' + (cls || '') }, [
      el('div', { 'class': 'value', text: value === null || value === undefined ? '?' : String(value) }),
      el('div', { 'class': 'label', text: label })
    ]);
  }

  function refreshSummary() {
    api('/summary').then(function (s) {
      var cards = el('div', { 'class': 'cards', id: 'summary-cards' });
      Object.keys(s.requests).forEach(function (state) {
        cards.appendChild(card(state, s.requests[state], 'state-' + state));
      });
      cards.appendChild(card('oldest deferred (s)', s.oldest_deferred_seconds === undefined ? '–' : s.oldest_deferred_seconds));
      cards.appendChild(card('outbox pending', s.outbox_pending));
      cards.appendChild(card('outbox lag (s)', s.outbox_lag_seconds, s.outbox_lag_seconds > 60 ? 'bad' : ''));
      cards.appendChild(card('dead letters', s.dead_letters, s.dead_letters > 0 ? 'warn' : ''));
      var incs = s.incs.available ? 'available' : s.incs.token_rejected ? 'token rejected' : 'circuit open';
      cards.appendChild(card('incs', incs, s.incs.available ? 'ok' : 'bad'));
      cards.appendChild(card('sync leader', s.sync.leader || 'none', s.sync.leader ? '' : 'warn'));
      var body = document.getElementById('summary-body');
      body.replaceChildren(cards);
      document.getElementById('summary-at').textContent = 'as of ' + time(s.at);
    }).catch(function (e) {
      document.getElementById('summary-body').textContent = 'summary unavailable: ' + e.message;
    });
  }

  // ---- search and timelines ----
  var results = document.getElementById('results');
  var message = document.getElementById('search-message');

  function search(kind, value) {
    message.textContent = '';
    results.replaceChildren(el('p', { text: 'searching…' }));
    var attempt;
    if (kind === 'case') { attempt = showCase(value); }
    else if (kind === 'event') { attempt = showRequest(value); }
    else if (kind === 'task') { attempt = showTask(value); }
    else if (kind === 'phone') { attempt = showPhone(value); }
    else {
      attempt = showRequest(value).catch(function (e) {
        if (e.status !== 404) { throw e; }
        return showCase(value);
      }).catch(function (e) {
        if ((e.status !== 404 && e.status !== 400) || !/^\d+$/.test(value)) { throw e; }
        return showTask(value);
      }).catch(function (e) {
        if (e.status !== 404 && e.status !== 400) { throw e; }
        return showPhone(value);
      });
    }
    return attempt.catch(function (e) {
      results.replaceChildren();
      message.textContent = e.message;
    });
  }

  function showRequest(eventId) {
    return api('/requests/' + encodeURIComponent(eventId)).then(function (r) { return showCase(r.request.case_id); });
  }

  function showTask(taskId) {
    return api('/tasks/' + encodeURIComponent(taskId)).then(function (t) { return showCase(t.task.case_id); });
  }

  function showPhone(phone) {
    return api('/tasks?limit=20&phone=' + encodeURIComponent(phone)).then(function (page) {
      if (page.items.length === 0) {
        results.replaceChildren(el('p', { text: 'No task for this phone.' }));
        return;
      }
      var cases = [];
      page.items.forEach(function (t) { if (cases.indexOf(t.case_id) < 0) { cases.push(t.case_id); } });
      results.replaceChildren();
      return cases.slice(0, 5).reduce(function (chain, caseId) {
        return chain.then(function () { return renderCase(caseId, true); });
      }, Promise.resolve());
    });
  }

  function showCase(caseId) {
    results.replaceChildren();
    return renderCase(caseId, false);
  }

  function renderCase(caseId, append) {
    return api('/cases/' + encodeURIComponent(caseId)).then(function (c) {
      var box = el('div', { 'class': 'case', 'data-case-id': c.case_id }, [el('h3', { text: 'Case ' + c.case_id })]);
      box.appendChild(table(['event id', 'state', 'phone', 'attempts', 'last error', 'next attempt', 'task', ''],
        c.requests.map(requestRow)));
      if (c.tasks.length) {
        box.appendChild(table(['task', 'status', 'phone', 'assignee', 'created', 'tracking', ''], c.tasks.map(taskRow)));
      }
      box.appendChild(table(['time', 'what', '', 'detail'], c.timeline.map(timelineRow)));
      if (!append) { results.replaceChildren(); }
      results.appendChild(box);
    });
  }

  function requestRow(r) {
    var actions = el('td', { 'class': 'actions' });
    if (operator && (r.state === 'failed' || r.state === 'rejected')) {
      actions.appendChild(actionButton('Retry', 'retry', 'Retry request ' + r.event_id + '?',
        '/requests/' + encodeURIComponent(r.event_id) + '/retry', r.case_id));
    }
    if (operator && r.state === 'deferred') {
      actions.appendChild(actionButton('Cancel', 'cancel', 'Cancel deferred request ' + r.event_id + '? It will end failed.',
        '/requests/' + encodeURIComponent(r.event_id) + '/cancel', r.case_id));
    }
    return el('tr', { 'data-event-id': r.event_id }, [td(r.event_id), td(badge(r.state)), el('td', { 'class': 'phone', text: r.user_phone || '' }),
      td(r.attempts), td(r.last_error), td(time(r.next_attempt_at)), td(r.task_id), actions]);
  }

  function taskRow(t) {
    var actions = el('td', { 'class': 'actions' });
    if (operator && t.tracking) {
      actions.appendChild(actionButton('Re-sync', 'resync', 'Look task ' + t.task_id + ' up in incs now?',
        '/tasks/' + t.task_id + '/resync', t.case_id));
    }
    return el('tr', { 'data-task-id': String(t.task_id) }, [td(t.task_id), td(badge(t.status_name)),
      el('td', { 'class': 'phone', text: t.user_phone || '' }), td(t.assignee), td(time(t.created_at)),
      td(t.tracking ? 'yes' : 'no'), actions]);
  }

  function timelineRow(e) {
    var what = e.kind === 'event' ? e.ce_type : e.title;
    var status = e.kind === 'event' ? (e.pending ? el('span', { 'class': 'state pending', text: 'pending' })
      : el('span', { 'class': 'state ok', text: 'published ' + time(e.published_at) })) : null;
    var detail = e.detail || (e.kind === 'event' ? 'ce_id ' + e.ce_id : '');
    return el('tr', { 'class': 'timeline kind-' + e.kind }, [td(time(e.at)), el('td', { 'class': 'what', text: what }),
      status ? td(status) : td(''), td(detail)]);
  }

  function actionButton(label, action, question, path, caseId) {
    return el('button', { type: 'button', 'class': 'action action-' + action, text: label, onclick: function () {
      if (!window.confirm(question)) { return; }
      post(path).then(function () {
        return renderCase(caseId, false);
      }).then(refreshSummary).catch(function (e) { message.textContent = e.message; });
    } });
  }

  document.getElementById('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var value = document.getElementById('search-input').value.trim();
    if (value) { search(document.getElementById('search-kind').value, value); }
  });

  // ---- dead letters ----
  var deadLetterLoads = 0;

  function refreshDeadLetters() {
    var box = document.getElementById('dead-letters');
    api('/dead-letters?limit=20').then(function (letters) {
      if (letters.length === 0) { box.replaceChildren(el('p', { text: 'No dead letters.' })); return; }
      box.replaceChildren(table(['time', 'partition/offset', 'key', 'reason', 'value', ''], letters.map(deadLetterRow)));
    }).catch(function (e) { box.textContent = 'dead letters unavailable: ' + e.message; })
      .then(function () { box.dataset.loads = String(++deadLetterLoads); });
  }

  function deadLetterRow(d) {
    var actions = el('td', { 'class': 'actions' });
    var preview = el('pre', { text: d.value_preview + (d.value_truncated ? '…' : '') });
    var valueCell = el('td', {}, [preview]);
    if (operator) {
      actions.appendChild(el('button', { type: 'button', 'class': 'action action-edit', text: 'Edit & replay', onclick: function () {
        if (valueCell.querySelector('textarea')) { return; }
        var editor = el('textarea', { 'class': 'replay-value' });
        editor.value = d.value_truncated ? '' : d.value_preview;
        valueCell.appendChild(editor);
        valueCell.appendChild(el('button', { type: 'button', 'class': 'action action-replay-corrected', text: 'Replay corrected',
          onclick: function () { replay(d, editor.value); } }));
      } }));
      actions.appendChild(el('button', { type: 'button', 'class': 'action action-replay', text: 'Replay',
        onclick: function () { replay(d, null); } }));
    }
    return el('tr', { 'class': 'dead-letter', 'data-offset': d.partition + '/' + d.offset }, [td(time(d.timestamp)),
      td(d.partition + '/' + d.offset), td(d.key), td((d.code ? d.code + ': ' : '') + (d.reason || '')), valueCell, actions]);
  }

  function replay(d, correctedValue) {
    var question = 'Replay dead letter ' + d.partition + '/' + d.offset + (correctedValue === null ? ' unchanged' : ' with the corrected value') + '?';
    if (!window.confirm(question)) { return; }
    var record = { partition: d.partition, offset: d.offset };
    if (correctedValue !== null) { record.value = correctedValue; }
    post('/dead-letters/replay', { records: [record] }).then(function (answer) {
      var result = answer.results[0];
      var box = document.getElementById('dead-letters');
      box.insertBefore(el('p', { 'class': 'replay-result', text: 'Dead letter ' + d.partition + '/' + d.offset + ': ' + result.outcome
        + (result.input_offset !== undefined ? ' (input offset ' + result.input_offset + ')' : '') }), box.firstChild);
    }).catch(function (e) { message.textContent = e.message; });
  }

  document.getElementById('dead-letters-refresh').addEventListener('click', refreshDeadLetters);

  refreshSummary();
  refreshDeadLetters();
  setInterval(refreshSummary, refreshMillis);
})();
