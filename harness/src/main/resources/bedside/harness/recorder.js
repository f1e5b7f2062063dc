// Bedside in-page recorder. Put into every document (top-level pages, new tabs, iframes) before the page's own
// scripts by CdpChannel (Chrome DevTools: Page.addScriptToEvaluateOnNewDocument, with every target auto-attached and
// paused until it is in), it streams what the *browser* saw — not what the driving script intended — to the JVM
// through `send` (a Runtime.addBinding function: each call is an event on the DevTools connection).
//
// Privacy: no typed character and no field value ever leaves the page. Keys are sent as classes
// (character, navigation, editing, modifier, enter, tab, escape, other); named non-character keys
// (Enter, ArrowDown...) keep their name, characters never do.
//
// Ordering: messages reach the JVM on several threads, so each message carries this document's id, a per-document
// sequence number and each event's high-resolution timestamp (performance.timeOrigin + performance.now(), in ms):
// the JVM orders by them.
//
// Delivery: a message is kept in the page until the JVM acknowledges it. The JVM acknowledges, every quarter
// second, the batches it has of every document heard from lately (Recorder calls __bedsideRecorder.ack in each
// target's top document, which passes it on to its same-origin frames). A document going away (the click that
// submits a form, the answer to a confirm dialog) may take its last message with it, and a channel can fail to
// deliver (with the WebDriver BiDi channel this recorder used before, Chrome's mapper now and then never listened to
// a new document at all). So on pagehide a document adds what is not yet acknowledged to the tab's outbox in
// sessionStorage (beside what its same-origin iframes add: overwriting lost a whole page once), and the next
// document of the tab sends again what the JVM does not acknowledge to it within a second. A window that closes also
// leaves it in localStorage, for any other document of the origin and for Recorder.drain to send again;
// Recorder.drain also takes what the current document still holds straight from it. The JVM keeps one copy of each
// batch, by (document id, sequence).
//
// Coverage (LostEventsIT proves it: thousands of events, hundreds of navigations, none lost or duplicated):
// top-level pages, reloads, back/forward, navigation by script at once, same-origin and cross-site iframes,
// new windows by window.open and target=_blank, windows that close themselves. One thing Chrome does that this
// script works around: a window opened by window.open keeps its Window object when its first page replaces the
// initial about:blank, and scripts for new documents do not run again then (see the top of the function). A window
// that closes itself waits (500 ms at most) until its last batches are acknowledged (see window.close below).
(send) => {
  // Installed once per window. A window normally gets a new Window object (and this script runs again) for
  // each document. Not always: a window opened by window.open (or target=_blank) starts with an initial
  // about:blank document, and when a same-origin page replaces it the browser keeps the Window object — its
  // properties, timers and listeners — and does not run scripts for new documents again. So the listeners below stay
  // on the window and report to the state of the *current* document, begun afresh whenever it changes.
  if (window.__bedsideRecorder) return;
  // The binding's `warnings`: CSS selectors of on-page alerts that are the candidate's warnings (written in by Recorder).
  const WARNINGS = /*WARNINGS*/[];
  const top = window.top === window;
  const now = () => performance.timeOrigin + performance.now();
  const newId = () => Math.random().toString(36).slice(2) + Date.now().toString(36);
  // Delivery (see the top): batches not yet acknowledged, kept until the JVM has them.
  const OUTBOX = '__bedside_outbox';
  const ORPHAN = '__bedside_orphan:';
  // A document whose channel is never listened to would keep everything: past this many batches the oldest are
  // dropped from the copy kept for resending (storage is limited to a few MB per origin).
  const MAX_KEPT = 3000;
  const HEAD = /^\{"doc":"([^"]*)","top":(?:true|false),"seq":(\d+)/;
  const keep = (message) => {
    if (state === null) return;
    const m = HEAD.exec(message);
    state.unacked.push({ doc: m ? m[1] : '', seq: m ? Number(m[2]) : -1, message });
    if (state.unacked.length > MAX_KEPT) state.unacked.splice(0, state.unacked.length - MAX_KEPT);
  };
  const resend = (messages) => {
    for (const m of messages) {
      const message = typeof m === 'string' ? m : m.message;
      send(message);
      keep(message);
    }
  };
  // What the tab's previous document left in the outbox is usually at the JVM already (its acknowledgement was on
  // the way when the document went): hold it, let the JVM acknowledge it here, and send again only what is still
  // unacknowledged after HOLD_MS (the previous document's channel was not listened to). Sending it all again at once
  // doubled the messages of a page-by-page workflow, and each message costs the browser a round trip.
  const HOLD_MS = 1000;
  const hold = (messages) => {
    const held = [];
    for (const message of messages) {
      keep(message);
      held.push(state.unacked[state.unacked.length - 1]);
    }
    setTimeout(() => {
      if (state === null) return;
      const still = new Set(state.unacked);
      for (const e of held) if (still.has(e)) send(e.message);
    }, HOLD_MS);
  };
  const adoptOrphans = (except) => {
    try {
      const keys = [];
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k && k.startsWith(ORPHAN) && k !== except) keys.push(k);
      }
      for (const k of keys) {
        const v = localStorage.getItem(k);
        localStorage.removeItem(k);
        if (v) resend(JSON.parse(v));
      }
    } catch (e) { /* no storage on this origin (about:blank, data:, opaque): nothing was kept */ }
  };
  let state = null;
  const flushState = (s) => {
    if (s.timer !== null) { clearTimeout(s.timer); s.timer = null; }
    if (s.buffer.length === 0) return;
    const batch = s.buffer;
    s.buffer = [];
    s.sent += batch.length;
    const message = JSON.stringify({ doc: s.doc, top, seq: s.seq++, url: location.href, events: batch });
    s.unacked.push({ doc: s.doc, seq: s.seq - 1, message });
    if (s.unacked.length > MAX_KEPT) s.unacked.splice(0, s.unacked.length - MAX_KEPT);
    send(message);
  };
  const navEntry = () => (performance.getEntriesByType && performance.getEntriesByType('navigation')[0]) || null;
  let observeDocument = () => {};
  let listenOnDocument = () => {};
  const begin = () => {
    if (state && state.buffer.length) flushState(state);
    // A window kept for a new document (see the top) hands on what its last document has not had acknowledged.
    const s = { document, doc: newId(), seq: 0, buffer: [], timer: null, sent: 0, unacked: state ? state.unacked : [] };
    state = s;
    try {
      const previous = sessionStorage.getItem(OUTBOX);
      if (previous) {
        sessionStorage.removeItem(OUTBOX);
        for (const kept of JSON.parse(previous)) {
          try { localStorage.removeItem(ORPHAN + kept.doc); } catch (e) { /* see above */ }
          hold(kept.messages);
        }
      }
    } catch (e) { /* see above */ }
    adoptOrphans(null);
    emit('page-start', { navigationType: (navEntry() || {}).type || null, referrer: document.referrer || null,
      origin: performance.timeOrigin });
    observeDocument();
    listenOnDocument();
    return s;
  };
  const cur = () => (state !== null && state.document === document ? state : begin());
  // Events go out in batches, at most BATCH_MS after they happen: each message costs the browser and the JVM some
  // work, and the recorder must not slow the page it measures. A document going away
  // does not lose its batch: pagehide sends it and keeps it in the outbox (see the top). Sent at once: only what
  // comes right before the page may stop (pagehide, window.close) or block (a dialog opening).
  const BATCH_MS = 100;
  const emit = (type, data, urgent) => {
    const s = cur();
    s.buffer.push(Object.assign({ type, t: now() }, data || {}));
    if (urgent || s.buffer.length >= 50) flushState(s);
    else if (s.timer === null) s.timer = setTimeout(() => flushState(s), BATCH_MS);
  };
  window.__bedsideRecorder = {
    get doc() { return cur().doc; },
    get sent() { return cur().sent; },
    flush: () => flushState(cur()),
    adopt: () => adoptOrphans(null),
    // [[doc, seq], ...]: the JVM has every batch of doc up to seq.
    ack: (acks) => {
      if (state === null) return;
      const upTo = new Map(acks);
      state.unacked = state.unacked.filter((e) => !(upTo.has(e.doc) && e.seq <= upTo.get(e.doc)));
      // The JVM reaches each target's top document; frames of the same origin hear it from their page.
      for (let i = 0; i < window.frames.length; i++) {
        try {
          const r = window.frames[i].__bedsideRecorder;
          if (r && r !== window.__bedsideRecorder && r.ack) r.ack(acks);
        } catch (e) { /* another origin: its own target, or it sends again */ }
      }
    },
    // What the JVM has not acknowledged (this document's and what it holds for others): Recorder.drain takes it from here.
    pending: () => (state === null ? [] : state.unacked.map((e) => e.message)),
  };

  const trim = (s, n) => (s || '').replace(/\s+/g, ' ').trim().slice(0, n || 80);
  const IMPLICIT_ROLES = { A: 'link', BUTTON: 'button', SELECT: 'combobox', TEXTAREA: 'textbox',
    H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', NAV: 'navigation', FORM: 'form',
    LI: 'listitem', UL: 'list', OL: 'list', TABLE: 'table', TR: 'row', TD: 'cell', TH: 'columnheader',
    OPTION: 'option', DIALOG: 'dialog', MAIN: 'main', IMG: 'img' };
  const role = (el) => {
    const r = el.getAttribute && el.getAttribute('role');
    if (r) return r;
    if (el.tagName === 'INPUT') {
      const t = (el.type || 'text').toLowerCase();
      if (t === 'checkbox' || t === 'radio') return t;
      if (t === 'submit' || t === 'button' || t === 'reset') return 'button';
      return 'textbox';
    }
    return IMPLICIT_ROLES[el.tagName] || null;
  };
  const accessibleName = (el) => {
    if (!el.getAttribute) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return trim(aria);
    const by = el.getAttribute('aria-labelledby');
    if (by) return trim(by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' '));
    if (el.labels && el.labels.length) return trim(el.labels[0].textContent);
    if (el.tagName === 'INPUT' && /^(submit|button|reset)$/i.test(el.type)) return trim(el.value);
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return trim(el.getAttribute('placeholder') || el.getAttribute('title') || '');
    return trim(el.textContent);
  };
  const cssPath = (el) => {
    const parts = [];
    while (el && el.nodeType === 1 && parts.length < 8) {
      if (el.id) { parts.unshift('#' + CSS.escape(el.id)); break; }
      let part = el.tagName.toLowerCase();
      const parent = el.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.tagName === el.tagName);
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
      }
      parts.unshift(part);
      el = parent;
    }
    return parts.join(' > ');
  };
  const describe = (el) => {
    if (!el || el.nodeType !== 1) return null;
    return { tag: el.tagName.toLowerCase(), id: el.id || null, role: role(el), name: accessibleName(el),
      css: cssPath(el), inputType: el.tagName === 'INPUT' ? (el.type || 'text').toLowerCase() : null };
  };
  // The element a person meant: the nearest interactive ancestor of what the pointer hit.
  const meant = (el) => (el && el.closest && el.closest('a,button,input,select,textarea,label,summary,[role],[onclick],[tabindex]')) || el;

  const keyClass = (e) => {
    const k = e.key;
    if (k === 'Enter') return 'enter';
    if (k === 'Tab') return 'tab';
    if (k === 'Escape') return 'escape';
    if (k === 'Shift' || k === 'Control' || k === 'Alt' || k === 'Meta' || k === 'CapsLock') return 'modifier';
    if (k === 'Backspace' || k === 'Delete') return 'editing';
    if (/^(Arrow|Page|Home$|End$)/.test(k)) return 'navigation';
    if (k && k.length === 1 && !e.ctrlKey && !e.metaKey) return 'character';
    return 'other';
  };

  // --- navigation: this document starting, loading, and single-page route changes ---
  window.addEventListener('load', () => {
    setTimeout(() => {
      const n = navEntry();
      emit('page-load', n ? { origin: performance.timeOrigin, responseEnd: n.responseEnd,
        domContentLoaded: n.domContentLoadedEventEnd, loadEnd: n.loadEventEnd || performance.now(),
        status: n.responseStatus || null, title: document.title } : { title: document.title });
      if (n && n.responseStatus >= 400) emit('network-error', { url: location.href, status: n.responseStatus, kind: 'document' });
    }, 0);
  });
  const route = (how) => emit('route', { how, to: location.href });
  for (const m of ['pushState', 'replaceState']) {
    const orig = history[m];
    history[m] = function () { const r = orig.apply(this, arguments); route(m); return r; };
  }
  window.addEventListener('popstate', () => route('popstate'));
  window.addEventListener('hashchange', () => route('hashchange'));
  window.addEventListener('pagehide', () => {
    emit('page-hide', {}, true);
    const s = cur();
    const messages = s.unacked.map((e) => e.message);
    // The outbox is shared by the tab's documents of this origin — a page and its same-origin iframes go away
    // together — so each adds its own entry rather than replacing what another wrote.
    try {
      const kept = JSON.parse(sessionStorage.getItem(OUTBOX) || '[]').filter((e) => e.doc !== s.doc);
      if (messages.length) kept.push({ doc: s.doc, messages });
      if (kept.length) sessionStorage.setItem(OUTBOX, JSON.stringify(kept)); else sessionStorage.removeItem(OUTBOX);
    } catch (e) { /* see above */ }
    // Only a window that may close for good keeps its batches for other windows too: one opened by a page (a
    // popup, a new tab) rather than the window the session started with.
    if (window.opener !== null || history.length <= 1) {
      try { localStorage.setItem(ORPHAN + s.doc, JSON.stringify(messages)); } catch (e) { /* see above */ }
    }
  });
  window.addEventListener('beforeunload', () => flushState(cur()));
  // A window that closes itself (a popup done with its job) would take its last batches with it: Chrome drops a
  // closing context's pending channel messages. So the close waits until the JVM has acknowledged them — the
  // window-close event makes the JVM acknowledge at once, in a few milliseconds — or 500 ms at most.
  const closeWindow = window.close;
  window.close = function () {
    const self = this;
    emit('window-close', {}, true);
    const until = now() + 500;
    const attempt = () => {
      if (state === null || state.unacked.length === 0) {
        closeWindow.call(self);
      } else if (now() >= until) {
        // Not acknowledged in time (this window's channel may never have been listened to): leave the batches for
        // any other document of the origin, and for Recorder.drain, to send again.
        try { localStorage.setItem(ORPHAN + state.doc, JSON.stringify(state.unacked.map((e) => e.message))); } catch (e) { /* no storage */ }
        closeWindow.call(self);
      } else {
        setTimeout(attempt, 5);
      }
    };
    attempt();
  };
  // Another window of this origin went away: if its batches are not taken up by its own tab's next document
  // within half a second (it closed), send them from here.
  window.addEventListener('storage', (e) => {
    if (e.key && e.key.startsWith(ORPHAN) && e.newValue) {
      setTimeout(() => {
        try {
          const v = localStorage.getItem(e.key);
          if (v) { localStorage.removeItem(e.key); resend(JSON.parse(v)); }
        } catch (err) { /* see above */ }
      }, 500);
    }
  });
  // The document changes without an event (see the top): notice it within 50 ms.
  setInterval(() => { if (state === null || state.document !== document) cur(); }, 50);

  // DOM events are listened to in the capture phase on the window (first, so the page cannot swallow them)
  // and on each document as well: in a window kept for a new document (see the top) the window's listeners
  // may miss what happens while that document is parsed. Each event is recorded once.
  const handled = new WeakSet();
  const domListeners = [];
  const listen = (type, handler) => {
    const once = (e) => { if (handled.has(e)) return; handled.add(e); handler(e); };
    domListeners.push([type, once]);
    window.addEventListener(type, once, true);
  };
  listenOnDocument = () => { for (const [type, once] of domListeners) document.addEventListener(type, once, true); };

  // --- pointer and keyboard, in the capture phase so the page cannot swallow them ---
  listen('pointerdown', (e) => emit('pointer-down', { x: e.clientX, y: e.clientY, button: e.button, target: describe(meant(e.target)) }), true);
  listen('pointerup', (e) => emit('pointer-up', { x: e.clientX, y: e.clientY, button: e.button }), true);
  listen('click', (e) => emit('click', { x: e.clientX, y: e.clientY, pageX: e.pageX, pageY: e.pageY,
    vw: window.innerWidth, vh: window.innerHeight, trusted: e.isTrusted, target: describe(meant(e.target)) }), true);
  listen('keydown', (e) => {
    const cls = keyClass(e);
    emit('key', { keyClass: cls, key: cls === 'character' ? null : e.key, repeat: e.repeat,
      target: describe(e.target) });
  }, true);
  listen('input', (e) => emit('input', { inputType: e.inputType || null, target: describe(e.target) }), true);
  listen('change', (e) => emit('change', { target: describe(e.target) }), true);
  listen('focusin', (e) => emit('focus', { target: describe(e.target) }), true);
  listen('submit', (e) => emit('submit', { target: describe(e.target) }), true);

  // --- scrolling: distance, summed over short windows ---
  let lastX = window.scrollX, lastY = window.scrollY, scrolled = 0, scrollTimer = null;
  listen('scroll', () => {
    scrolled += Math.abs(window.scrollX - lastX) + Math.abs(window.scrollY - lastY);
    lastX = window.scrollX; lastY = window.scrollY;
    if (scrollTimer === null) scrollTimer = setTimeout(() => { emit('scroll', { distance: Math.round(scrolled) }); scrolled = 0; scrollTimer = null; }, 100);
  }, true);

  // --- dialogs: recorded before they block the page and after they are answered ---
  for (const kind of ['alert', 'confirm', 'prompt']) {
    const orig = window[kind];
    window[kind] = function (message) {
      emit('dialog-open', { kind, message: trim(String(message === undefined ? '' : message), 300) }, true);
      const result = orig.apply(this, arguments);
      emit('dialog-close', { kind, accepted: kind === 'alert' ? true : (kind === 'confirm' ? result === true : result !== null) });
      return result;
    };
  }

  // --- validation messages: constraint validation, role=alert, aria-invalid ---
  // An on-page alert is a validation message unless it is one of the candidate's warnings: a role=alertdialog (a modal
  // alert asks for a decision, e.g. a drug-interaction check), an element whose id or class says "warn", or one the
  // binding's `warnings` selectors match (an interaction warning, a clinical alert). Warnings are recorded as such and
  // are not counted as validation errors: the person did nothing wrong.
  listen('invalid', (e) => emit('validation', { source: 'constraint', message: trim(e.target.validationMessage, 200), target: describe(e.target) }), true);
  const ALERTS = '[role=alert],[role=alertdialog]';
  const isWarning = (el) => {
    if (el.closest('[role=alertdialog]')) return true;
    if (/warn/i.test((el.id || '') + ' ' + (el.getAttribute('class') || ''))) return true;
    return WARNINGS.some((css) => { try { return el.closest(css) !== null; } catch (e) { return false; } });
  };
  const seenAlerts = new WeakMap();
  const checkAlert = (el) => {
    const text = trim(el.textContent, 200);
    if (text && seenAlerts.get(el) !== text && el.getClientRects().length > 0) {
      seenAlerts.set(el, text);
      emit(isWarning(el) ? 'warning' : 'validation', { source: el.getAttribute('role') === 'alertdialog' ? 'role-alertdialog' : 'role-alert',
        message: text, target: describe(el) });
    }
  };
  const scan = (root) => {
    if (root.nodeType !== 1) return;
    if (root.matches(ALERTS)) checkAlert(root);
    root.querySelectorAll(ALERTS).forEach(checkAlert);
  };
  const onMutations = (mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes' && m.attributeName === 'aria-invalid') {
        if (m.target.getAttribute('aria-invalid') === 'true') emit('validation', { source: 'aria-invalid', message: null, target: describe(m.target) });
      } else if (m.type === 'childList') {
        m.addedNodes.forEach(scan);
        const alertHost = m.target.closest && m.target.closest(ALERTS);
        if (alertHost) checkAlert(alertHost);
      } else if (m.type === 'characterData') {
        const host = m.target.parentElement && m.target.parentElement.closest(ALERTS);
        if (host) checkAlert(host);
      } else if (m.type === 'attributes') {
        if (m.target.matches && m.target.matches(ALERTS)) checkAlert(m.target);
      }
    }
  };
  observeDocument = () => {
    const d = document;
    const observe = () => {
      if (d !== document) return;
      new MutationObserver((mutations) => { if (d === document) onMutations(mutations); }).observe(d.documentElement,
        { subtree: true, childList: true, characterData: true, attributes: true,
          attributeFilter: ['aria-invalid', 'role', 'hidden', 'style', 'class', 'open'] });
      scan(d.documentElement);
    };
    // Watching the parse itself would hand every parsed node to onMutations: one scan once it is parsed does the same.
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', observe); else observe();
  };

  // --- script errors and failed requests ---
  window.addEventListener('error', (e) => {
    if (e.target && e.target !== window && e.target.tagName) {
      emit('network-error', { url: e.target.src || e.target.href || null, status: null, kind: 'resource', target: describe(e.target) });
    } else {
      emit('js-error', { message: trim(e.message, 300), source: e.filename || null, line: e.lineno || null });
    }
  }, true);
  window.addEventListener('unhandledrejection', (e) => emit('js-error', { message: trim(String(e.reason && e.reason.message || e.reason), 300), source: 'promise' }));

  // Requests made by the page's scripts: start and end, so the JVM can tell how long the UI was busy.
  let reqId = 0;
  const origFetch = window.fetch;
  if (origFetch) {
    window.fetch = function (input, init) {
      const id = ++reqId;
      const url = String((input && input.url) || input);
      const method = (init && init.method) || (input && input.method) || 'GET';
      emit('request-start', { id, method, url });
      return origFetch.apply(this, arguments).then((res) => {
        emit('request-end', { id, status: res.status });
        if (res.status >= 400) emit('network-error', { url, status: res.status, kind: 'fetch' });
        return res;
      }, (err) => {
        emit('request-end', { id, status: null });
        emit('network-error', { url, status: null, kind: 'fetch', message: trim(String(err && err.message), 200) });
        throw err;
      });
    };
  }
  const XHR = window.XMLHttpRequest;
  if (XHR) {
    const open = XHR.prototype.open, sendXhr = XHR.prototype.send;
    XHR.prototype.open = function (method, url) { this.__bedside = { method, url: String(url) }; return open.apply(this, arguments); };
    XHR.prototype.send = function () {
      const info = this.__bedside || { method: 'GET', url: '' };
      const id = ++reqId;
      emit('request-start', { id, method: info.method, url: info.url });
      this.addEventListener('loadend', () => {
        emit('request-end', { id, status: this.status || null });
        if (!this.status || this.status >= 400) emit('network-error', { url: info.url, status: this.status || null, kind: 'xhr' });
      });
      return sendXhr.apply(this, arguments);
    };
  }

  cur();
}
