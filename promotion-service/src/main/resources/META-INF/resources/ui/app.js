// Committee web UI: case queue, packet, blind votes, decision, calibration — on promotion-service's
// public API only, with the caller's own bearer token. Every text from the API goes into the page as
// text (textContent), never as markup.
'use strict';

const TOKEN_KEY = 'leveling.token';
const state = { cycleId: null, cursor: null, me: null, caseId: null, evidenceServiceUrl: null };

function $(id) {
  return document.getElementById(id);
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(
    child === null || child === undefined ? '' : String(child))));
  return node;
}

function subjectOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).sub;
  } catch (e) {
    return null;
  }
}

function say(text, isError) {
  const box = $('message');
  box.textContent = text;
  box.className = isError ? 'error' : '';
  box.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

/** Calls the API; a problem+json answer becomes an Error whose message is its detail and located errors. */
async function api(method, path, body) {
  const headers = { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    signOut();
    throw new Error('Your token was refused (expired or invalid): sign in again.');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const located = (data && data.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
    const error = new Error([data && (data.detail || data.title), located].filter(Boolean).join(' — '));
    error.status = response.status;
    throw error;
  }
  return data;
}

function show(section) {
  ['sign-in', 'queue', 'case', 'calibration'].forEach(id => { $(id).hidden = id !== section; });
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  state.me = null;
  $('who').textContent = '';
  show('sign-in');
}

async function start() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    show('sign-in');
    return;
  }
  state.me = subjectOf(token);
  $('who').replaceChildren(`Signed in as ${state.me} `, el('button', { type: 'button', onclick: signOut }, 'Sign out'));
  show('queue');
  try {
    const cycles = await api('GET', '/api/v1/cycles?limit=100');
    $('cycle').replaceChildren(...cycles.map(c => el('option', { value: c.id }, `${c.name} (${c.state})`)));
    if (cycles.length) {
      state.cycleId = cycles[0].id;
      await loadCases(false);
    }
  } catch (e) {
    say(e.message, true);
  }
}

