// The review page: filter the run's documents, read one at a time, label good or bad.
(function () {
  'use strict';
  var all = [], shown = [], pos = 0;
  var $ = function (id) { return document.getElementById(id); };
  var filters = ['status', 'archetype', 'format', 'generator', 'reason', 'score', 'min', 'max', 'label'];

  // A count and its noun, singular for one (the page's counterpart of dev.exemplar.text.Counts).
  function count(n, noun) {
    return n + ' ' + (n === 1 ? noun : noun + 's');
  }

  function setStatus(text, error) {
    var s = $('status');
    s.textContent = text;
    s.className = error ? 'error' : '';
  }

  function fill(select, values) {
    values.forEach(function (v) {
      var o = document.createElement('option');
      o.value = v; o.textContent = v;
      select.appendChild(o);
    });
  }

  function matches(it) {
    var f = {};
    filters.forEach(function (k) { f[k] = $('f-' + k).value; });
    if (f.status && it.status !== f.status) return false;
    if (f.archetype && it.archetype !== f.archetype) return false;
    if (f.format && it.format !== f.format) return false;
    if (f.generator && it.generator !== f.generator) return false;
    if (f.reason && it.reasons.indexOf(f.reason) < 0) return false;
    if (f.label === 'none' && it.label) return false;
    if (f.label && f.label !== 'none' && it.label !== f.label) return false;
    if (f.score) {
      var v = it.scores[f.score];
      if (v === undefined) return false;
      if (f.min !== '' && v < Number(f.min)) return false;
      if (f.max !== '' && v > Number(f.max)) return false;
    }
    return true;
  }

  function applyFilters() {
    var current = shown[pos] && shown[pos].id;
    shown = all.filter(matches);
    var i = shown.findIndex(function (it) { return it.id === current; });
    pos = i >= 0 ? i : 0;
    renderList();
    show();
  }

  function renderList() {
    var list = $('list');
    list.textContent = '';
    shown.forEach(function (it, i) {
      var li = document.createElement('li');
      li.dataset.id = it.id;
      li.className = it.status + (it.label ? ' labelled ' + it.label : '') + (i === pos ? ' current' : '');
      li.textContent = (it.index != null ? '#' + it.index + ' ' : '') + it.archetype + ' \u00b7 ' + it.format;
      li.title = it.id;
      li.addEventListener('click', function () { pos = i; show(); });
      list.appendChild(li);
    });
    var labelled = all.filter(function (it) { return it.label; }).length;
    $('counts').textContent = shown.length + ' of ' + all.length + ' shown \u00b7 ' + labelled + ' labelled';
  }

  function markCurrent() {
    Array.prototype.forEach.call($('list').children, function (li, i) {
      li.classList.toggle('current', i === pos);
      if (i === pos) li.scrollIntoView({ block: 'nearest' });
    });
  }

  function show() {
    var it = shown[pos];
    markCurrent();
    $('position').textContent = shown.length ? (pos + 1) + ' / ' + shown.length : '0 / 0';
    var article = $('doc');
    if (!it) {
      article.dataset.id = '';
      $('doc-title').textContent = 'No document matches these filters.';
      ['doc-label', 'doc-reasons', 'doc-attrs', 'doc-text'].forEach(function (id) { $(id).textContent = ''; });
      return;
    }
    article.dataset.id = it.id;
    article.className = it.status;
    $('doc-title').textContent = it.archetype + ' \u00b7 ' + it.format + ' \u00b7 ' + it.generator + '  (' + it.status + ', ' + count(it.words, 'word') + ')';
    $('doc-label').textContent = it.label ? 'labelled ' + it.label + (it.labelReason ? ': ' + it.labelReason : '') : 'not labelled';
    $('doc-label').className = it.label || '';
    $('doc-reasons').textContent = it.reasons.length ? 'rejected: ' + it.reasons.join(', ') : '';
    $('reason').value = it.labelReason || '';
    $('doc-text').textContent = 'Loading\u2026';
    fetch('/api/doc?id=' + encodeURIComponent(it.id)).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (rec) {
      if (article.dataset.id !== it.id) return; // the reader moved on meanwhile
      $('doc-text').textContent = rec.text;
      var dl = $('doc-attrs'), sl = $('doc-scores');
      dl.textContent = '';
      sl.textContent = '';
      var addTo = function (list, k, v) {
        var dt = document.createElement('dt'), dd = document.createElement('dd');
        dt.textContent = k; dd.textContent = v;
        list.appendChild(dt); list.appendChild(dd);
      };
      var add = function (k, v) { addTo(dl, k, v); };
      add('id', rec.id);
      var a = rec.attributes || {};
      Object.keys(a).forEach(function (k) {
        var v = a[k];
        if (v === null || typeof v !== 'object') add(k, v);
        else if (k === 'ai') add('ai', (v.name || '?') + (v.role ? ' (' + v.role + ')' : ''));
        else if (Array.isArray(v) && k === 'people') add('people', v.map(function (p) { return p.name || JSON.stringify(p); }).join(', '));
      });
      // Filters can write dozens of scores; they stay folded so the text is in view.
      var keys = Object.keys(it.scores);
      keys.forEach(function (k) { addTo(sl, k, it.scores[k]); });
      $('doc-scores-summary').textContent = count(keys.length, 'score');
      $('doc-scores-box').hidden = keys.length === 0;
      (rec.reasons || []).forEach(function (r) { add('reason ' + r.stage + '/' + r.code, r.detail || ''); });
    }).catch(function (e) { setStatus('Could not load the document: ' + e.message, true); });
  }

  function move(delta) {
    if (!shown.length) return;
    pos = Math.max(0, Math.min(shown.length - 1, pos + delta));
    show();
  }

  function label(value) {
    var it = shown[pos];
    if (!it) return;
    var reason = $('reason').value.trim();
    var body = { id: it.id, label: value };
    if (reason) body.reason = reason;
    fetch('/api/labels', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
        return r.json();
      }).then(function (saved) {
        it.label = saved.label;
        it.labelReason = saved.reason || '';
        setStatus('Saved ' + saved.label + ' for ' + saved.id + (saved.reason ? ' (' + saved.reason + ')' : ''));
        $('reason').blur();
        var li = $('list').children[pos];
        if (li) li.className = it.status + ' labelled ' + it.label;
        var labelled = all.filter(function (x) { return x.label; }).length;
        $('counts').textContent = shown.length + ' of ' + all.length + ' shown \u00b7 ' + labelled + ' labelled';
        if (pos < shown.length - 1) move(1); else show();
      }).catch(function (e) { setStatus('Label not saved: ' + e.message, true); });
  }

  document.addEventListener('keydown', function (e) {
    var tag = e.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var handled = true;
    switch (e.key) {
      case 'j': case 'ArrowRight': move(1); break;
      case 'k': case 'ArrowLeft': move(-1); break;
      case 'g': label('good'); break;
      case 'b': label('bad'); break;
      case 'r': $('reason').focus(); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });
  $('reason').addEventListener('keydown', function (e) {
    // Enter in the reason box files the document as bad, the usual reason to write one.
    if (e.key === 'Enter') { e.preventDefault(); label('bad'); }
  });
  $('prev').addEventListener('click', function () { move(-1); });
  $('next').addEventListener('click', function () { move(1); });
  $('good').addEventListener('click', function () { label('good'); });
  $('bad').addEventListener('click', function () { label('bad'); });
  filters.forEach(function (k) { $('f-' + k).addEventListener(k === 'min' || k === 'max' ? 'input' : 'change', applyFilters); });

  fetch('/api/items').then(function (r) { return r.json(); }).then(function (data) {
    all = data.items;
    $('run').textContent = data.run + (data.loaded < data.total ? ' (a stratified ' + data.loaded + ' of ' + data.total + ')' : '');
    fill($('f-archetype'), data.facets.archetype);
    fill($('f-format'), data.facets.format);
    fill($('f-generator'), data.facets.generator);
    fill($('f-reason'), data.facets.reasons);
    fill($('f-score'), data.facets.scores);
    document.body.dataset.ready = 'true';
    applyFilters();
  }).catch(function (e) { setStatus('Could not load the run: ' + e.message, true); });
})();
