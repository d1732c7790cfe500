/**
 * The index page's one script (allowed by its hash in the CSP). It reads
 * the data block once, then pages, sorts and filters in memory: a
 * keystroke scans lowercased search strings built at load (or only the
 * rows the previous query kept, when the query grew), and draws one page
 * of rows with `textContent`, never markup. Sorting ranks every row once
 * per column and then walks that order. CSV export takes the filtered
 * rows, with cells that a spreadsheet would read as a formula (= + - @,
 * tab, CR) prefixed by an apostrophe.
 */
export const SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var block = $('report-data');
  if (!block) return;
  var data = JSON.parse(block.textContent);
  var docs = data.docs, rows = data.rows, N = rows.length;
  var PAGE = 50, DOC_PAGE = 25;
  var D_ID = 0, D_TITLE = 1, D_DATE = 2, D_KIND = 3, D_COUNT = 4, D_CLASSES = 5;
  var R_DOC = 0, R_CLASS = 1, R_VERB = 2, R_SECTION = 3, R_LABEL = 4, R_TEXT = 5, R_TOPICS = 6, R_ENTITIES = 7, R_UNIT = 8, R_ACTOR = 9, R_ID = 10;

  // What the search box looks in, per row: built just after the first page is drawn (or by the first search).
  var hay = null;
  function haystacks() {
    if (hay) return hay;
    hay = new Array(N);
    for (var i = 0; i < N; i++) {
      var r = rows[i], parts = [r[R_TEXT], r[R_LABEL], data.sections[r[R_SECTION]], data.verbs[r[R_VERB]], docs[r[R_DOC]][D_TITLE]];
      for (var k = 0; k < r[R_ENTITIES].length; k++) parts.push(data.entities[r[R_ENTITIES][k]]);
      hay[i] = parts.join(' ').toLowerCase();
    }
    return hay;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function options(select, values) {
    var seen = {}, list = [];
    values.forEach(function (v) { if (v && !seen['~' + v]) { seen['~' + v] = 1; list.push(v); } });
    list.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    var frag = document.createDocumentFragment();
    list.forEach(function (v) { var o = el('option', v); o.value = v; frag.appendChild(o); });
    select.appendChild(frag);
  }
  var search = $('search'), klass = $('class-filter'), topic = $('topic-filter'), unit = $('unit-filter'), actor = $('actor-filter'),
    entity = $('entity-filter'), doc = $('document-filter'), from = $('date-from'), to = $('date-to');
  options(topic, data.topics);
  options(unit, data.units);
  options(actor, data.actors);
  options(entity, data.entities);
  (function () {
    var frag = document.createDocumentFragment();
    docs.forEach(function (d, n) { var o = el('option', (d[D_DATE] ? d[D_DATE] + ' ' : '') + d[D_TITLE]); o.value = String(n); frag.appendChild(o); });
    doc.appendChild(frag);
  })();

  // Sorting: each column's order over all rows, computed once when first asked.
  var orders = {}, sortKey = '', sortDir = 1;
  var keyOf = {
    'class': function (r) { return r[R_CLASS]; },
    verb: function (r) { return data.verbs[r[R_VERB]]; },
    section: function (r) { return data.sections[r[R_SECTION]]; },
    text: function (r) { return r[R_LABEL] + ' ' + r[R_TEXT]; },
    unit: function (r) { return r[R_UNIT] < 0 ? '' : data.units[r[R_UNIT]]; },
    actor: function (r) { return r[R_ACTOR] < 0 ? '' : data.actors[r[R_ACTOR]]; },
    date: function (r) { return docs[r[R_DOC]][D_DATE]; }
  };
  function order() {
    if (!sortKey) return null;
    if (!orders[sortKey]) {
      var f = keyOf[sortKey], keys = new Array(N), idx = new Array(N);
      for (var i = 0; i < N; i++) { keys[i] = f(rows[i]); idx[i] = i; }
      idx.sort(function (a, b) { return keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b; });
      orders[sortKey] = idx;
    }
    return orders[sortKey];
  }

  var current = [], last = null, page = 0;
  function state() {
    return { q: search.value.toLowerCase().trim(), c: klass.value, t: topic.value, u: unit.value, a: actor.value, e: entity.value, d: doc.value, f: from.value, to: to.value, s: sortKey + sortDir };
  }
  function sameBut(a, b) { return a.c === b.c && a.t === b.t && a.u === b.u && a.a === b.a && a.e === b.e && a.d === b.d && a.f === b.f && a.to === b.to && a.s === b.s; }
  function filter() {
    var s = state();
    var words = s.q.split(/\s+/).filter(Boolean);
    var cls = s.c ? data.classes.indexOf(s.c) : -1, dn = s.d === '' ? -1 : Number(s.d);
    var narrowing = last && sameBut(s, last) && s.q.indexOf(last.q) === 0;
    var ord = order(), out = [], hs = words.length ? haystacks() : null;
    var source = narrowing ? current : null, n = source ? source.length : N;
    for (var j = 0; j < n; j++) {
      var i = source ? source[j] : ord ? (sortDir > 0 ? ord[j] : ord[N - 1 - j]) : j, r = rows[i];
      if (cls >= 0 && r[R_CLASS] !== cls) continue;
      if (dn >= 0 && r[R_DOC] !== dn) continue;
      if (s.u && (r[R_UNIT] < 0 || data.units[r[R_UNIT]] !== s.u)) continue;
      if (s.a && (r[R_ACTOR] < 0 || data.actors[r[R_ACTOR]] !== s.a)) continue;
      if (s.t && !has(r[R_TOPICS], data.topics, s.t)) continue;
      if (s.e && !has(r[R_ENTITIES], data.entities, s.e)) continue;
      if (s.f || s.to) { var date = docs[r[R_DOC]][D_DATE]; if (!date || (s.f && date < s.f) || (s.to && date > s.to)) continue; }
      if (hs) {
        var h = hs[i], ok = true;
        for (var w = 0; w < words.length; w++) if (h.indexOf(words[w]) < 0) { ok = false; break; }
        if (!ok) continue;
      }
      out.push(i);
    }
    current = out;
    last = s;
    page = 0;
  }
  function has(list, names, name) {
    for (var k = 0; k < list.length; k++) if (names[list[k]] === name) return true;
    return false;
  }

  var body = $('commitments').tBodies[0];
  function row(i) {
    var r = rows[i], d = docs[r[R_DOC]], tr = el('tr');
    tr.setAttribute('data-class', data.classes[r[R_CLASS]]);
    var td = el('td'); td.appendChild(el('span', data.classes[r[R_CLASS]], 'badge bg-' + data.classes[r[R_CLASS]])); tr.appendChild(td);
    tr.appendChild(el('td', data.verbs[r[R_VERB]]));
    tr.appendChild(el('td', data.sections[r[R_SECTION]]));
    td = el('td');
    if (r[R_LABEL]) { td.appendChild(el('strong', r[R_LABEL])); td.appendChild(document.createTextNode(' ')); }
    td.appendChild(document.createTextNode(r[R_TEXT]));
    tr.appendChild(td);
    tr.appendChild(el('td', r[R_UNIT] < 0 ? '' : data.units[r[R_UNIT]]));
    tr.appendChild(el('td', r[R_ACTOR] < 0 ? '' : data.actors[r[R_ACTOR]]));
    tr.appendChild(el('td', r[R_ENTITIES].map(function (e) { return data.entities[e]; }).join('; ')));
    td = el('td');
    var a = el('a', d[D_TITLE]);
    a.href = 'documents/' + encodeURIComponent(d[D_ID]) + '.html#c-' + encodeURIComponent(r[R_ID]);
    td.appendChild(a); td.appendChild(el('br')); td.appendChild(el('span', d[D_DATE], 'muted'));
    tr.appendChild(td);
    return tr;
  }
  function pages(n, size) { return Math.max(1, Math.ceil(n / size)); }
  function draw() {
    var frag = document.createDocumentFragment(), end = Math.min(current.length, (page + 1) * PAGE);
    for (var j = page * PAGE; j < end; j++) frag.appendChild(row(current[j]));
    body.textContent = '';
    body.appendChild(frag);
    $('shown').textContent = String(current.length);
    $('page').textContent = 'Page ' + (page + 1) + ' of ' + pages(current.length, PAGE);
    $('prev').disabled = page === 0;
    $('next').disabled = page + 1 >= pages(current.length, PAGE);
  }
  function apply() { filter(); draw(); }
  [search, klass, topic, unit, actor, entity, doc, from, to].forEach(function (c) { c.addEventListener('input', apply); c.addEventListener('change', apply); });
  $('prev').addEventListener('click', function () { if (page > 0) { page--; draw(); } });
  $('next').addEventListener('click', function () { if (page + 1 < pages(current.length, PAGE)) { page++; draw(); } });
  Array.prototype.forEach.call(document.querySelectorAll('#commitments th[data-sort]'), function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      sortDir = sortKey === key ? -sortDir : 1;
      sortKey = key;
      Array.prototype.forEach.call(document.querySelectorAll('#commitments th[data-sort]'), function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      apply();
    });
  });

  // Documents, a page at a time.
  var docBody = $('documents').tBodies[0], docPage = 0;
  function drawDocs() {
    var frag = document.createDocumentFragment(), end = Math.min(docs.length, (docPage + 1) * DOC_PAGE);
    for (var n = docPage * DOC_PAGE; n < end; n++) {
      var d = docs[n], tr = el('tr'), td = el('td'), a = el('a', d[D_TITLE]);
      a.href = 'documents/' + encodeURIComponent(d[D_ID]) + '.html';
      td.appendChild(a); tr.appendChild(td);
      tr.appendChild(el('td', d[D_DATE])); tr.appendChild(el('td', d[D_KIND])); tr.appendChild(el('td', d[D_COUNT]));
      td = el('td');
      d[D_CLASSES].forEach(function (count, c) { if (count) { var chip = el('span', count, 'chip bg-' + data.classes[c]); chip.title = data.classes[c]; td.appendChild(chip); } });
      tr.appendChild(td);
      frag.appendChild(tr);
    }
    docBody.textContent = '';
    docBody.appendChild(frag);
    $('documents-page').textContent = 'Page ' + (docPage + 1) + ' of ' + pages(docs.length, DOC_PAGE);
    $('documents-prev').disabled = docPage === 0;
    $('documents-next').disabled = docPage + 1 >= pages(docs.length, DOC_PAGE);
  }
  $('documents-prev').addEventListener('click', function () { if (docPage > 0) { docPage--; drawDocs(); } });
  $('documents-next').addEventListener('click', function () { if (docPage + 1 < pages(docs.length, DOC_PAGE)) { docPage++; drawDocs(); } });

  // CSV of the filtered rows.
  function cell(value) {
    var s = value === undefined || value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }
  $('export').addEventListener('click', function () {
    var lines = [['document_id', 'document_title', 'document_date', 'commitment_id', 'class', 'verb', 'unit', 'actor', 'section', 'label', 'text', 'entities', 'topics'].join(',')];
    for (var j = 0; j < current.length; j++) {
      var r = rows[current[j]], d = docs[r[R_DOC]];
      lines.push([d[D_ID], d[D_TITLE], d[D_DATE], r[R_ID], data.classes[r[R_CLASS]], data.verbs[r[R_VERB]], r[R_UNIT] < 0 ? '' : data.units[r[R_UNIT]], r[R_ACTOR] < 0 ? '' : data.actors[r[R_ACTOR]], data.sections[r[R_SECTION]], r[R_LABEL], r[R_TEXT],
        r[R_ENTITIES].map(function (e) { return data.entities[e]; }).join('; '), r[R_TOPICS].map(function (t) { return data.topics[t]; }).join('; ')].map(cell).join(','));
    }
    var url = URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
    var a = el('a');
    a.href = url;
    a.download = 'commitments.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  drawDocs();
  apply();
  document.body.setAttribute('data-ready', String(Math.round(performance.now())));
  setTimeout(haystacks, 0);
})();
`