async function loadCases(more) {
  state.cycleId = $('cycle').value;
  const params = new URLSearchParams({ cycleId: state.cycleId, limit: '50' });
  if ($('status').value) {
    params.set('status', $('status').value);
  }
  if (more && state.cursor) {
    params.set('cursor', state.cursor);
  }
  const page = await api('GET', `/api/v1/nominations?${params}`);
  const rows = page.items.map(n => el('tr', {},
    el('td', {}, n.candidateId), el('td', {}, n.targetLevel), el('td', {}, n.status), el('td', {}, n.outcome || ''),
    el('td', {}, el('button', { type: 'button', onclick: () => openCase(n.id) }, 'Open'))));
  const body = $('cases').querySelector('tbody');
  if (more) {
    body.append(...rows);
  } else {
    body.replaceChildren(...rows);
  }
  if (!more && !rows.length) {
    body.append(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No cases you may see here.')));
  }
  state.cursor = page.nextCursor;
  $('more').hidden = !page.nextCursor;
}

/** Fetches what may be missing (404 = not yours to see, 409 = not yet): null instead of an error. */
async function optional(path) {
  try {
    return await api('GET', path);
  } catch (e) {
    if (e.status === 404 || e.status === 409) {
      return null;
    }
    throw e;
  }
}

async function openCase(id) {
  state.caseId = id;
  show('case');
  try {
    const n = await api('GET', `/api/v1/nominations/${id}`);
    const [packet, votes, decisions] = await Promise.all([optional(`/api/v1/nominations/${id}/packet`),
      optional(`/api/v1/nominations/${id}/votes`), optional(`/api/v1/nominations/${id}/decisions`)]);
    $('case-title').textContent = `${n.candidateId} → ${n.targetLevel}`;
    $('case-facts').replaceChildren(...[['Status', n.status], ['Framework', `${n.frameworkKey} v${n.frameworkVersion}`],
      ['Nominated by', n.nominatorId], ['Justification', n.justification],
      ['Eligible members', (n.eligibleMembers || []).join(', ')], ['Acting chair', n.actingChairId || '—']]
      .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    renderPacket(packet);
    renderVotes(n, votes, packet);
    renderDecisions(n, decisions || [], packet);
  } catch (e) {
    say(e.message, true);
  }
}

function competenciesOf(packet) {
  return packet ? packet.competencies.map(c => c.competency) : [];
}

function renderPacket(packet) {
  if (!packet) {
    $('packet').replaceChildren(el('p', { class: 'muted' }, 'No packet yet, or not yours to read.'));
    return;
  }
  $('packet').replaceChildren(
    el('p', {}, `Readiness verdict: ${packet.verdict} (from ${packet.currentLevel || '—'} to ${packet.targetLevel})`),
    el('ul', {}, packet.reasons.map(r => el('li', {}, r))),
    el('table', {}, el('thead', {}, el('tr', {}, ['Competency', 'Status', 'Quarters at target', 'Latest rating']
      .map(h => el('th', {}, h)))),
    el('tbody', {}, packet.competencies.map(c => el('tr', {}, el('td', {}, c.competency),
      el('td', { class: `status-${c.status}` }, c.status), el('td', {}, c.targetLevelQuarters.join(', ')),
      el('td', {}, c.latestRating ? `${c.latestRating.rating} (${c.latestRating.date})` : '—'))))),
    el('h4', {}, `Evidence (${packet.evidence.length})`),
    el('div', { id: 'packet-evidence' }, packet.evidence.map(e => el('article', { class: 'evidence', 'data-evidence': e.evidenceId },
      el('h5', {}, e.title),
      el('p', { class: 'muted' }, `${e.kind}, ${e.level}, ${e.occurredFrom} … ${e.occurredTo}; `
        + `${e.acknowledgements} acknowledgement(s), ${e.endorsements} endorsement(s) when the packet was frozen`),
      el('div', { class: 'evidence-body' }, el('p', { class: 'muted' }, 'Loading the narrative from evidence-service…'))))));
  showEvidenceNarratives(packet.evidence.map(e => e.evidenceId));
}

/** Where evidence-service answers, as this deployment tells the UI (asked once per page). */
async function evidenceServiceUrl() {
  if (!state.evidenceServiceUrl) {
    state.evidenceServiceUrl = (await api('GET', '/api/v1/ui-settings')).evidenceServiceUrl;
  }
  return state.evidenceServiceUrl;
}

/**
 * Reads each evidence item from evidence-service with the member's own token (which it allows for the
 * committee of an open case) and shows its narrative, impact, links and attestations under the packet
 * entry. An item that cannot be read says why, and the rest of the case stays usable.
 */
async function showEvidenceNarratives(ids) {
  let base;
  try {
    base = await evidenceServiceUrl();
  } catch (e) {
    ids.forEach(id => showEvidenceProblem(id, e.message));
    return;
  }
  await Promise.all(ids.map(async id => {
    try {
      renderEvidenceBody(id, await api('GET', `${base}/api/v1/evidence/${encodeURIComponent(id)}`));
    } catch (e) {
      showEvidenceProblem(id, e.status ? e.message : 'evidence-service did not answer; try again later.');
    }
  }));
}

function evidenceBody(id) {
  const item = [...document.querySelectorAll('#packet-evidence article')].find(a => a.dataset.evidence === id);
  return item && item.querySelector('.evidence-body');
}

function showEvidenceProblem(id, text) {
  const body = evidenceBody(id);
  if (body) {
    body.replaceChildren(el('p', { class: 'error' }, `Narrative not available: ${text}`));
  }
}

/** Only web links become anchors: anything else (javascript:, data:) is shown as text. */
function linkTo(url) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch (e) {
    // not a URL: text
  }
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:')
    ? el('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank' }, url) : url;
}

