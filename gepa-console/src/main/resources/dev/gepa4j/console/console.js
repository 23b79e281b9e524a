/*
 * The live console page: lists the workspace's runs, follows the selected one (#run=<id>, else the newest) over
 * server-sent events, and re-renders the shared views (GepaView) on every summary message.
 * Text from the workspace is only ever set with textContent.
 */
(function () {
  'use strict';
  var V = GepaView;
  var source = null, runId = null, lastEventSeq = 0, liveRollouts = 0, recent = [];

  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ' answered ' + r.status); }
      return r.json();
    });
  }

  function api(path) { return '/api/runs/' + encodeURIComponent(runId) + path; }

  function renderRuns(runs) {
    var list = document.getElementById('runs');
    V.clear(list);
    runs.slice().reverse().forEach(function (r) {
      var li = V.el('li');
      var a = V.el('a', { href: '#run=' + encodeURIComponent(r.run_id), 'data-run': r.run_id,
        'class': r.run_id === runId ? 'active' : '' });
      a.appendChild(V.el('strong', null, r.run_id));
      a.appendChild(V.el('div', { 'class': 'muted' }, r.status + ' · best train ' + V.score(r.best_train)
        + ' · heldout ' + V.score(r.best_heldout) + ' · ' + r.rollouts + ' rollouts · frontier ' + r.coverage));
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function refreshRuns() { return getJson('/api/runs').then(function (runs) { renderRuns(runs); return runs; }); }

  function setLive(on, text) {
    var live = document.getElementById('live');
    live.textContent = text;
    live.className = on ? 'live' : 'live off';
  }

  function onEvents(events) {
    var fresh = events.filter(function (e) { return e.seq > lastEventSeq; });
    if (fresh.length === 0) { return; }
    lastEventSeq = fresh[fresh.length - 1].seq;
    V.renderEvents(document.getElementById('events'), fresh, 400);
    if (fresh.some(function (e) { return /^run\.|accepted|rejected/.test(e.type); })) { refreshRuns(); }
  }

  function onRollouts(ticks) {
    var now = Date.now();
    liveRollouts += ticks.length;
    ticks.forEach(function () { recent.push(now); });
    document.getElementById('live-rollouts').textContent = String(liveRollouts);
  }

  function updateRate() {
    var cutoff = Date.now() - 10000;
    recent = recent.filter(function (t) { return t >= cutoff; });
    document.getElementById('live-rate').textContent = (recent.length / 10).toFixed(1);
  }

  function onSummary(summary) {
    var placeholder = document.getElementById('placeholder');
    if (placeholder) { placeholder.parentNode.removeChild(placeholder); }
    document.getElementById('run-title').textContent = summary.run_id + ' · ' + summary.status;
    V.render(document.getElementById('views'), summary, {
      detail: function (seq) { return getJson(api('/rollouts/' + seq)); },
      prompt: function (id) { return getJson(api('/candidates/' + encodeURIComponent(id))); }
    });
  }

  function follow(id) {
    if (source) { source.close(); }
    runId = id; lastEventSeq = 0; liveRollouts = 0; recent = [];
    V.clear(document.getElementById('events'));
    V.clear(document.getElementById('views'));
    refreshRuns();
    source = new EventSource(api('/live'));
    source.addEventListener('open', function () { setLive(true, 'live'); });
    source.addEventListener('error', function () { setLive(false, 'reconnecting'); });
    source.addEventListener('summary', function (m) { onSummary(JSON.parse(m.data)); });
    source.addEventListener('events', function (m) { onEvents(JSON.parse(m.data)); });
    source.addEventListener('rollouts', function (m) { onRollouts(JSON.parse(m.data)); });
  }

  function selected(runs) {
    var m = /#run=(.+)$/.exec(location.hash);
    if (m) { return decodeURIComponent(m[1]); }
    return runs.length ? runs[runs.length - 1].run_id : null;
  }

  function start() {
    refreshRuns().then(function (runs) {
      var id = selected(runs);
      if (id) { follow(id); } else { setTimeout(start, 1000); }
    }, function (err) { setLive(false, 'cannot reach the console: ' + err.message); setTimeout(start, 2000); });
  }

  window.addEventListener('hashchange', function () {
    var m = /#run=(.+)$/.exec(location.hash);
    if (m && decodeURIComponent(m[1]) !== runId) { follow(decodeURIComponent(m[1])); }
  });
  setInterval(updateRate, 1000);
  start();
})();
