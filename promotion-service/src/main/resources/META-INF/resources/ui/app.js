// Committee web UI: case queue, packet, blind votes, decision, calibration — on promotion-service's
// public API only, with the caller's own bearer token. Every text from the API goes into the page as
// text (textContent), never as markup.
'use strict';

const TOKEN_KEY = 'leveling.token';
const state = { cycleId: null, cursor: null, me: null, caseId: null };

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
    el('ul', {}, packet.evidence.map(e => el('li', {}, `${e.title} — ${e.kind}, ${e.level}, `
      + `${e.occurredFrom} … ${e.occurredTo}`))));
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

async function openCalibration() {
  show('calibration');
  try {
    const cycleId = $('cycle').value;
    const c = await api('GET', `/api/v1/cycles/${cycleId}/calibration`);
    $('calibration-title').textContent = `Calibration — ${c.name} (${c.view === 'FULL' ? 'all groups' : 'aggregates'})`;
    const o = c.overall;
    $('calibration-summary').textContent = o.suppressed ? `Fewer than ${c.minimumGroupSize} cases: suppressed.`
      : `${o.nominations} nominations, ${o.decided} decided, ${o.promoted} promoted (${number(o.promotionRate, true)}), `
        + `average readiness ${number(o.averageReadiness, true)}, ${o.overrides} overrides. `
        + (c.drift.previousCycleId ? `Change against the previous cycle: ${number(c.drift.promotionRateChange, true)}.`
          : 'No earlier cycle of this scope.');
    const headings = ['Group', 'Nominations', 'Decided', 'Promoted', 'Rate', 'Deviation', 'Drift', 'Readiness'];
    $('calibration-groups').replaceChildren(...Object.entries(c.groups).map(([dimension, groups]) => el('div', {},
      el('h3', {}, dimension),
      el('table', {}, el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
        el('tbody', {}, groups.map(g => g.suppressed
          ? el('tr', { class: 'suppressed' }, el('td', {}, g.key), el('td', { colspan: 7 }, 'suppressed (small group)'))
          : el('tr', { class: g.outlier ? 'outlier' : '' }, el('td', {}, g.key + (g.outlier ? ' ⚑ outlier' : '')),
            el('td', {}, g.nominations), el('td', {}, g.decided), el('td', {}, g.promoted),
            el('td', {}, number(g.promotionRate, true)), el('td', {}, number(g.deviation, true)),
            el('td', {}, number(g.driftFromPrevious, true)), el('td', {}, number(g.averageReadiness, true)))))))));
  } catch (e) {
    say(e.message, true);
  }
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
  document.querySelectorAll('.back').forEach(b => b.addEventListener('click', () => {
    show('queue');
    loadCases(false).catch(e => say(e.message, true));
  }));
  $('vote-form').addEventListener('submit', castVote);
  $('decision-form').addEventListener('submit', recordDecision);
  start();
});