function renderEvidenceBody(id, evidence) {
  const body = evidenceBody(id);
  if (!body) {
    return; // another case was opened meanwhile
  }
  const attestations = evidence.attestations || [];
  const byManagement = attestations.filter(a => a.kind !== 'ENDORSED');
  const endorsements = attestations.filter(a => a.kind === 'ENDORSED');
  const describe = (a, what) => el('li', {}, `${what}${a.attesterId}, ${a.at.slice(0, 10)}`,
    a.comment ? `: “${a.comment}”` : '');
  body.replaceChildren(
    el('p', { class: 'narrative' }, evidence.narrative || '—'),
    el('dl', {},
      el('dt', {}, 'Impact'), el('dd', {}, evidence.impact || '—'),
      el('dt', {}, 'Competencies'), el('dd', {}, (evidence.competencies || []).join(', ')),
      el('dt', {}, 'Status now'), el('dd', {}, evidence.status),
      el('dt', {}, 'Links'), el('dd', {}, (evidence.links || []).length
        ? el('ul', {}, evidence.links.map(l => el('li', {}, linkTo(l)))) : '—'),
      el('dt', {}, 'Acknowledgement'), el('dd', {}, byManagement.length
        ? el('ul', { class: 'acknowledgements' }, byManagement.map(a => describe(a, `${a.kind.toLowerCase()} by `)))
        : 'not yet'),
      el('dt', {}, `Endorsements (${endorsements.length})`), el('dd', {}, endorsements.length
        ? el('ul', { class: 'endorsements' }, endorsements.map(a => describe(a, ''))) : 'none')));
}

function renderVotes(n, votes, packet) {
  const mayVote = (n.eligibleMembers || []).includes(state.me) && n.status === 'IN_REVIEW';
  $('vote-form').hidden = !mayVote;
  if (!votes) {
    $('votes').replaceChildren(el('p', { class: 'muted' }, 'Votes are seen by eligible members once they have voted.'));
    return;
  }
  const parts = [el('p', {}, `${votes.votesCast} of ${votes.eligibleMembers.length} eligible members have voted; `
    + `quorum ${votes.quorum} ${votes.quorumMet ? 'met' : 'not met yet'}.`)];
  if (votes.quorumReachable === false) {
    parts.push(el('p', { class: 'warning' }, 'Recusals and conflicts of interest leave fewer eligible members than the '
      + 'quorum: this committee can no longer decide the case.'));
  }
  if (!votes.visible) {
    parts.push(el('p', { class: 'muted' }, 'Blind until you cast your own vote.'));
  } else {
    parts.push(el('p', {}, `Approve ${votes.tally.approve} · reject ${votes.tally.reject} · abstain ${votes.tally.abstain}`),
      el('table', {}, el('tbody', {}, votes.votes.map(v => el('tr', {}, el('td', {}, v.memberId),
        el('td', {}, v.choice), el('td', {}, v.rationale),
        el('td', {}, Object.entries(v.competencyNotes).map(([k, t]) => `${k}: ${t}`).join(' · ')))))));
  }
  $('votes').replaceChildren(...parts);
  if (mayVote) {
    const form = $('vote-form');
    if (votes.myVote) {
      form.elements.rationale.value = votes.myVote.rationale;
      form.querySelector(`input[value="${votes.myVote.choice}"]`).checked = true;
    }
    $('vote-notes').replaceChildren(...competenciesOf(packet).map(c => el('label', {}, `Note on ${c} (optional)`,
      el('input', { name: `note:${c}`, maxlength: 4000, value: votes.myVote && votes.myVote.competencyNotes[c] }))));
  }
}

function renderDecisions(n, decisions, packet) {
  $('decisions').replaceChildren(...(decisions.length ? decisions.map(d => el('div', {},
    el('p', {}, `${d.outcome} from ${d.effectiveDate}, by ${d.decidedBy}`
      + `${d.override ? ' — overrides the majority: ' + d.overrideReason : ''}`
      + `${d.supersedesDecisionId ? ' (replaces an earlier decision after an appeal)' : ''}`),
    el('p', {}, d.rationale.summary),
    el('ul', {}, d.rationale.competencies.map(c => el('li', {}, `${c.competency}: ${c.assessment}`)))))
    : [el('p', { class: 'muted' }, 'Not decided yet.')]));
  const mayDecide = n.status === 'IN_REVIEW' && (n.eligibleMembers || []).includes(state.me);
  $('decision-form').hidden = !mayDecide;
  if (mayDecide) {
    $('decision-competencies').replaceChildren(...competenciesOf(packet).map(c => el('label', {},
      `Assessment of ${c}`, el('textarea', { name: `assess:${c}`, rows: 2, required: true, maxlength: 4000 }))));
  }
}

