/*
 * gepa4j run views, shared by report.html (static, data embedded) and the run console (live).
 * Contract: GepaView.render(root, summary, options) fills `root` from a RunSummary (snake_case JSON) and can be
 * called again with a newer summary. options.detail(seq) returns a Promise of a RolloutDetail for a grid cell.
 * All text from models, prompts and the workspace goes into the page through textContent, never as markup.
 */
(function (global) {
  'use strict';

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function score(v) { return v === null || v === undefined ? 'n/a' : v.toFixed(3); }
  function signed(v) { return v === null || v === undefined ? 'n/a' : (v >= 0 ? '+' : '') + v.toFixed(3); }
  function count(v) { return (v || 0).toLocaleString('en-US'); }

  function section(root, id, title) {
    var s = root.querySelector('#' + id);
    if (!s) {
      s = el('section', { id: id, 'class': 'panel' });
      if (title) { s.appendChild(el('h2', null, title)); }
      s.appendChild(el('div', { 'class': 'body' }));
      root.appendChild(s);
    }
    var body = s.querySelector('.body');
    return body;
  }

  function renderHeadline(body, s) {
    clear(body);
    var seed = find(s, s.seed_id), best = find(s, s.best_id);
    var items = [
      ['run', s.run_id], ['task', s.task], ['status', s.status], ['stop reason', s.stop_reason || '—'],
      ['duration', s.duration_s === null ? 'n/a' : s.duration_s.toFixed(1) + ' s'],
      ['frontier coverage', s.frontier.covered + '/' + s.frontier.total],
      ['seed train / heldout', seed ? score(seed.train) + ' / ' + score(seed.heldout) : 'n/a'],
      ['best train / heldout', best ? score(best.train) + ' / ' + score(best.heldout) : 'n/a'],
      ['test lift', testText(s)],
      ['rollouts', count(s.rollouts.used) + ' used (' + count(s.rollouts.executed) + ' executed, '
        + count(s.rollouts.cached) + ' cached), ' + count(s.rollouts.errors) + ' errors, ' + count(s.rollouts.failed)
        + ' failed, ' + count(s.rollouts.retried) + ' retried'],
      ['container calls', count(s.rollouts.container_calls)],
      ['throughput', s.rollouts.per_second === null ? 'n/a' : s.rollouts.per_second.toFixed(2) + ' rollouts/s'],
      ['policy tokens', count(s.policy_usage.total_tokens) + ' ($' + s.policy_usage.cost_usd.toFixed(4) + ')'],
      ['proposer tokens', count(s.proposer_usage.total_tokens) + ' ($' + s.proposer_usage.cost_usd.toFixed(4) + ')']
    ];
    var dl = el('dl', { 'class': 'facts', 'data-testid': 'usage' });
    items.forEach(function (it) {
      var d = el('div');
      d.appendChild(el('dt', null, it[0]));
      d.appendChild(el('dd', { 'data-fact': it[0] }, it[1]));
      dl.appendChild(d);
    });
    body.appendChild(dl);
  }

  // The test split's paired lift (rows no decision read), or why there is none.
  function testText(s) {
    var t = s.test && s.test.comparison;
    if (t) {
      var p = t.p_value < 0.0001 ? 'p < 0.0001' : 'p = ' + t.p_value.toFixed(4);
      return signed(t.lift) + ' [' + signed(t.ci_low) + ', ' + signed(t.ci_high) + '], ' + p + ', ' + t.n
        + ' rows (' + t.method.replace('_', ' ') + '; seed ' + score(t.seed_mean) + ' -> best ' + score(t.best_mean)
        + ', ' + count(s.rollouts.test) + ' test rollouts apart from the budget)';
    }
    if (s.status === 'running') { return 'after the run, when it has a test split'; }
    return 'none (no test split): the heldout lift is the selection set\'s own, so it is biased upwards';
  }

  function find(s, id) {
    for (var i = 0; i < s.candidates.length; i++) { if (s.candidates[i].candidate_id === id) { return s.candidates[i]; } }
    return null;
  }

  var charts = new WeakMap();

  function renderChart(body, s) {
    var old = charts.get(body);
    if (old) { old.destroy(); }
    clear(body);
    if (s.candidates.length === 0) { body.appendChild(el('p', { 'class': 'muted' }, 'no candidates yet')); return; }
    if (typeof global.uPlot !== 'function') { body.appendChild(el('p', { 'class': 'error' }, 'uPlot did not load')); return; }
    var xs = [], cov = [], train = [], heldout = [];
    s.candidates.forEach(function (c, i) {
      xs.push(c.index);
      var covered = s.frontier.coverage_by_index[i];
      cov.push(s.frontier.total > 0 && covered !== undefined ? covered / s.frontier.total : null);
      train.push(c.train);
      heldout.push(c.heldout);
    });
    var width = Math.max(320, Math.min(body.clientWidth || 800, 1100));
    var opts = {
      width: width, height: 260,
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [{ label: 'candidate index', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }, { label: 'fraction' }],
      series: [
        { label: 'candidate' },
        { label: 'frontier coverage', stroke: '#2b6cb0', width: 2, spanGaps: true },
        { label: 'train', stroke: '#2f855a', width: 2, points: { size: 6 }, spanGaps: true },
        { label: 'heldout', stroke: '#c05621', width: 2, points: { size: 8 }, spanGaps: true }
      ]
    };
    var chart = new global.uPlot(opts, [xs, cov, train, heldout], body);
    charts.set(body, chart);
  }

  function roleClass(role) { return 'role-' + role.replace('+', '-'); }

  function renderCandidates(body, s, options) {
    clear(body);
    var table = el('table', { 'data-testid': 'candidates', 'class': 'candidates' });
    var scroller = el('div', { 'class': 'grid-wrap' });
    var head = el('tr');
    ['#', 'candidate', 'role', 'origin', 'parents', 'changed fields', 'minibatch', 'train', 'heldout',
      'lift vs seed: train', 'heldout', 'new seeds', 'wins'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
    var tbody = el('tbody');
    s.candidates.forEach(function (c) {
      var tr = el('tr', { 'data-candidate': c.candidate_id, 'class': roleClass(c.role), tabindex: '0',
        title: 'show this candidate\'s prompt' });
      tr.addEventListener('click', function () { showPrompt(options, c.candidate_id); });
      [c.index, c.candidate_id, c.role, c.origin, c.parents.join(', ') || '—',
        (c.changed_fields || []).join(', ') || '—', score(c.mini), score(c.train), score(c.heldout),
        signed(c.lift_train), signed(c.lift_heldout), c.new_seeds, c.wins]
        .forEach(function (v, i) {
          tr.appendChild(el('td', i >= 6 ? { 'class': 'num' } : i === 5 ? { 'data-testid': 'changed-fields' } : null, v));
        });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    scroller.appendChild(table);
    body.appendChild(scroller);
  }

  var KIND_TEXT = { 'new': 'new frontier seed', win: 'already-covered win', miss: 'miss' };

  function renderGrid(body, s, options) {
    var selected = body.getAttribute('data-selected');
    clear(body);
    var g = s.grid;
    if (g.rows.length === 0 || g.example_ids.length === 0) {
      body.appendChild(el('p', { 'class': 'muted' }, 'no train rollouts yet'));
      return;
    }
    var legend = el('p', { 'class': 'legend' });
    [['new', KIND_TEXT['new']], ['win', KIND_TEXT.win], ['miss', KIND_TEXT.miss], ['unmeasured', 'not run']]
      .forEach(function (k) {
        legend.appendChild(el('span', { 'class': 'swatch kind-' + k[0] }));
        legend.appendChild(el('span', null, k[1]));
      });
    body.appendChild(legend);
    var wrap = el('div', { 'class': 'grid-wrap' });
    var table = el('table', { 'class': 'frontier-grid', 'data-testid': 'frontier-grid' });
    var head = el('tr');
    head.appendChild(el('th', { 'class': 'rowhead' }, 'candidate \\ train seed'));
    g.example_ids.forEach(function (id, i) { head.appendChild(el('th', { title: id, 'class': 'colhead' }, i)); });
    table.appendChild(head);
    g.rows.forEach(function (row) {
      var c = find(s, row.candidate_id);
      var tr = el('tr');
      tr.appendChild(el('th', { 'class': 'rowhead', title: row.candidate_id },
        '#' + row.index + ' ' + (c ? c.role : '')));
      row.cells.forEach(function (cell) {
        if (cell.kind === 'UNMEASURED') {
          tr.appendChild(el('td', { 'class': 'cell kind-unmeasured', 'data-testid': 'frontier-gap' }));
          return;
        }
        var kind = cell.kind.toLowerCase();
        var td = el('td', {
          'class': 'cell kind-' + kind, 'data-testid': 'frontier-cell', 'data-kind': kind,
          'data-seq': String(cell.rollout_seq), 'data-candidate': row.candidate_id, 'data-example': cell.example_id,
          title: '#' + row.index + ' on ' + cell.example_id + ': ' + KIND_TEXT[kind] + ', reward ' + score(cell.reward),
          tabindex: '0'
        });
        if (String(cell.rollout_seq) === selected) { td.classList.add('selected'); }
        td.addEventListener('click', function () {
          body.setAttribute('data-selected', String(cell.rollout_seq));
          Array.prototype.forEach.call(table.querySelectorAll('.selected'), function (n) { n.classList.remove('selected'); });
          td.classList.add('selected');
          showDetail(options, cell.rollout_seq);
        });
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    wrap.appendChild(table);
    body.appendChild(wrap);
  }

  function showDetail(options, seq) {
    var box = document.getElementById('cell-detail');
    if (!box) { return; }
    clear(box);
    box.appendChild(el('p', { 'class': 'muted' }, 'loading rollout ' + seq + '…'));
    Promise.resolve(options.detail(seq)).then(function (d) {
      clear(box);
      if (!d) { box.appendChild(el('p', { 'class': 'error' }, 'rollout ' + seq + ' is not available')); return; }
      box.appendChild(el('h3', null, 'rollout ' + d.seq + ': ' + d.candidate_id + ' on ' + d.example_id));
      var facts = el('dl', { 'class': 'facts' });
      [['split', d.split], ['stage', d.stage], ['status', d.status], ['reward', score(d.reward)],
        ['cached', d.cached ? 'yes' : 'no'], ['attempts', d.attempts], ['latency', d.latency_ms + ' ms']]
        .forEach(function (it) {
          var w = el('div'); w.appendChild(el('dt', null, it[0])); w.appendChild(el('dd', null, it[1])); facts.appendChild(w);
        });
      box.appendChild(facts);
      box.appendChild(el('h4', null, 'model output'));
      box.appendChild(el('pre', { 'data-testid': 'detail-output' }, d.output || '(empty)'));
      box.appendChild(el('h4', null, 'verifier'));
      var v = d.verifier || {};
      var byModule = v.feedback_by_module || {};
      box.appendChild(el('pre', { 'data-testid': 'detail-verifier' },
        'passed: ' + (v.passed === null || v.passed === undefined ? 'n/a' : v.passed)
        + '\nscore: ' + (v.score === null || v.score === undefined ? 'n/a' : v.score)
        + '\nfeedback: ' + (v.feedback || '(none)')
        + Object.keys(byModule).sort().map(function (f) { return '\nfeedback for ' + f + ': ' + byModule[f]; }).join('')));
      if (d.error) { box.appendChild(el('h4', null, 'error')); box.appendChild(el('pre', null, d.error)); }
      if (d.stages && d.stages.length) { renderStages(box, d.stages); }
      var more = el('details'); more.appendChild(el('summary', null, d.stages && d.stages.length ? 'raw trace' : 'trace'));
      more.appendChild(el('pre', null, d.trace)); box.appendChild(more);
    }, function (err) {
      clear(box);
      box.appendChild(el('p', { 'class': 'error' }, 'could not load rollout ' + seq + ': ' + err));
    });
  }

  // The trace as stages: runs of consecutive steps shaped by one candidate field (module_id), or untagged.
  function renderStages(box, stages) {
    box.appendChild(el('h4', null, 'trace by stage'));
    var wrap = el('div', { 'data-testid': 'trace-stages', 'class': 'stages' });
    stages.forEach(function (stage) {
      var div = el('div', { 'class': 'stage' + (stage.module_id ? '' : ' untagged'), 'data-testid': 'trace-stage',
        'data-module': stage.module_id || '' });
      div.appendChild(el('h5', null, stage.module_id ? 'field: ' + stage.module_id : 'untagged steps'));
      var list = el('ol', { 'class': 'steps' });
      stage.steps.forEach(function (step) {
        var li = el('li', { 'data-testid': 'trace-step', 'data-type': step.type });
        li.appendChild(el('span', { 'class': 'stype' }, step.type));
        li.appendChild(el('span', { 'class': 'stext' }, step.text));
        list.appendChild(li);
      });
      div.appendChild(list);
      wrap.appendChild(div);
    });
    box.appendChild(wrap);
  }

  function showPrompt(options, id) {
    var box = document.getElementById('candidate-prompt');
    if (!box) { return; }
    clear(box);
    Promise.resolve(options.prompt(id)).then(function (p) {
      clear(box);
      if (!p) { box.appendChild(el('p', { 'class': 'error' }, 'candidate ' + id + ' is not available')); return; }
      box.appendChild(el('h3', null, '#' + p.index + ' ' + p.candidate_id + ' (' + p.origin + ')'));
      box.appendChild(el('p', { 'class': 'muted' }, 'parents: ' + (p.parents.join(', ') || 'none')));
      Object.keys(p.components).sort().forEach(function (f) {
        box.appendChild(el('h4', null, f));
        box.appendChild(el('pre', { 'data-testid': 'prompt-text', 'data-field': f }, p.components[f]));
        if (p.diffs[f]) {
          box.appendChild(el('h4', null, f + ': diff against the parent'));
          var pre = el('pre', { 'class': 'diff' }); renderDiff(pre, p.diffs[f]); box.appendChild(pre);
        }
      });
    }, function (err) {
      clear(box);
      box.appendChild(el('p', { 'class': 'error' }, 'could not load candidate ' + id + ': ' + err));
    });
  }

  function renderDiff(pre, text) {
    clear(pre);
    if (!text) { pre.appendChild(el('span', { 'class': 'muted' }, 'the best candidate is the seed')); return; }
    text.split('\n').forEach(function (line) {
      var cls = line.indexOf('+++') === 0 || line.indexOf('---') === 0 ? 'd-file'
        : line[0] === '+' ? 'd-add' : line[0] === '-' ? 'd-del' : line.indexOf('@@') === 0 ? 'd-hunk' : 'd-ctx';
      pre.appendChild(el('span', { 'class': cls }, line + '\n'));
    });
  }

  function renderBest(body, s) {
    clear(body);
    var fields = Object.keys(s.best_components).sort();
    if (fields.length === 0) { body.appendChild(el('p', { 'class': 'muted' }, 'no best candidate yet')); return; }
    body.appendChild(el('p', null, 'best: ' + s.best_id + (s.best_id === s.seed_id ? ' (the seed)' : '')));
    fields.forEach(function (f) {
      body.appendChild(el('h3', null, f));
      body.appendChild(el('pre', { 'data-testid': 'best-prompt', 'data-field': f }, s.best_components[f]));
    });
    body.appendChild(el('h3', null, 'diff against the seed, per field'));
    var diffs = el('div', { 'data-testid': 'best-diff' });
    var changed = Object.keys(s.best_diffs || {}).sort();
    if (changed.length === 0) {
      var same = el('pre', { 'class': 'diff' }); renderDiff(same, ''); diffs.appendChild(same);
    }
    changed.forEach(function (f) {
      diffs.appendChild(el('h4', null, f));
      var pre = el('pre', { 'class': 'diff', 'data-testid': 'best-diff-field', 'data-field': f });
      renderDiff(pre, s.best_diffs[f]);
      diffs.appendChild(pre);
    });
    body.appendChild(diffs);
  }

  function render(root, s, options) {
    renderHeadline(section(root, 'headline', 'Run'), s);
    renderChart(section(root, 'chart', 'Frontier coverage and scores by candidate index'), s);
    renderCandidates(section(root, 'candidates-panel', 'Candidates (click a row for its prompt)'), s, options);
    var promptBody = section(root, 'prompt', 'Candidate prompt');
    if (!promptBody.querySelector('#candidate-prompt')) {
      promptBody.appendChild(el('div', { id: 'candidate-prompt', 'data-testid': 'candidate-prompt' },
        'click a candidate to see its prompt and its diff against its parent'));
    }
    var gridBody = section(root, 'grid', 'Pareto frontier coverage (candidates × train seeds)');
    renderGrid(gridBody, s, options);
    var detailBody = section(root, 'detail', 'Selected rollout');
    if (!detailBody.querySelector('#cell-detail')) {
      detailBody.appendChild(el('div', { id: 'cell-detail', 'data-testid': 'cell-detail' },
        'click a grid cell to see its model output and verifier result'));
    }
    renderBest(section(root, 'best', 'Best prompt'), s);
  }

  function renderEvents(list, events, limit) {
    events.forEach(function (e) {
      var li = el('li', { 'data-type': e.type, 'data-seq': String(e.seq) });
      li.appendChild(el('time', null, (e.at || '').replace('T', ' ').replace(/\.\d+Z$/, 'Z')));
      li.appendChild(el('span', { 'class': 'etype' }, e.type));
      li.appendChild(el('span', { 'class': 'emsg' }, e.message));
      list.insertBefore(li, list.firstChild);
    });
    while (limit && list.children.length > limit) { list.removeChild(list.lastChild); }
  }

  global.GepaView = { render: render, renderEvents: renderEvents, el: el, clear: clear, score: score };
})(window);
