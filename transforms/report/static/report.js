/* Dateline report: draws the overview and the document views from the inlined data.
 * Every value from the warehouse reaches the page through textContent, DOM properties or
 * Vega's own text marks: no HTML is ever parsed from data, and links are http(s) only. */
(function () {
  'use strict';

  performance.mark('dateline-start');
  const DATA = JSON.parse(document.getElementById('dateline-data').textContent);
  const META = new Map(DATA.documents.map((d) => [d.doc_id, d]));
  const MAX_LIST = 300;
  let DETAILS = null; // the documents' texts, parsed when a document view is first opened

  function details() {
    if (!DETAILS) {
      const raw = JSON.parse(document.getElementById('dateline-docs').textContent);
      DETAILS = { fields: raw.fields, docs: new Map(Object.entries(raw.docs)) };
    }
    return DETAILS;
  }

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null) continue;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) node.append(child); // strings become text nodes
    }
    return node;
  }

  function safeHref(url) {
    if (typeof url !== 'string') return null;
    try {
      const parsed = new URL(url);
      return (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function docHref(docId) {
    return '#doc/' + encodeURIComponent(docId);
  }

  function fmt(value) {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'number') return value.toLocaleString('en-US');
    return String(value);
  }

  function zip(fields, row) {
    const out = {};
    fields.forEach((f, i) => { out[f] = row[i]; });
    return out;
  }

  // ------------------------------------------------------------------ charts

  function draw(container, vlSpec) {
    const spec = vegaLite.compile(vlSpec).spec;
    const view = new vega.View(vega.parse(spec), {
      renderer: 'svg', container: container, hover: true, logLevel: vega.Warn,
    });
    return view.runAsync().then(() => {
      container.dataset.drawn = 'true';
      return view;
    });
  }

  function chartBlock(chart) {
    const target = el('div', { className: 'chart', dataset: { chart: chart.id } });
    const figure = el('figure', { className: 'chart-block', id: 'chart-' + chart.id }, [
      el('h3', { text: chart.title }), target, el('figcaption', { text: chart.caption }),
    ]);
    return { figure, target, spec: chart.spec };
  }

  // ------------------------------------------------------------------ tables

  /* columns: [{key, label, numeric}]; rows: objects. Clicking a header sorts by it. */
  function sortableTable(columns, rows, options) {
    const opts = options || {};
    const table = el('table', { className: 'data' });
    const tbody = el('tbody');
    const note = opts.limit ? el('p', { className: 'muted' }) : null;
    let sortKey = opts.sortKey || null;
    let sortDir = opts.sortDir || -1;
    const headRow = el('tr');
    columns.forEach((col) => {
      const button = el('button', { type: 'button', text: col.label, title: 'sort by ' + col.label });
      const th = el('th', { className: col.numeric ? 'num' : '', scope: 'col', dataset: { key: col.key } }, [button]);
      button.addEventListener('click', () => {
        sortDir = sortKey === col.key ? -sortDir : (col.numeric ? -1 : 1);
        sortKey = col.key;
        render();
      });
      headRow.append(th);
    });
    table.append(el('thead', {}, [headRow]), tbody);

    function render() {
      const sorted = rows.slice();
      if (sortKey) {
        sorted.sort((a, b) => {
          const x = a[sortKey];
          const y = b[sortKey];
          if (x === y) return 0;
          if (x === null || x === undefined) return 1;
          if (y === null || y === undefined) return -1;
          return (x < y ? -1 : 1) * sortDir;
        });
      }
      headRow.querySelectorAll('th').forEach((th) => {
        th.setAttribute('aria-sort', th.dataset.key === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
      });
      const frag = document.createDocumentFragment();
      const shown = sorted.slice(0, opts.limit || sorted.length);
      if (note) {
        note.textContent = shown.length < sorted.length
          ? 'Showing the first ' + shown.length.toLocaleString('en-US') + ' of ' + sorted.length.toLocaleString('en-US') +
            ' rows in this order (click a column to sort).' : '';
      }
      shown.forEach((row) => {
        const tr = el('tr');
        columns.forEach((col) => {
          const cell = col.render ? col.render(row) : fmt(row[col.key]);
          tr.append(el('td', { className: col.numeric ? 'num' : '' }, [cell]));
        });
        frag.append(tr);
      });
      tbody.replaceChildren(frag);
    }
    render();
    return note ? el('div', {}, [note, table]) : table;
  }

  // ------------------------------------------------------------------ overview

  function summaryCards(meta) {
    const items = [
      ['documents', meta.documents], ['events', meta.events], ['asserted events', meta.asserted_events],
      ['time expressions', meta.time_expressions], ['events with a place', meta.located_events],
      ['quarantined items', meta.quarantined],
    ];
    return el('div', { className: 'cards' }, items.map(([label, n]) =>
      el('div', { className: 'card' }, [el('strong', { text: fmt(n) }), el('span', { text: label })])));
  }

  function dyadTable(rows) {
    return sortableTable([
      { key: 'source_country', label: 'source' }, { key: 'target_country', label: 'target' },
      { key: 'event_type', label: 'type' }, { key: 'events', label: 'events', numeric: true },
      { key: 'asserted_events', label: 'asserted', numeric: true },
      { key: 'mean_intensity', label: 'mean intensity', numeric: true },
      { key: 'first_date', label: 'first date' }, { key: 'last_date', label: 'last date' },
    ], rows, { sortKey: 'events', sortDir: -1, limit: MAX_LIST });
  }

  function runsTable(runs) {
    return sortableTable([
      { key: 'started_at', label: 'started' }, { key: 'seconds', label: 'seconds', numeric: true },
      { key: 'items_seen', label: 'items', numeric: true }, { key: 'documents_new', label: 'new', numeric: true },
      { key: 'documents_changed', label: 'changed', numeric: true },
      { key: 'documents_unchanged', label: 'unchanged', numeric: true },
      { key: 'quarantined', label: 'quarantined', numeric: true },
      { key: 'events_written', label: 'events written', numeric: true },
      { key: 'checks_passed', label: 'checks passed', numeric: true },
      { key: 'checks_failed', label: 'checks failed', numeric: true }, { key: 'status', label: 'status' },
    ], runs, { sortKey: 'started_at', sortDir: -1 });
  }

  function checksBlock(checks) {
    const failed = checks.failed;
    const head = el('p', {
      className: failed.length ? 'bad' : 'good',
      text: 'Checks of the warehouse as it is now: ' + checks.passed + ' passed, ' + failed.length + ' failed.',
    });
    const list = el('ul', {}, failed.map((c) => el('li', { text: c.table + '.' + c.check + ': ' + fmt(c.rows) + ' rows' })));
    return el('div', { className: 'checks' }, [head, list]);
  }

  function documentList(docs) {
    const input = el('input', { type: 'search', id: 'doc-search', placeholder: 'Search titles, sources, URLs, ids…',
      'aria-label': 'search documents' });
    const count = el('p', { className: 'muted', id: 'doc-count' });
    const tbody = el('tbody');
    const table = el('table', { className: 'data', id: 'doc-table' }, [
      el('thead', {}, [el('tr', {}, ['published', 'title', 'source', 'language', 'events', 'time expr.']
        .map((h) => el('th', { scope: 'col', text: h })))]), tbody]);
    const haystack = docs.map((d) => [d.title, d.opening, d.source, d.url, d.doc_id].filter(Boolean).join(' ').toLowerCase());

    function render() {
      const q = input.value.trim().toLowerCase();
      const frag = document.createDocumentFragment();
      let shown = 0;
      let matched = 0;
      docs.forEach((d, i) => {
        if (q && !haystack[i].includes(q)) return;
        matched += 1;
        if (shown >= MAX_LIST) return;
        shown += 1;
        const link = el('a', { href: docHref(d.doc_id), className: 'doc-link', text: docTitle(d) });
        frag.append(el('tr', {}, [
          el('td', { text: fmt(d.published_date) }), el('td', {}, [link]), el('td', { text: fmt(d.source) }),
          el('td', { text: fmt(d.language) }), el('td', { className: 'num', text: fmt(d.events) }),
          el('td', { className: 'num', text: fmt(d.time_expressions) }),
        ]));
      });
      tbody.replaceChildren(frag);
      count.textContent = 'Showing ' + shown.toLocaleString('en-US') + ' of ' + matched.toLocaleString('en-US') +
        ' matching documents' + (matched > shown ? ' (type to narrow the list).' : '.');
    }
    input.addEventListener('input', render);
    render();
    return el('div', {}, [input, count, table]);
  }

  function docTitle(meta) {
    return meta.title || (meta.opening ? '(no title) ' + meta.opening.replace(/\s+/g, ' ').trim() + '…' : '(no title)');
  }

  function section(id, title, children) {
    return el('section', { id: id, className: 'panel' }, [el('h2', { text: title })].concat(children));
  }

  function buildOverview() {
    const root = document.getElementById('overview');
    const meta = DATA.meta;
    const blocks = new Map(DATA.charts.map((c) => [c.id, chartBlock(c)]));
    const fig = (id) => (blocks.has(id) ? blocks.get(id).figure : null);
    const none = (id, text) => (blocks.has(id) ? null : el('p', { className: 'muted', text: text }));
    root.replaceChildren(
      el('header', { className: 'top' }, [
        el('h1', { text: 'Dateline report' }),
        el('p', { className: 'muted', text: 'Scope: ' + meta.scope + ' · generated ' + meta.generated_at +
          ' · warehouse ' + meta.warehouse }),
        summaryCards(meta),
        el('nav', {}, [['#time', 'Over time'], ['#dyads', 'Dyads'], ['#where', 'Map'], ['#quality', 'Quality'],
          ['#documents', 'Documents']].map(([href, label]) => el('a', { href: href, text: label }))),
      ]),
      section('time', 'Over time', [fig('events-over-time'), none('events-over-time', 'No dated event to draw.'),
        fig('intensity'), none('intensity', 'No asserted event between two countries to draw a conflict–cooperation line.')]),
      section('dyads', 'Dyads', [fig('top-dyads'), none('top-dyads', 'No event with a source and a target country.'),
        el('h3', { text: 'Every dyad (click a column to sort)' }), dyadTable(DATA.dyads)]),
      section('where', 'Map', [fig('map')]),
      section('quality', 'Quality at a glance', [
        el('div', { className: 'grid' }, [fig('languages'), fig('published-sources'), fig('quarantine'),
          none('quarantine', 'No input item was quarantined.')]),
        el('h3', { text: 'Last runs' }), runsTable(DATA.quality.runs), checksBlock(DATA.quality.checks),
      ]),
      section('documents', 'Documents', [documentList(DATA.documents)]),
    );
    return Promise.all(Array.from(blocks.values()).map((b) => draw(b.target, b.spec)));
  }

  // ------------------------------------------------------------------ document view

  function timexTitle(t) {
    const lines = [t.type + ' ' + t.value + (t.mod ? ' (mod ' + t.mod + ')' : '')];
    if (t.date_start) lines.push('interval ' + interval(t.date_start, t.date_end));
    lines.push('anchor: ' + (t.anchor || 'none (absolute)'));
    if (t.rule) lines.push('rule: ' + t.rule);
    return lines.join('\n');
  }

  function eventLine(e, i) {
    return '#' + (i + 1) + ' ' + e.event_type + (e.mode ? ' (' + e.mode + ')' : '') + ', ' + e.status +
      ': ' + (e.sources.join(', ') || '?') + ' → ' + (e.targets.join(', ') || '?') + ', ' +
      (e.date_value || e.date_start) + ' [' + interval(e.date_start, e.date_end) + ']';
  }

  /* Marks: events' triggers, sources and targets inside the (non-overlapping) time expressions. */
  function markedText(text, timexes, events) {
    const marks = [];
    events.forEach((e, i) => {
      marks.push({ start: e.start, end: e.end, kind: 'trigger', ev: i });
      e.source_spans.forEach(([s, t]) => marks.push({ start: s, end: t, kind: 'source', ev: i }));
      e.target_spans.forEach(([s, t]) => marks.push({ start: s, end: t, kind: 'target', ev: i }));
    });
    const cuts = new Set([0, text.length]);
    timexes.forEach((t) => { cuts.add(t.start); cuts.add(t.end); });
    marks.forEach((m) => { cuts.add(m.start); cuts.add(m.end); });
    const points = Array.from(cuts).filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const out = el('div', { id: 'doc-text', className: 'doc-text' });
    let ti = 0;
    let holder = out;
    let holderTimex = -1;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      while (ti < timexes.length && timexes[ti].end <= a) ti += 1;
      const inTimex = ti < timexes.length && timexes[ti].start <= a && b <= timexes[ti].end ? ti : -1;
      if (inTimex !== holderTimex) {
        holderTimex = inTimex;
        if (inTimex < 0) holder = out;
        else {
          const t = timexes[inTimex];
          holder = el('span', { className: 'timex', tabindex: '0', title: t.text + ' → ' + timexTitle(t),
            dataset: { timex: String(inTimex), value: t.value } });
          out.append(holder);
        }
      }
      const active = marks.filter((m) => m.start <= a && b <= m.end);
      const piece = text.slice(a, b);
      if (!active.length) {
        holder.append(piece);
        continue;
      }
      const kinds = Array.from(new Set(active.map((m) => m.kind)));
      const evs = Array.from(new Set(active.map((m) => m.ev)));
      holder.append(el('span', {
        className: kinds.map((kd) => 'mark-' + kd).join(' '),
        title: evs.map((i) => kinds.join('/') + ' of ' + eventLine(events[i], i)).join('\n'),
        dataset: { events: evs.join(' ') },
      }, [piece]));
    }
    return out;
  }

  function detailPanel() {
    const panel = el('aside', { id: 'doc-detail', className: 'detail' }, [
      el('p', { className: 'muted', text: 'Point at a highlighted time expression or event to see how it was read.' })]);
    return panel;
  }

  const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

  /* Why a value came out as it did: what the expression was resolved against. */
  function anchorText(t, doc, meta) {
    if (!t.anchor) return 'nothing: the expression is absolute';
    if (t.anchor === 'publication_date') {
      return 'the publication date, ' + meta.published_date + ' (a ' +
        WEEKDAYS[new Date(meta.published_date + 'T00:00:00Z').getUTCDay()] + ')';
    }
    const m = /^expression:(\d+)$/.exec(t.anchor);
    const prior = m ? doc.timexes.find((x) => x.start === Number(m[1])) : null;
    return prior ? 'the earlier expression “' + prior.text + '” (' + prior.value + ')' : t.anchor;
  }

  function showDetail(panel, doc, target) {
    const rows = [];
    const tx = target.closest('[data-timex]');
    const ev = target.closest('[data-events]');
    if (tx) {
      const t = doc.timexes[Number(tx.dataset.timex)];
      rows.push(el('h4', { text: 'Time expression “' + t.text + '”' }),
        el('dl', {}, [['type', t.type], ['value', t.value], ['mod', t.mod], ['interval', t.date_start ? interval(t.date_start, t.date_end) : null], ['resolved against', anchorText(t, doc, doc.meta)], ['rule', t.rule]]
          .flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: fmt(v) })])));
    }
    if (ev) {
      ev.dataset.events.split(' ').forEach((i) => {
        const e = doc.events[Number(i)];
        rows.push(el('h4', { text: 'Event #' + (Number(i) + 1) + ': ' + e.event_type }),
          el('dl', {}, [['trigger', e.trigger], ['mode', e.mode], ['status', e.status], ['source', e.sources.join(', ')],
            ['target', e.targets.join(', ')], ['place', e.place], ['date', e.date_value], ['interval', interval(e.date_start, e.date_end)], ['date from', e.date_source], ['intensity', e.intensity], ['reported by', e.reported_by]]
            .flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: fmt(v) })])));
      });
    }
    if (rows.length) panel.replaceChildren(...rows);
  }

  function addDays(iso, n) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  /* Days shown first: the events within FOCUS_DAYS of the publication date when some lie
   * outside it (history a text recalls would squeeze the rest); drag or scroll to see them. */
  const FOCUS_DAYS = 45;

  function dayMs(iso) {
    return Date.parse(iso + 'T00:00:00Z');
  }

  function timelineFocus(events, published) {
    const pub = dayMs(published);
    const near = events.filter((e) => Math.abs(dayMs(e.date_start) - pub) <= FOCUS_DAYS * 864e5);
    if (!near.length || near.length === events.length) return null;
    const lo = Math.min(pub, ...near.map((e) => dayMs(e.date_start))) - 864e5;
    const hi = Math.max(pub, ...near.map((e) => dayMs(e.date_end))) + 2 * 864e5;
    return { domain: [lo, hi], outside: events.length - near.length };
  }

  function timelineSpec(events, published, focus) {
    const values = events.map((e, i) => ({
      label: '#' + (i + 1) + ' ' + e.event_type + ' · ' + e.trigger, start: e.date_start, end: addDays(e.date_end, 1),
      status: e.status, value: e.date_value || e.date_start, interval: interval(e.date_start, e.date_end),
      sources: e.sources.join(', '), targets: e.targets.join(', '),
    }));
    const colors = DATA.status_colors;
    const x = { field: 'start', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { labelOverlap: true } };
    if (focus) x.scale.domain = focus.domain;
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 640, height: { step: 18 },
      config: { view: { stroke: null } },
      layer: [
        {
          data: { values: values },
          params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' }],
          mark: { type: 'bar', tooltip: true, cornerRadius: 2, minBandSize: 3, clip: true },
          encoding: {
            y: { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 260 } },
            x: x,
            x2: { field: 'end' },
            color: { field: 'status', type: 'nominal', scale: { domain: Object.keys(colors), range: Object.values(colors) } },
            tooltip: [{ field: 'label', title: 'event' }, { field: 'value', title: 'date' }, { field: 'interval' },
              { field: 'status' }, { field: 'sources', title: 'source' }, { field: 'targets', title: 'target' }],
          },
        },
        {
          data: { values: [{ day: published, what: 'published ' + published }] },
          mark: { type: 'rule', color: '#b91c1c', strokeDash: [4, 3], tooltip: true, clip: true },
          encoding: { x: { field: 'day', type: 'temporal' }, tooltip: [{ field: 'what', title: 'publication' }] },
        },
      ],
    };
  }

  function interval(start, end) {
    return start === end ? start : start + ' to ' + end;
  }

  function eventTable(doc) {
    return sortableTable([
      { key: 'n', label: '#', numeric: true }, { key: 'trigger', label: 'trigger' }, { key: 'event_type', label: 'type' },
      { key: 'mode', label: 'mode' }, { key: 'status', label: 'status' }, { key: 'source', label: 'source' },
      { key: 'target', label: 'target' }, { key: 'place', label: 'place' }, { key: 'date_value', label: 'date' },
      { key: 'interval', label: 'interval' }, { key: 'date_source', label: 'from' },
      { key: 'intensity', label: 'intensity', numeric: true },
    ], doc.events.map((e, i) => Object.assign({}, e, {
      n: i + 1, source: e.sources.join(', '), target: e.targets.join(', '), interval: interval(e.date_start, e.date_end),
    })), { sortKey: 'n', sortDir: 1 });
  }

  function showDocument(docId) {
    const view = document.getElementById('docview');
    const { fields, docs } = details();
    const raw = docs.get(docId);
    const meta = META.get(docId);
    if (!raw || !meta) {
      view.replaceChildren(el('p', { text: 'No document ' + docId + ' in this report.' }),
        el('a', { href: '#', text: '← back to the report' }));
      return Promise.resolve();
    }
    const doc = {
      meta: meta,
      text: raw.text,
      timexes: raw.timexes.map((r) => Object.assign(zip(fields.timex, r), { text: raw.text.slice(r[0], r[1]) })),
      events: raw.events.map((r) => zip(fields.event, r)),
    };
    const url = safeHref(meta.url);
    const focus = timelineFocus(doc.events, meta.published_date);
    const panel = detailPanel();
    const text = markedText(doc.text, doc.timexes, doc.events);
    text.addEventListener('mouseover', (ev) => showDetail(panel, doc, ev.target));
    text.addEventListener('focusin', (ev) => showDetail(panel, doc, ev.target));
    const chartTarget = el('div', { className: 'chart', dataset: { chart: 'doc-timeline' } });
    const legend = el('p', { className: 'legend' }, [
      el('span', { className: 'timex', text: 'time expression' }), ' ', el('span', { className: 'mark-trigger', text: 'event trigger' }),
      ' ', el('span', { className: 'mark-source', text: 'source actor' }), ' ', el('span', { className: 'mark-target', text: 'target actor' }),
    ]);
    view.replaceChildren(
      el('a', { href: '#documents', className: 'back', text: '← back to the report' }),
      el('h1', { id: 'doc-title', text: docTitle(meta) }),
      el('p', { className: 'muted', id: 'doc-meta' }, [
        'published ' + meta.published_date + ' (from ' + meta.published_source + ') · ' + fmt(meta.source) + ' · ' +
        fmt(meta.language) + ' · ' + meta.doc_id + ' · ',
        url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: 'original article' })
          : (meta.url ? 'URL not shown (not http or https): ' + meta.url : 'no URL'),
      ]),
      legend,
      el('div', { className: 'doc-layout' }, [text, panel]),
      el('h2', { text: 'Timeline of the events' }),
      el('p', { className: 'muted', text: 'Each event on the interval its date denotes (a bar per day, week or month); ' +
        'the dashed line is the publication date, the anchor of relative expressions like “on Friday”. ' +
        (focus ? 'Shown: the ' + (doc.events.length - focus.outside) + ' events within ' + FOCUS_DAYS +
          ' days of publication; ' + focus.outside + ' more lie further away (drag or scroll the chart to see them).'
          : 'Drag or scroll the chart to move and zoom.') }),
      doc.events.length ? chartTarget : el('p', { text: 'No event was coded in this document.' }),
      el('h2', { text: 'Events' }), eventTable(doc),
    );
    window.scrollTo(0, 0);
    return doc.events.length ? draw(chartTarget, timelineSpec(doc.events, meta.published_date, focus)) : Promise.resolve();
  }

  // ------------------------------------------------------------------ routing

  function route() {
    const hash = window.location.hash;
    const overview = document.getElementById('overview');
    const view = document.getElementById('docview');
    if (hash.startsWith('#doc/')) {
      const docId = decodeURIComponent(hash.slice(5));
      overview.hidden = true;
      view.hidden = false;
      document.documentElement.dataset.docview = 'drawing';
      return showDocument(docId).then(() => { document.documentElement.dataset.docview = docId; });
    }
    view.hidden = true;
    overview.hidden = false;
    const anchor = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (anchor) anchor.scrollIntoView();
    return Promise.resolve();
  }

  function fail(err) {
    document.documentElement.dataset.state = 'error';
    console.error('Dateline report:', err);
  }

  document.documentElement.dataset.state = 'drawing';
  buildOverview()
    .then(() => {
      performance.mark('dateline-drawn');
      document.documentElement.dataset.state = 'ready';
    })
    .catch(fail);
  window.addEventListener('hashchange', () => { route().catch(fail); });
  route().catch(fail);
})();