async function castVote(event) {
  event.preventDefault();
  const form = event.target;
  const notes = {};
  Array.from(form.elements).filter(e => e.name && e.name.startsWith('note:') && e.value.trim())
    .forEach(e => { notes[e.name.slice(5)] = e.value.trim(); });
  try {
    await api('PUT', `/api/v1/nominations/${state.caseId}/votes/mine`,
      { choice: form.elements.choice.value, rationale: form.elements.rationale.value, competencyNotes: notes });
    say('Vote recorded.');
    await openCase(state.caseId);
  } catch (e) {
    say(e.message, true);
  }
}

async function recordDecision(event) {
  event.preventDefault();
  const form = event.target;
  const competencies = Array.from(form.elements).filter(e => e.name && e.name.startsWith('assess:'))
    .map(e => ({ competency: e.name.slice(7), assessment: e.value }));
  const body = { outcome: form.elements.outcome.value, rationale: { summary: form.elements.summary.value, competencies } };
  if (form.elements.effectiveDate.value) {
    body.effectiveDate = form.elements.effectiveDate.value;
  }
  if (form.elements.overrideReason.value.trim()) {
    body.overrideReason = form.elements.overrideReason.value.trim();
  }
  try {
    await api('POST', `/api/v1/nominations/${state.caseId}/decisions`, body);
    say('Decision recorded.');
    await openCase(state.caseId);
  } catch (e) {
    say(e.message, true);
  }
}

function number(value, asShare) {
  if (value === null || value === undefined) {
    return '—';
  }
  return asShare ? `${(value * 100).toFixed(1)} %` : String(value);
}

const DIMENSIONS = { orgUnit: 'org unit', targetLevel: 'target level', track: 'track', manager: 'manager' };
const dashboard = { cycleId: null, data: null, stream: null, retry: 0, reloading: null };

async function openCalibration() {
  show('calibration');
  const cycles = $('calibration-cycle');
  cycles.replaceChildren(...[...$('cycle').options].map(o => el('option', { value: o.value }, o.textContent)));
  cycles.value = $('cycle').value;
  await watch(cycles.value);
}

/** Shows a cycle's calibration and keeps it live: the stream says when to read the numbers again. */
async function watch(cycleId) {
  dashboard.cycleId = cycleId;
  if (dashboard.stream) {
    dashboard.stream.abort();
  }
  await loadCalibration();
  follow(cycleId);
}

async function loadCalibration() {
  const cycleId = dashboard.cycleId;
  try {
    const c = await api('GET', `/api/v1/cycles/${cycleId}/calibration`);
    if (cycleId === dashboard.cycleId) {
      dashboard.data = c;
      renderCalibration();
    }
  } catch (e) {
    say(e.message, true);
  }
}

/** Reads the change stream with the user's token; reconnects (1, 2, 4… 10 s) and catches up on CONNECTED. */
async function follow(cycleId) {
  const control = new AbortController();
  dashboard.stream = control;
  const live = $('live');
  try {
    const response = await fetch(`/api/v1/cycles/${cycleId}/calibration/changes`, {
      headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: 'text/event-stream' },
      signal: control.signal });
    if (!response.ok) {
      throw new Error(`stream answered ${response.status}`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').filter(l => l.startsWith('data:'))
          .map(l => l.slice(5).trim()).join('\n');
        buffer = buffer.slice(end + 2);
        if (data) {
          changed(JSON.parse(data), live);
        }
      }
    }
  } catch (e) {
    if (control.signal.aborted) {
      return;
    }
  }
  if (dashboard.stream === control && !control.signal.aborted) {
    live.textContent = 'reconnecting…';
    live.classList.remove('on');
    const wait = Math.min(10000, 1000 * 2 ** dashboard.retry++);
    setTimeout(() => { if (dashboard.stream === control) { follow(cycleId); } }, wait);
  }
}

function changed(change, live) {
  if (change.change === 'HEARTBEAT') {
    return;
  }
  dashboard.retry = 0;
  live.textContent = change.change === 'CONNECTED' ? 'live' : `live · ${change.change.toLowerCase()} at `
    + new Date(change.at).toLocaleTimeString();
  live.classList.add('on');
  // Several changes in a burst (a committee deciding a batch) cost one read.
  clearTimeout(dashboard.reloading);
  dashboard.reloading = setTimeout(loadCalibration, 50);
}

function chart(id) {
  const node = $(id);
  return echarts.getInstanceByDom(node) || echarts.init(node);
}

function share(value) {
  return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
}

function renderCalibration() {
  const c = dashboard.data;
  const dimension = $('calibration-dimension').value;
  const groups = c.groups[dimension] || [];
  const o = c.overall;
  $('calibration-title').textContent = `Calibration — ${c.name} (${c.view === 'FULL' ? 'all groups' : 'aggregates'})`;
  $('calibration-summary').textContent = o.suppressed ? `Fewer than ${c.minimumGroupSize} cases: suppressed.`
    : `${o.nominations} nominations, ${o.decided} decided, ${o.promoted} promoted (${number(o.promotionRate, true)}), `
      + `average readiness ${number(o.averageReadiness, true)}, ${o.overrides} overrides. `
      + (c.drift.previousCycleId ? `Change against the previous cycle: ${number(c.drift.promotionRateChange, true)}.`
        : 'No earlier cycle of this scope.');
  const label = g => g.suppressed ? `${g.key || 'other'} (suppressed)` : g.key;

  chart('chart-rates').setOption({
    title: { text: `Promotion rate by ${DIMENSIONS[dimension]}`, textStyle: { fontSize: 13 } },
    tooltip: {}, grid: { left: 48, right: 16, bottom: 64 },
    xAxis: { type: 'category', data: groups.map(label), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', name: '%', max: 100 },
    series: [{ type: 'bar', name: 'promotion rate',
      data: groups.map(g => ({ value: g.suppressed ? null : share(g.promotionRate),
        itemStyle: { color: g.outlier ? '#d97706' : '#3b82f6' } })),
      markLine: o.promotionRate === null ? undefined : { symbol: 'none', label: { formatter: 'cycle {c} %', position: 'insideEndTop' },
        data: [{ yAxis: share(o.promotionRate) }] } }]
  }, true);
  $('rates-text').textContent = groups.map(g => g.suppressed ? `${label(g)}` : `${g.key}: ${number(g.promotionRate, true)}`
    + (g.outlier ? ' (outlier)' : '')).join('; ') + `. Cycle: ${o.suppressed ? 'suppressed' : number(o.promotionRate, true)}.`;

  const mix = [['Promoted', o.promoted], ['Not promoted', o.notPromoted], ['Deferred', o.deferred],
    ['Overridden', o.overrides]];
  chart('chart-outcomes').setOption({
    title: { text: 'Outcome mix', textStyle: { fontSize: 13 } }, tooltip: {},
    xAxis: { type: 'category', data: mix.map(m => m[0]) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: mix.map(m => m[1]), itemStyle: { color: '#6366f1' } }]
  }, true);
  $('outcomes-text').textContent = o.suppressed ? 'Suppressed.' : mix.map(m => `${m[0]}: ${m[1]}`).join(', ') + '.';

  const shown = groups.filter(g => !g.suppressed && g.averageReadiness !== null && g.promotionRate !== null);
  chart('chart-readiness').setOption({
    title: { text: `Readiness against promotion rate, by ${DIMENSIONS[dimension]}`, textStyle: { fontSize: 13 } },
    tooltip: { formatter: p => `${p.data[2]}: readiness ${p.data[0]} %, rate ${p.data[1]} %` },
    xAxis: { type: 'value', name: 'readiness %', nameLocation: 'middle', nameGap: 24, max: 100 },
    yAxis: { type: 'value', name: 'rate %', max: 100 },
    series: [{ type: 'scatter', symbolSize: 14,
      data: shown.map(g => [share(g.averageReadiness), share(g.promotionRate), g.key]),
      label: { show: true, position: 'right', formatter: p => p.data[2] } }]
  }, true);
  $('readiness-text').textContent = shown.length === 0 ? 'No group to show.'
    : shown.map(g => `${g.key}: readiness ${number(g.averageReadiness, true)}, rate ${number(g.promotionRate, true)}`)
      .join('; ') + '.';

  const history = [...c.drift.earlierCycles].reverse().concat([{ name: `${c.name} (this cycle)`,
    promotionRate: o.promotionRate, suppressed: o.suppressed }]);
  chart('chart-drift').setOption({
    title: { text: 'Drift: promotion rate of this scope over cycles', textStyle: { fontSize: 13 } }, tooltip: {},
    xAxis: { type: 'category', data: history.map(h => h.name) }, yAxis: { type: 'value', name: '%', max: 100 },
    series: [{ type: 'line', connectNulls: false, data: history.map(h => h.suppressed ? null : share(h.promotionRate)) }]
  }, true);
  $('drift-text').textContent = history.map(h => `${h.name}: ${h.suppressed ? 'suppressed' : number(h.promotionRate, true)}`)
    .join('; ') + '.';

  const headings = ['Group', 'Nominations', 'Decided', 'Promoted', 'Rate', 'Deviation', 'Drift', 'Readiness'];
  $('calibration-groups').replaceChildren(el('h3', {}, `By ${DIMENSIONS[dimension]}`),
    el('table', {}, el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
      el('tbody', {}, groups.map(g => g.suppressed
        ? el('tr', { class: 'suppressed' }, el('td', {}, label(g)), el('td', { colspan: 7 }, 'suppressed (small group)'))
        : el('tr', { class: g.outlier ? 'outlier' : '' }, el('td', {}, g.key + (g.outlier ? ' ⚑ outlier' : '')),
          el('td', {}, g.nominations), el('td', {}, g.decided), el('td', {}, g.promoted),
          el('td', {}, number(g.promotionRate, true)), el('td', {}, number(g.deviation, true)),
          el('td', {}, number(g.driftFromPrevious, true)), el('td', {}, number(g.averageReadiness, true)))))));
}

/** What the dashboard shows, as CSV: the cycle's overall numbers and the groups of the chosen dimension. */
function exportCsv() {
  const c = dashboard.data;
  if (!c) {
    return;
  }
  const dimension = $('calibration-dimension').value;
  const fields = ['nominations', 'decided', 'promoted', 'notPromoted', 'deferred', 'overrides', 'promotionRate',
    'averageReadiness', 'deviation', 'outlier', 'driftFromPrevious', 'suppressed'];
  const cell = v => v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v;
  const rows = [['dimension', 'group', ...fields], ['overall', '', ...fields.map(f => c.overall[f])],
    ...(c.groups[dimension] || []).map(g => [dimension, g.key, ...fields.map(f => g[f])])];
  const link = el('a', { download: `calibration-${c.name}-${dimension}.csv`.replace(/[^A-Za-z0-9._-]/g, '_') });
  link.href = URL.createObjectURL(new Blob([rows.map(r => r.map(cell).join(',')).join('\n') + '\n'],
    { type: 'text/csv' }));
  link.click();
  URL.revokeObjectURL(link.href);
}

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    start();
  });
  $('queue-filter').addEventListener('submit', event => {
    event.preventDefault();
    loadCases(false).catch(e => say(e.message, true));
  });
  $('more').addEventListener('click', () => loadCases(true).catch(e => say(e.message, true)));
  $('show-calibration').addEventListener('click', openCalibration);
  $('calibration-cycle').addEventListener('change', event => watch(event.target.value));
  $('calibration-dimension').addEventListener('change', renderCalibration);
  $('calibration-csv').addEventListener('click', exportCsv);
  document.querySelectorAll('.back').forEach(b => b.addEventListener('click', () => {
    if (dashboard.stream) {
      dashboard.stream.abort();
      dashboard.stream = null;
    }
    show('queue');
    loadCases(false).catch(e => say(e.message, true));
  }));
  $('vote-form').addEventListener('submit', castVote);
  $('decision-form').addEventListener('submit', recordDecision);
  start();
});
