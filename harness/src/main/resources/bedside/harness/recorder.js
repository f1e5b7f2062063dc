// Bedside in-page recorder. (One file of ~1,000 lines on purpose: it is injected as one script, before the page's
// own, into every document; its parts share the native functions it captures at install time, which must never be
// reachable by the page — splitting it would mean a bundler step and a shared global for them.)
// Put into every document (top-level pages, new tabs, iframes) before the page's own
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
// the JVM orders by them. Each event also carries the address of the document at the moment it happened (`loc`, left
// out when it is the message's `url`): a single-page app changes the address (history.pushState) without a new
// document, and an event belongs to the screen it happened on, not to the one the batch left from.
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
//
// Living with the page (issue 19; SpaRecorderIT): the page's scripts share this window and may have changed anything
// in it, and its DOM may shadow properties (a <form> with an <input name="id"> makes form.id that input; an
// <img name="getElementById"> shadows document.getElementById). So this script
//   - reads the DOM only through native functions and getters it took from the prototypes when it was installed,
//     before the page's scripts ran (Element.prototype.getAttribute, the Node.prototype textContent getter...);
//   - sends only plain data it built itself (strings, numbers, booleans, arrays and objects of them), turned into
//     JSON by its own serialiser (a page's JSON.stringify or Array.prototype.toJSON is not used) — never a page object;
//   - records its own faults as `recorder-error` events (Bedside's, never the candidate's `js-error`) and loses no
//     event by them: a handler that fails still records its event, with what it could find out (`partial`), and
//     every handler and timer is guarded so that nothing it throws reaches the page (its window.onerror) either.
(send) => {
  // Installed once per window. A window normally gets a new Window object (and this script runs again) for
  // each document. Not always: a window opened by window.open (or target=_blank) starts with an initial
  // about:blank document, and when a same-origin page replaces it the browser keeps the Window object — its
  // properties, timers and listeners — and does not run scripts for new documents again. So the listeners below stay
  // on the window and report to the state of the *current* document, begun afresh whenever it changes.
  if (window.__bedsideRecorder) return;
  // The binding's `warnings`: CSS selectors of on-page alerts that are the candidate's warnings (written in by Recorder).
  const WARNINGS = /*WARNINGS*/[];
  // For Bedside's own tests only: names of handlers made to fail (written in by Recorder), to prove a fault loses nothing.
  const FAULTS = /*FAULTS*/[];
  // The binding's `patientData`: CSS selectors of the elements whose text is patient data (written in by Recorder). An
  // element inside one is recorded with its name masked, as the replay masks its text: a click on a search result is
  // "link ******** ********", never the patient's name.
  const PATIENT_DATA = /*PATIENT_DATA*/[];
  // `bedside record` only: an evaluator demonstrating a task so Bedside can write its binding. Values typed and chosen
  // and what makes an element findable again are sent too — never in a measured attempt, where no typed value leaves
  // the page.
  const DEMONSTRATION = /*DEMONSTRATION*/false;
  // The name the recorder's code has in stack traces and error events (CdpChannel adds it as //# sourceURL).
  const SELF = 'bedside-recorder.js';

  // --- the platform, as it was before the page's scripts ran ---
  const { Object, Array, Reflect, JSON, Set, Map, WeakMap, WeakSet, Math, Date, Error, MutationObserver } = window;
  const { setTimeout, clearTimeout, setInterval } = window;
  const apply = Reflect.apply;
  const protoOf = Object.getPrototypeOf;
  const ownDescriptor = Object.getOwnPropertyDescriptor;
  const keysOf = Object.keys;
  const isArray = Array.isArray;
  const PLAIN = Object.prototype;
  const parseJson = JSON.parse;
  const quoteJson = JSON.stringify; // only ever given a primitive string: a string's toJSON is never looked up
  const lookup = (object, name) => {
    for (let p = object; p !== null && p !== undefined; p = protoOf(p)) {
      const d = ownDescriptor(p, name);
      if (d) return d;
    }
    return null;
  };
  // A native getter, called on the object itself (never object[name], which the page or the DOM may shadow). On an
  // object of another kind (a plain Event asked for a key) it answers undefined.
  const getter = (object, name) => {
    const d = object ? lookup(object, name) : null;
    const g = d && d.get;
    if (typeof g !== 'function') return () => undefined;
    return (o) => { try { return apply(g, o, []); } catch (e) { return undefined; } };
  };
  const method = (object, name) => {
    const d = object ? lookup(object, name) : null;
    const f = d && d.value;
    if (typeof f !== 'function') return () => undefined;
    return (o, ...args) => apply(f, o, args);
  };
  const proto = (name) => (window[name] ? window[name].prototype : null);
  const EP = proto('Element');
  const NP = proto('Node');
  const DP = proto('Document');
  const nodeType = getter(NP, 'nodeType');
  const parentElement = getter(NP, 'parentElement');
  const isConnected = getter(NP, 'isConnected');
  const textOf = getter(NP, 'textContent');
  const tagOf = getter(EP, 'tagName');
  const idOf = getter(EP, 'id');
  const childrenOf = getter(EP, 'children');
  const getAttr = method(EP, 'getAttribute');
  const hasAttr = method(EP, 'hasAttribute');
  const closestOf = method(EP, 'closest');
  const matchesOf = method(EP, 'matches');
  const queryAll = method(EP, 'querySelectorAll');
  const createFragment = method(DP, 'createDocumentFragment');
  const queryOf = method(proto('DocumentFragment'), 'querySelector');
  const replaceOf = method(protoOf(''), 'replace');
  const rectsOf = method(EP, 'getClientRects');
  const checkVisibility = method(EP, 'checkVisibility');
  const getById = method(DP, 'getElementById');
  const rootOf = getter(DP, 'documentElement');
  const readyStateOf = getter(DP, 'readyState');
  const referrerOf = getter(DP, 'referrer');
  const titleOf = getter(DP, 'title');
  const listLength = getter(proto('NodeList'), 'length');
  const listItem = method(proto('NodeList'), 'item');
  const collectionLength = getter(proto('HTMLCollection'), 'length');
  const collectionItem = method(proto('HTMLCollection'), 'item');
  const rectsLength = getter(proto('DOMRectList'), 'length');
  const addListener = method(proto('EventTarget'), 'addEventListener');
  // Form controls keep type, value, labels and validation messages on their own prototypes.
  const CONTROLS = { INPUT: 'HTMLInputElement', SELECT: 'HTMLSelectElement', TEXTAREA: 'HTMLTextAreaElement',
    BUTTON: 'HTMLButtonElement', OUTPUT: 'HTMLOutputElement', FIELDSET: 'HTMLFieldSetElement', OBJECT: 'HTMLObjectElement' };
  const controlGetter = (name) => {
    const byTag = new Map();
    for (const tag of keysOf(CONTROLS)) byTag.set(tag, getter(proto(CONTROLS[tag]), name));
    return (el) => { const g = byTag.get(tagOf(el)); return g ? g(el) : undefined; };
  };
  const labelsOf = controlGetter('labels');
  const validationMessageOf = controlGetter('validationMessage');
  const inputTypeOf = getter(proto('HTMLInputElement'), 'type');
  const inputValueOf = getter(proto('HTMLInputElement'), 'value');
  const controlValueOf = controlGetter('value');
  const checkedOf = getter(proto('HTMLInputElement'), 'checked');
  const selectedOptionsOf = controlGetter('selectedOptions');
  // Events: read through their prototypes' getters as well.
  const plainTargetOf = getter(proto('Event'), 'target');
  const composedPathOf = method(proto('Event'), 'composedPath');
  // What was pressed or typed into, inside an open shadow root too (the event's target is retargeted to the host).
  const targetOf = (e) => {
    const path = composedPathOf(e);
    return path && path.length && path[0] !== null && typeof path[0] === 'object' && nodeType(path[0]) === 1
      ? path[0] : plainTargetOf(e);
  };
  const timeStampOf = getter(proto('Event'), 'timeStamp');
  const defaultPreventedOf = getter(proto('Event'), 'defaultPrevented');
  // A new page on its way (__bedsideRecorder.leaving): since beforeunload, or since a form's submit event, for at most
  // LEAVING_MS — a navigation that never comes (a download, a 204 answer, a javascript: action) must not hold anything
  // up for longer.
  const LEAVING_MS = 2000;
  let unloadingAt = -Infinity;
  let submitted = null;
  let submittedAt = -Infinity;
  // Whether a submitted form navigates this very window (not another window or frame, not a dialog's form).
  const submitsHere = (e) => {
    const form = plainTargetOf(e);
    if (!isElement(form)) return false;
    const method = str(getAttr(form, 'method')).toLowerCase();
    const target = str(getAttr(form, 'target')).toLowerCase();
    return method !== 'dialog' && (target === '' || target === '_self'
      || ((target === '_top' || target === '_parent') && window === window.top));
  };
  const relatedTargetOf = getter(proto('FocusEvent'), 'relatedTarget');
  const activeElementOf = getter(DP, 'activeElement');
  const containsNode = method(NP, 'contains');
  const clientX = getter(proto('MouseEvent'), 'clientX');
  const clientY = getter(proto('MouseEvent'), 'clientY');
  const pageXOf = getter(proto('MouseEvent'), 'pageX');
  const pageYOf = getter(proto('MouseEvent'), 'pageY');
  const buttonOf = getter(proto('MouseEvent'), 'button');
  const detailOf = getter(proto('UIEvent'), 'detail');
  const pointerTypeOf = getter(proto('PointerEvent'), 'pointerType');
  const keyOf = getter(proto('KeyboardEvent'), 'key');
  const repeatOf = getter(proto('KeyboardEvent'), 'repeat');
  const ctrlKeyOf = getter(proto('KeyboardEvent'), 'ctrlKey');
  const metaKeyOf = getter(proto('KeyboardEvent'), 'metaKey');
  const inputTypeOfEvent = getter(proto('InputEvent'), 'inputType');
  const errorMessageOf = getter(proto('ErrorEvent'), 'message');
  const errorFileOf = getter(proto('ErrorEvent'), 'filename');
  const errorLineOf = getter(proto('ErrorEvent'), 'lineno');
  const errorOf = getter(proto('ErrorEvent'), 'error');
  const reasonOf = getter(proto('PromiseRejectionEvent'), 'reason');
  const storageKeyOf = getter(proto('StorageEvent'), 'key');
  const storageNewValueOf = getter(proto('StorageEvent'), 'newValue');
  const win = (name) => getter(window, name);
  const innerWidth = win('innerWidth');
  const innerHeight = win('innerHeight');
  const scrollXOf = win('scrollX');
  const scrollYOf = win('scrollY');
  const openerOf = win('opener');
  const navigatorOf = win('navigator');
  const userAgentOf = getter(proto('Navigator'), 'userAgent');
  const framesLength = win('length');
  const sessionStorageOf = win('sessionStorage');
  const localStorageOf = win('localStorage');
  const historyLength = getter(proto('History'), 'length');
  const storageGet = method(proto('Storage'), 'getItem');
  const storageSet = method(proto('Storage'), 'setItem');
  const storageRemove = method(proto('Storage'), 'removeItem');
  const storageKey = method(proto('Storage'), 'key');
  const storageLength = getter(proto('Storage'), 'length');
  const perf = window.performance;
  const perfNow = method(proto('Performance'), 'now');
  const timeOrigin = getter(proto('Performance'), 'timeOrigin')(perf);
  const entriesByType = method(proto('Performance'), 'getEntriesByType');
  const cssEscape = window.CSS && window.CSS.escape;
  const now = () => timeOrigin + perfNow(perf);
  const here = () => location.href; // Location's href is [LegacyUnforgeable]: the page cannot redefine it
  const newId = () => Math.random().toString(36).slice(2) + Date.now().toString(36);
  const str = (v) => (typeof v === 'string' ? v : '');
  const num = (v) => (typeof v === 'number' && v === v ? v : null);
  const lower = (v) => str(v).toLowerCase();
  const items = (list, length, item) => {
    const out = [];
    const n = list ? length(list) || 0 : 0;
    for (let i = 0; i < n; i++) out.push(item(list, i));
    return out;
  };
  const nodes = (list) => items(list, listLength, listItem);
  const isElement = (v) => v !== null && typeof v === 'object' && nodeType(v) === 1;

  // --- its own faults: recorded as Bedside's, never the page's ---
  const errorText = (err) => {
    try {
      if (typeof err === 'string') return err.slice(0, 300);
      const name = err && typeof err.name === 'string' ? err.name : 'Error';
      const message = err && typeof err.message === 'string' ? err.message : '';
      return (name + ': ' + message).slice(0, 300);
    } catch (e) { return 'an unreadable error'; }
  };
  const stackOf = (err) => { try { return err && typeof err.stack === 'string' ? err.stack : ''; } catch (e) { return ''; } };
  let faulting = false;
  let emit = () => {};
  const fault = (where, err) => {
    if (faulting) return; // a fault while recording a fault: nothing more can be done
    faulting = true;
    try { emit('recorder-error', { where, message: errorText(err), stack: stackOf(err).slice(0, 600) || null }); } catch (e) { /* see above */ }
    faulting = false;
  };
  const injected = (where) => { if (FAULTS.length !== 0 && FAULTS.indexOf(where) >= 0) throw new Error('fault injected in ' + where); };
  // A function that never throws: what it throws is recorded as the recorder's fault.
  const guard = (where, fn) => function () {
    try { injected(where); return apply(fn, this, arguments); } catch (err) { fault(where, err); return undefined; }
  };
  const later = (where, fn, ms) => setTimeout(guard(where, fn), ms);

  // --- JSON of the plain data this script built; anything else (which would be a bug here) is left out ---
  let leftOut = 0;
  const toJson = (v, depth) => {
    if (v === null || v === undefined) return 'null';
    const t = typeof v;
    if (t === 'string') return quoteJson(v);
    if (t === 'number') return v === v && v !== Infinity && v !== -Infinity ? '' + v : 'null';
    if (t === 'boolean') return v ? 'true' : 'false';
    if (t !== 'object' || depth > 8) { leftOut++; return 'null'; }
    if (isArray(v)) {
      const parts = [];
      for (let i = 0; i < v.length; i++) parts.push(toJson(v[i], depth + 1));
      return '[' + parts.join(',') + ']';
    }
    if (protoOf(v) !== PLAIN && protoOf(v) !== null) { leftOut++; return 'null'; }
    const parts = [];
    for (const k of keysOf(v)) if (v[k] !== undefined) parts.push(quoteJson(k) + ':' + toJson(v[k], depth + 1));
    return '{' + parts.join(',') + '}';
  };

  // Delivery (see the top): batches not yet acknowledged, kept until the JVM has them.
  const OUTBOX = '__bedside_outbox';
  const ORPHAN = '__bedside_orphan:';
  // A document whose channel is never listened to would keep everything: past this many batches the oldest are
  // dropped from the copy kept for resending (storage is limited to a few MB per origin).
  const MAX_KEPT = 3000;
  const HEAD = /^\{"doc":"([^"]*)","top":(?:true|false),"seq":(\d+)/;
  const top = window.top === window;
  const deliver = (message) => { try { send(message); } catch (err) { fault('send', err); } };
  const keep = (message) => {
    if (state === null) return;
    const m = HEAD.exec(message);
    state.unacked.push({ doc: m ? m[1] : '', seq: m ? Number(m[2]) : -1, message });
    if (state.unacked.length > MAX_KEPT) state.unacked.splice(0, state.unacked.length - MAX_KEPT);
  };
  const resend = (messages) => {
    for (const m of messages) {
      const message = typeof m === 'string' ? m : m && m.message;
      if (typeof message !== 'string') continue;
      deliver(message);
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
      if (typeof message !== 'string') continue;
      keep(message);
      held.push(state.unacked[state.unacked.length - 1]);
    }
    later('hold', () => {
      if (state === null) return;
      const still = new Set(state.unacked);
      for (const e of held) if (still.has(e)) deliver(e.message);
    }, HOLD_MS);
  };
  const storage = (which) => { try { return which(window) || null; } catch (e) { return null; } };
  const adoptOrphans = () => {
    const ls = storage(localStorageOf);
    if (ls === null) return;
    try {
      const keys = [];
      const n = storageLength(ls) || 0;
      for (let i = 0; i < n; i++) {
        const k = storageKey(ls, i);
        if (typeof k === 'string' && k.startsWith(ORPHAN)) keys.push(k);
      }
      for (const k of keys) {
        const v = storageGet(ls, k);
        storageRemove(ls, k);
        if (v) resend(parseJson(v));
      }
    } catch (e) { /* no storage on this origin (about:blank, data:, opaque): nothing was kept */ }
  };
  let state = null;
  const flushState = (s) => {
    if (s.timer !== null) { clearTimeout(s.timer); s.timer = null; }
    if (s.buffer.length === 0) return;
    const batch = s.buffer;
    s.buffer = [];
    const url = batch[0].loc;
    const parts = [];
    for (const e of batch) {
      if (e.loc === url) e.loc = undefined;
      try {
        parts.push(toJson(e, 0));
      } catch (err) {
        parts.push('{"type":' + quoteJson(str(e.type)) + ',"t":' + toJson(e.t, 0) + ',"partial":true}');
        leftOut++;
      }
    }
    const seq = s.seq++;
    const message = '{"doc":' + quoteJson(s.doc) + ',"top":' + (top ? 'true' : 'false') + ',"seq":' + seq
        + ',"url":' + toJson(url, 0) + ',"events":[' + parts.join(',') + ']}';
    s.sent += batch.length;
    s.unacked.push({ doc: s.doc, seq, message });
    if (s.unacked.length > MAX_KEPT) s.unacked.splice(0, s.unacked.length - MAX_KEPT);
    deliver(message);
    if (leftOut > 0) {
      const n = leftOut;
      leftOut = 0;
      fault('serialise', new Error(n + ' value(s) that were not plain data were left out of a batch'));
    }
  };
  const navEntry = () => { try { return entriesByType(perf, 'navigation')[0] || null; } catch (e) { return null; } };
  let observeDocument = () => {};
  let judgeInvalid = () => {};
  let listenOnDocument = () => {};
  const begin = () => {
    if (state && state.buffer.length) flushState(state);
    // A window kept for a new document (see the top) hands on what its last document has not had acknowledged.
    const s = { document, doc: newId(), seq: 0, buffer: [], timer: null, sent: 0, unacked: state ? state.unacked : [],
      modals: [], seen: new WeakMap() };
    state = s;
    const ss = storage(sessionStorageOf);
    if (ss !== null) {
      try {
        const previous = storageGet(ss, OUTBOX);
        if (previous) {
          storageRemove(ss, OUTBOX);
          const ls = storage(localStorageOf);
          for (const kept of parseJson(previous)) {
            try { if (ls !== null) storageRemove(ls, ORPHAN + kept.doc); } catch (e) { /* see above */ }
            if (kept && isArray(kept.messages)) hold(kept.messages);
          }
        }
      } catch (e) { /* see above */ }
    }
    adoptOrphans();
    emit('page-start', { navigationType: str((navEntry() || {}).type) || null, referrer: str(referrerOf(document)) || null,
      origin: timeOrigin, agent: str(userAgentOf(navigatorOf(window))) || null });
    try { observeDocument(); } catch (err) { fault('observe', err); }
    try { listenOnDocument(); } catch (err) { fault('listen', err); }
    return s;
  };
  const cur = () => (state !== null && state.document === document ? state : begin());
  // Events go out in batches, at most BATCH_MS after they happen: each message costs the browser and the JVM some
  // work, and the recorder must not slow the page it measures. A document going away
  // does not lose its batch: pagehide sends it and keeps it in the outbox (see the top). Sent at once: only what
  // comes right before the page may stop (pagehide, window.close) or block (a dialog opening).
  const BATCH_MS = 100;
  // `data` is a plain object this script built; `at` and `where` are when and at which address the event happened,
  // if not now and here (a response is measured from an action, maybe on the screen before a route change).
  emit = (type, data, urgent, at, where) => {
    try {
      const s = cur();
      const e = { type, t: at === undefined ? now() : at };
      if (data) for (const k of keysOf(data)) e[k] = data[k];
      e.loc = where === undefined ? here() : where;
      s.buffer.push(e);
      if (urgent || s.buffer.length >= 50) flushState(s);
      else if (s.timer === null) s.timer = later('batch', () => flushState(s), BATCH_MS);
    } catch (err) {
      if (type !== 'recorder-error') fault('emit', err);
    }
  };
  Object.defineProperty(window, '__bedsideRecorder', { enumerable: false, configurable: false, writable: false, value: {
    get doc() { return cur().doc; },
    // Whether a new page is on its way, so that what is taken of "the page after a step" (a screenshot) waits for it:
    // this document is unloading, or one of its forms was submitted into this window and no handler prevented it
    // (the browser starts that navigation after the click that submitted it has returned).
    leaving: () => now() - unloadingAt < LEAVING_MS || (now() - submittedAt < LEAVING_MS && submitted !== null
      && !defaultPreventedOf(submitted) && submitsHere(submitted)),
    get sent() { return cur().sent; },
    // Drain (Recorder.drain): what is being measured is ended where it stands, and everything goes out.
    flush: () => {
      try { settleResponse('drain'); } catch (err) { fault('drain', err); }
      try { judgeInvalid(undefined); } catch (err) { fault('drain', err); }
      flushState(cur());
    },
    adopt: () => adoptOrphans(),
    // Whether a press on the element would count as on something actionable (the session's misclicks): a simulated
    // participant aims its presses beside a target, and counts a screen's targets, by this same judgment.
    actionable: (el) => actionable(el),
    // A finding the harness made while a step ran (a label not linked to its field): kept with the events, on the
    // screen it was made on, about the element it names. Only the harness's own finding kinds are taken.
    note: (kind, el, data) => {
      if (kind !== 'accessibility') return;
      const d = { target: describe(el) };
      if (data && typeof data === 'object') for (const k of keysOf(data)) d[k] = str(data[k]);
      emit(kind, d);
    },
    // [[doc, seq], ...]: the JVM has every batch of doc up to seq.
    ack: (acks) => {
      if (state === null || !isArray(acks)) return;
      const upTo = new Map(acks);
      state.unacked = state.unacked.filter((e) => !(upTo.has(e.doc) && e.seq <= upTo.get(e.doc)));
      // The JVM reaches each target's top document; frames of the same origin hear it from their page.
      const n = framesLength(window) || 0;
      for (let i = 0; i < n; i++) {
        try {
          const r = window[i].__bedsideRecorder;
          if (r && r !== window.__bedsideRecorder && r.ack) r.ack(acks);
        } catch (e) { /* another origin: its own target, or it sends again */ }
      }
    },
    // What the JVM has not acknowledged (this document's and what it holds for others): Recorder.drain takes it from here.
    pending: () => (state === null ? [] : state.unacked.map((e) => e.message)),
  } });

  // --- what an element is, read through the natives above only ---
  const trim = (s, n) => str(s).replace(/\s+/g, ' ').trim().slice(0, n || 80);
  const IMPLICIT_ROLES = { A: 'link', BUTTON: 'button', SELECT: 'combobox', TEXTAREA: 'textbox',
    H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', NAV: 'navigation', FORM: 'form',
    LI: 'listitem', UL: 'list', OL: 'list', TABLE: 'table', TR: 'row', TD: 'cell', TH: 'columnheader',
    OPTION: 'option', DIALOG: 'dialog', MAIN: 'main', IMG: 'img' };
  const tag = (el) => str(tagOf(el)).toUpperCase();
  const inputKind = (el) => lower(inputTypeOf(el)) || 'text';
  const role = (el) => {
    const r = getAttr(el, 'role');
    if (r) return r;
    const t = tag(el);
    if (t === 'INPUT') {
      const k = inputKind(el);
      if (k === 'checkbox' || k === 'radio') return k;
      if (k === 'submit' || k === 'button' || k === 'reset') return 'button';
      return 'textbox';
    }
    return IMPLICIT_ROLES[t] || null;
  };
  const accessibleName = (el) => {
    const aria = getAttr(el, 'aria-label');
    if (aria) return trim(aria);
    const by = getAttr(el, 'aria-labelledby');
    if (by) return trim(by.split(/\s+/).map((id) => { const l = getById(document, id); return l ? str(textOf(l)) : ''; }).join(' '));
    const labels = nodes(labelsOf(el));
    if (labels.length) return trim(textOf(labels[0]));
    const t = tag(el);
    if (t === 'INPUT' && /^(submit|button|reset)$/.test(inputKind(el))) return trim(inputValueOf(el));
    if (t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT') return trim(getAttr(el, 'placeholder') || getAttr(el, 'title') || '');
    return trim(textOf(el));
  };
  const escapeCss = (s) => (cssEscape ? apply(cssEscape, undefined, [s]) : s.replace(/[^\w-]/g, '\\$&'));
  const cssPath = (el) => {
    const parts = [];
    while (isElement(el) && parts.length < 8) {
      const id = str(idOf(el));
      if (id) { parts.unshift('#' + escapeCss(id)); break; }
      const t = tag(el);
      let part = t.toLowerCase();
      const parent = parentElement(el);
      if (isElement(parent)) {
        const same = items(childrenOf(parent), collectionLength, collectionItem).filter((c) => tag(c) === t);
        if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
      }
      parts.unshift(part);
      el = parent;
    }
    return parts.join(' > ');
  };
  // A number per element, the same for as long as the element lives in this document: "the same field" for the
  // Keystroke-Level Model, where a CSS path shifts when a component library adds or removes siblings around it.
  const elementKeys = new WeakMap();
  const keyGet = WeakMap.prototype.get;
  const keySet = WeakMap.prototype.set;
  let nextElementKey = 1;
  const elementKey = (el) => {
    let k = apply(keyGet, elementKeys, [el]);
    if (k === undefined) { k = nextElementKey++; apply(keySet, elementKeys, [el, k]); }
    return k;
  };
  // The patient data selectors as one, each checked first: one that is not CSS masks every name instead.
  const patientData = (() => {
    if (!PATIENT_DATA.length) return null;
    try {
      const probe = createFragment(document);
      for (const selector of PATIENT_DATA) queryOf(probe, selector);
      return PATIENT_DATA.join(', ');
    } catch (err) {
      fault('patientData', err);
      return '*';
    }
  })();
  // What the handlers say about an element; what cannot be read is left out and recorded as a fault.
  const describe = (el) => {
    if (!isElement(el)) return null;
    const d = { tag: lower(tagOf(el)), id: str(idOf(el)) || null, role: null, name: '', css: '', inputType: null,
      key: elementKey(el) };
    try {
      d.role = role(el);
      d.inputType = tag(el) === 'INPUT' ? inputKind(el) : null;
      d.name = accessibleName(el);
      d.css = cssPath(el);
      if (DEMONSTRATION) findable(el, d);
    } catch (err) {
      d.partial = true;
      fault('describe', err);
    }
    if (patientData !== null && d.name) {
      let masked = true; // a selector that cannot be checked masks (never less)
      try { masked = patientData === '*' || closestOf(el, patientData) !== null; } catch (err) { fault('patientData', err); }
      if (masked) {
        d.name = replaceOf(d.name, /\S/g, '*');
        d.patientData = true;
      }
    }
    return d;
  };
  // What a demonstration keeps of an element to find it again: test ids, label, stable attributes, and how many
  // elements on the page share its role and name (and which of them it is).
  const TEST_IDS = ['data-testid', 'data-test-id', 'data-test', 'data-cy', 'data-qa'];
  const findable = (el, d) => {
    for (const a of TEST_IDS) {
      const v = getAttr(el, a);
      if (v) { d.testId = { attr: a, value: v }; break; }
    }
    const labels = nodes(labelsOf(el));
    if (labels.length) d.label = trim(textOf(labels[0]));
    const attrs = {};
    for (const a of ['name', 'placeholder', 'aria-label', 'title', 'href', 'type']) {
      const v = getAttr(el, a);
      if (v) attrs[a] = v;
    }
    d.attrs = attrs;
  };
  // How many visible elements share a pressed element's role and name, and which of them it is: only the elements that
  // can have that role are looked at, once per press (never per keystroke).
  const sameRoleAndName = (el, d) => {
    if (!d || !d.role) return;
    const tags = keysOf(IMPLICIT_ROLES).filter((t) => IMPLICIT_ROLES[t] === d.role).map((t) => t.toLowerCase());
    if (d.role === 'textbox' || d.role === 'checkbox' || d.role === 'radio' || d.role === 'button') tags.push('input');
    const selector = ['[role="' + d.role.replace(/["\\]/g, '') + '"]'].concat(tags).join(',');
    const same = items(queryAll(rootOf(document), selector), listLength, listItem)
      .filter((o) => role(o) === d.role && accessibleName(o) === d.name && visible(o));
    d.same = same.length;
    d.index = same.indexOf(el) + 1;
  };
  const visible = (el) => {
    const v = checkVisibility(el);
    return v === undefined ? rectsLength(rectsOf(el)) > 0 : v === true;
  };

  // The element a person meant: the nearest interactive ancestor of what the pointer hit.
  const MEANT = 'a,button,input,select,textarea,label,summary,[role],[onclick],[tabindex]';
  const meant = (el) => (isElement(el) ? closestOf(el, MEANT) || el : el);
  // Whether a press hit something a person can act on — a link, control, label, widget, click handler attribute,
  // focusable element, or anything drawn with a pointer cursor (how single-page apps mark what their code handles).
  // A press on anything else is a misclick (Maze's term) in a session's measures.
  const ACTIONABLE = 'a[href],button,input,select,textarea,label,summary,option,[onclick],[contenteditable=""],'
    + '[contenteditable="true"],[tabindex]:not([tabindex="-1"]),' + ['button', 'link', 'checkbox', 'radio', 'tab', 'menuitem',
      'menuitemcheckbox', 'menuitemradio', 'option', 'combobox', 'textbox', 'searchbox', 'switch', 'slider', 'spinbutton',
      'treeitem', 'gridcell', 'row', 'columnheader'].map((r) => '[role="' + r + '"]').join(',');
  const styleOf = window.getComputedStyle;
  const cssValue = method(proto('CSSStyleDeclaration'), 'getPropertyValue');
  const actionable = (el) => {
    if (!isElement(el)) return false;
    if (closestOf(el, ACTIONABLE)) return true;
    try {
      return cssValue(apply(styleOf, window, [el]), 'cursor') === 'pointer';
    } catch (err) {
      return true; // not known: never counted against the candidate
    }
  };
  const pressed = (raw) => {
    const el = meant(raw);
    const d = describe(el);
    if (d !== null) d.actionable = actionable(raw);
    if (DEMONSTRATION && d !== null) {
      try { sameRoleAndName(el, d); } catch (err) { fault('same', err); }
    }
    return d;
  };

  const keyClass = (e) => {
    const k = str(keyOf(e));
    if (k === 'Enter') return 'enter';
    if (k === 'Tab') return 'tab';
    if (k === 'Escape') return 'escape';
    if (k === 'Shift' || k === 'Control' || k === 'Alt' || k === 'Meta' || k === 'CapsLock') return 'modifier';
    if (k === 'Backspace' || k === 'Delete') return 'editing';
    if (/^(Arrow|Page|Home$|End$)/.test(k)) return 'navigation';
    if (k.length === 1 && !ctrlKeyOf(e) && !metaKeyOf(e)) return 'character';
    return 'other';
  };

  // --- system response: from a person's action until the page has settled ---
  // An action (a press of a pointer button, a key, an option chosen in a drop-down list) starts a measurement; the
  // page has settled when its DOM has been quiet for QUIET_MS and no request it started since is in flight. The
  // response lasts from the action to the last change (a DOM mutation, a request ending); an action that changed
  // nothing has none. The next action ends the measurement where it stands; so do a drain and the page going away
  // (the next document's load is measured by the browser: page-load). LONGEST_MS bounds a page that never settles
  // (one that changes its DOM without pause, or starts requests without end).
  const QUIET_MS = 100;
  const LONGEST_MS = 10000;
  let waiting = null;
  let quietTimer = null;
  const armQuiet = () => {
    if (quietTimer !== null) clearTimeout(quietTimer);
    quietTimer = later('response', checkSettled, QUIET_MS);
  };
  const settleResponse = (why) => {
    const w = waiting;
    if (w === null) return;
    waiting = null;
    if (quietTimer !== null) { clearTimeout(quietTimer); quietTimer = null; }
    if (w.changes === 0 && w.requests === 0) return;
    const end = Math.min(w.last, w.start + LONGEST_MS);
    emit('response', { trigger: w.trigger, start: w.start, end, ms: Math.round(end - w.start), changes: w.changes,
      requests: w.requests, settled: why }, false, w.start, w.loc);
  };
  const checkSettled = () => {
    quietTimer = null;
    const w = waiting;
    if (w === null) return;
    if (w.open.size > 0 && now() - w.start < LONGEST_MS) { armQuiet(); return; }
    settleResponse(w.open.size > 0 ? 'longest' : 'quiet');
  };
  const acted = (trigger) => {
    settleResponse('next-action');
    const t = now();
    waiting = { trigger, start: t, loc: here(), last: t, changes: 0, requests: 0, open: new Set() };
    armQuiet();
  };
  const changed = () => {
    if (waiting === null) return;
    waiting.last = now();
    waiting.changes++;
    armQuiet();
  };

  // --- navigation: this document starting, loading, and single-page route changes ---
  addListener(window, 'load', guard('load', () => {
    later('load', () => {
      const n = navEntry();
      const title = trim(titleOf(document), 200);
      emit('page-load', n ? { origin: timeOrigin, responseEnd: num(n.responseEnd), domContentLoaded: num(n.domContentLoadedEventEnd),
        loadEnd: num(n.loadEventEnd) || perfNow(perf), status: num(n.responseStatus), title } : { title });
      if (n && n.responseStatus >= 400) emit('network-error', { url: here(), status: num(n.responseStatus), kind: 'document' });
    }, 0);
  }));
  // A route change is recorded once the address has changed; what happened before it keeps the address it had then.
  const route = (how, from) => {
    const to = here();
    if (how !== 'popstate' && how !== 'hashchange' && to === from) return; // state only: the same screen
    emit('route', { how, from: from || null, to });
  };
  for (const m of ['pushState', 'replaceState']) {
    const orig = history[m];
    history[m] = function () {
      const from = here();
      const r = apply(orig, this, arguments);
      guard('route', route)(m, from);
      return r;
    };
  }
  addListener(window, 'popstate', guard('route', () => route('popstate', null)));
  addListener(window, 'hashchange', guard('route', () => route('hashchange', null)));
  addListener(window, 'pagehide', guard('pagehide', () => {
    try { settleResponse('page-hide'); } catch (err) { fault('pagehide', err); }
    emit('page-hide', {}, true);
    const s = cur();
    const messages = s.unacked.map((e) => e.message);
    // The outbox is shared by the tab's documents of this origin — a page and its same-origin iframes go away
    // together — so each adds its own entry rather than replacing what another wrote.
    const ss = storage(sessionStorageOf);
    if (ss !== null) {
      try {
        const kept = parseJson(storageGet(ss, OUTBOX) || '[]').filter((e) => e.doc !== s.doc);
        if (messages.length) kept.push({ doc: s.doc, messages });
        if (kept.length) storageSet(ss, OUTBOX, toJson(kept, 0)); else storageRemove(ss, OUTBOX);
      } catch (e) { /* see above */ }
    }
    // Only a window that may close for good keeps its batches for other windows too: one opened by a page (a
    // popup, a new tab) rather than the window the session started with.
    if (openerOf(window) !== null || historyLength(history) <= 1) {
      const ls = storage(localStorageOf);
      try { if (ls !== null) storageSet(ls, ORPHAN + s.doc, toJson(messages, 0)); } catch (e) { /* see above */ }
    }
  }));
  addListener(window, 'beforeunload', guard('beforeunload', () => { unloadingAt = now(); flushState(cur()); }));
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
        apply(closeWindow, self, []);
      } else if (now() >= until) {
        // Not acknowledged in time (this window's channel may never have been listened to): leave the batches for
        // any other document of the origin, and for Recorder.drain, to send again.
        const ls = storage(localStorageOf);
        try { if (ls !== null) storageSet(ls, ORPHAN + state.doc, toJson(state.unacked.map((e) => e.message), 0)); } catch (e) { /* no storage */ }
        apply(closeWindow, self, []);
      } else {
        setTimeout(attempt, 5);
      }
    };
    attempt();
  };
  // Another window of this origin went away: if its batches are not taken up by its own tab's next document
  // within half a second (it closed), send them from here.
  addListener(window, 'storage', guard('storage', (e) => {
    const key = storageKeyOf(e);
    if (typeof key === 'string' && key.startsWith(ORPHAN) && storageNewValueOf(e)) {
      later('storage', () => {
        const ls = storage(localStorageOf);
        if (ls === null) return;
        const v = storageGet(ls, key);
        if (v) { storageRemove(ls, key); resend(parseJson(v)); }
      }, 500);
    }
  }));
  // The document changes without an event (see the top): notice it within 50 ms.
  setInterval(guard('document', () => { if (state === null || state.document !== document) cur(); }), 50);

  // DOM events are listened to in the capture phase on the window (first, so the page cannot swallow them)
  // and on each document as well: in a window kept for a new document (see the top) the window's listeners
  // may miss what happens while that document is parsed. Each event is recorded once.
  const handled = new WeakSet();
  const domListeners = [];
  const listen = (type, handler) => {
    const once = guard(type, (e) => { if (handled.has(e)) return; handled.add(e); handler(e); });
    domListeners.push([type, once]);
    addListener(window, type, once, true);
  };
  listenOnDocument = () => { for (const [type, once] of domListeners) addListener(document, type, once, true); };
  // When a DOM event happened: the browser's event.timeStamp (for an input, when the browser got it from the system),
  // not when this handler got to run — a busy page runs handlers late: 7–10 ms at the median, up to 350 ms, in SessionTiming
  // (BENCHMARKS.md, "Session task-time accuracy"). Taken as the handler's delay on this window's own clock (now minus
  // the delay), so it stays on the clock `now` reads; a delay that is not plausible (negative, over a minute) is none.
  const happened = (e) => {
    const n = now();
    const ts = timeStampOf(e);
    if (typeof ts !== 'number' || !(ts > 0)) return n;
    const delay = perfNow(perf) - ts;
    return delay > 0 && delay < 60000 ? n - delay : n;
  };
  // An event recorded from a DOM event: if working out its details fails, it is recorded all the same, `partial`.
  const record = (domType, type, build, after) => listen(domType, (e) => {
    const at = happened(e);
    let data;
    try { injected('build:' + domType); data = build(e); } catch (err) { fault(domType, err); data = { partial: true }; }
    if (data !== null) emit(type, data, false, at);
    if (after) { try { after(e); } catch (err) { fault(domType, err); } }
  });

  // --- pointer and keyboard ---
  // A click that no pointer made is not a person's click at a place on the screen: the browser's click for Enter or
  // Space on a button and for Enter in a form's field (implicit submission: its default button is "clicked"), the
  // click a label passes on to its control, WebDriver's click when it chooses an <option> of a native drop-down list
  // (dispatched on the <select>, after the change; the browser draws that list outside the page, and choosing in it is
  // counted from the change), a script's element.click(). They
  // are recorded with `via` (keyboard, forwarded, option, script) and no coordinates; only `via: pointer` clicks have
  // a place. Clicks are counted from pointer presses (Measures), so none of these counts as one.
  let pointerClickNow = false; // a pointer click is being dispatched (this task): a click now is passed on by it
  let keyTarget = null; // the target of a key pressed in this task: a change now was made by the keyboard
  record('pointerdown', 'pointer-down', (e) => ({ x: num(clientX(e)), y: num(clientY(e)), vw: num(innerWidth(window)), vh: num(innerHeight(window)), button: num(buttonOf(e)),
    pointerType: str(pointerTypeOf(e)) || null, target: pressed(targetOf(e)) }), () => acted('pointer'));
  record('pointerup', 'pointer-up', (e) => ({ x: num(clientX(e)), y: num(clientY(e)), button: num(buttonOf(e)) }));
  record('click', 'click', (e) => {
    const raw = targetOf(e);
    const trusted = e.isTrusted === true; // an own [LegacyUnforgeable] property: the page cannot change it
    const detail = num(detailOf(e)) || 0;
    const onOption = isElement(raw) && (tag(raw) === 'OPTION' || tag(raw) === 'SELECT');
    const via = trusted && detail > 0 ? 'pointer' : onOption ? 'option' : pointerClickNow ? 'forwarded' : trusted ? 'keyboard' : 'script';
    if (via === 'pointer') {
      pointerClickNow = true;
      later('click', () => { pointerClickNow = false; }, 0);
      return { via, x: num(clientX(e)), y: num(clientY(e)), pageX: num(pageXOf(e)), pageY: num(pageYOf(e)),
        vw: num(innerWidth(window)), vh: num(innerHeight(window)), trusted, target: describe(meant(raw)) };
    }
    return { via, trusted, target: describe(meant(raw)) };
  });
  record('keydown', 'key', (e) => {
    const cls = keyClass(e);
    return { keyClass: cls, key: cls === 'character' ? null : str(keyOf(e)) || null, repeat: repeatOf(e) === true,
      target: describe(targetOf(e)) };
  }, (e) => {
    keyTarget = targetOf(e);
    later('key', () => { keyTarget = null; }, 0);
    acted('key');
  });
  record('input', 'input', (e) => ({ inputType: str(inputTypeOfEvent(e)) || null, target: describe(targetOf(e)) }));
  record('change', 'change', (e) => {
    const t = targetOf(e);
    const data = { target: describe(t), trusted: e.isTrusted === true };
    if (t !== null && t === keyTarget) data.via = 'keyboard';
    if (DEMONSTRATION && isElement(t)) {
      const tg = tag(t);
      if (tg === 'SELECT') {
        const chosen = items(selectedOptionsOf(t), collectionLength, collectionItem).map((o) => trim(textOf(o)));
        data.value = chosen.length ? chosen[0] : '';
      } else if (tg === 'INPUT' && /^(checkbox|radio)$/.test(inputKind(t))) {
        data.checked = checkedOf(t) === true;
      } else {
        data.value = str(controlValueOf(t));
      }
    }
    return data;
  }, (e) => {
    // An option chosen with the pointer in a native drop-down list: an action the page sees only as this change.
    const t = targetOf(e);
    if (isElement(t) && tag(t) === 'SELECT' && t !== keyTarget) acted('choice');
  });
  record('focusin', 'focus', (e) => ({ target: describe(targetOf(e)) }));
  record('submit', 'submit', (e) => ({ target: describe(targetOf(e)) }), (e) => { submitted = e; submittedAt = now(); });

  // --- scrolling: distance, summed over short windows ---
  let lastX = num(scrollXOf(window)) || 0, lastY = num(scrollYOf(window)) || 0, scrolled = 0, scrollTimer = null;
  listen('scroll', () => {
    const x = num(scrollXOf(window)) || 0, y = num(scrollYOf(window)) || 0;
    scrolled += Math.abs(x - lastX) + Math.abs(y - lastY);
    lastX = x; lastY = y;
    if (scrollTimer === null) scrollTimer = later('scroll', () => { scrollTimer = null; emit('scroll', { distance: Math.round(scrolled) }); scrolled = 0; }, 100);
  });

  // --- dialogs: the browser's own, recorded before they block the page and after they are answered ---
  const asText = (v) => { if (typeof v === 'string') return v; if (v === undefined) return ''; try { return '' + v; } catch (e) { return ''; } };
  for (const kind of ['alert', 'confirm', 'prompt']) {
    const orig = window[kind];
    window[kind] = function (message) {
      emit('dialog-open', { kind, message: trim(asText(message), 300) }, true);
      const result = apply(orig, this, arguments);
      emit('dialog-close', { kind, accepted: kind === 'alert' ? true : (kind === 'confirm' ? result === true : result !== null) });
      return result;
    };
  }

  // --- modal dialogs in the page: role=dialog, role=alertdialog, <dialog open>, aria-modal=true ---
  // Recorded when one comes into view (added shown, or shown by an attribute, class or style) and when it goes, the
  // outermost only (a dialog inside a modal is part of it). A modal put back as a new element with the same name (a
  // re-render) is the same modal. A modal already showing when the document loads opens with it.
  const MODALS = '[role=dialog],[role=alertdialog],dialog,[aria-modal=true]';
  const shown = (el) => {
    if (!isConnected(el)) return false;
    if (tag(el) === 'DIALOG' && !hasAttr(el, 'open')) return false;
    if (getAttr(el, 'aria-hidden') === 'true') return false;
    const v = checkVisibility(el, { visibilityProperty: true, checkVisibilityCSS: true });
    return v === undefined ? (rectsLength(rectsOf(el)) || 0) > 0 : v === true;
  };
  const modalKey = (el) => tag(el) + '|' + str(getAttr(el, 'role')) + '|' + accessibleName(el);
  let sweepTimer = null;
  const sweepModals = () => {
    sweepTimer = null;
    const s = cur();
    const root = rootOf(document);
    if (!isElement(root)) return;
    const open = nodes(queryAll(root, MODALS)).filter(shown);
    const outer = open.filter((el) => {
      for (let a = parentElement(el); isElement(a); a = parentElement(a)) {
        const up = closestOf(a, MODALS);
        if (!isElement(up)) return true;
        if (open.indexOf(up) >= 0) return false;
        a = up;
      }
      return true;
    });
    const before = s.modals.slice();
    const still = [];
    const added = [];
    for (const el of outer) {
      const i = before.findIndex((m) => m.el === el);
      if (i >= 0) { still.push(before[i]); before.splice(i, 1); } else added.push(el);
    }
    for (const el of added) {
      const key = modalKey(el);
      const i = before.findIndex((m) => m.key === key);
      if (i >= 0) { before.splice(i, 1); still.push({ el, key }); continue; }
      still.push({ el, key });
      let modal = false;
      try { modal = getAttr(el, 'aria-modal') === 'true' || matchesOf(el, ':modal') === true; } catch (e) { /* no :modal */ }
      emit('dialog-open', { kind: 'modal', role: role(el), modal, message: trim(accessibleName(el), 300), target: describe(el) });
    }
    for (const m of before) emit('dialog-close', { kind: 'modal', message: m.key.split('|')[2] || null });
    s.modals = still;
  };
  const sweepSoon = () => { if (sweepTimer === null) sweepTimer = later('modals', sweepModals, 0); };

  // --- what the page tells the person: validation messages, warnings and notices ---
  // Validation messages (about the person's input) are counted: constraint validation (the `invalid` event), fields
  // marked aria-invalid=true, and role=alert messages. Not counted as validation errors:
  //   - warnings: a role=alertdialog (a modal alert asks for a decision, e.g. a drug-interaction check), an alert
  //     whose id or class says "warn", or one the binding's `warnings` selectors match (an interaction warning, a
  //     clinical alert) — recorded as `warning`;
  //   - notices: live regions that are polite by nature (role=status, role=log, aria-live=polite, <output>) and
  //     role=alert messages that report success or information — by their class or id (success, info, notice: the
  //     MUI, Ant Design, Carbon and Bootstrap names) or their toast's (a container within three levels whose class
  //     names a toast, snackbar, notification, message, banner or callout and success, info or notice), or, failing
  //     that, by their words ("Patient updated", "Saved") with no word of failure — recorded as `notice`.
  record('invalid', 'validation', (e) => {
    const t = targetOf(e);
    return { source: 'constraint', message: trim(validationMessageOf(t), 200), target: describe(t) };
  });
  const ALERTS = '[role=alert],[role=alertdialog]';
  const LIVE = '[role=status],[role=log],[aria-live=polite],output';
  const MESSAGES = ALERTS + ',' + LIVE;
  const NOTICE_CLASS = /success|info|notice/i;
  // A container a toast library puts around its message (react-toastify: Toastify__toast--success around role=alert).
  const TOAST_CLASS = /toast|snackbar|notification|message|banner|callout/i;
  const SUCCESS_WORDS = /\b(saved|updated|created|added|submitted|sent|deleted|removed|successful|successfully|success|completed?|done)\b/i;
  const FAILURE_WORDS = /\b(not|no|never|fail|failed|failure|error|errors|invalid|required|cannot|can't|can’t|couldn't|could|unable|must|please|missing|wrong|denied)\b/i;
  const classAndId = (el) => str(idOf(el)) + ' ' + str(getAttr(el, 'class'));
  const kindOf = (el, text) => {
    if (isElement(closestOf(el, '[role=alertdialog]'))) return 'warning';
    if (WARNINGS.some((css) => { try { return isElement(closestOf(el, css)); } catch (e) { return false; } })) return 'warning';
    const r = str(getAttr(el, 'role'));
    if (r !== 'alert' || getAttr(el, 'aria-live') === 'polite') return 'notice';
    if (/warn/i.test(classAndId(el))) return 'warning';
    if (NOTICE_CLASS.test(classAndId(el))) return 'notice';
    let a = parentElement(el);
    for (let i = 0; i < 3 && isElement(a); i++, a = parentElement(a)) {
      const names = classAndId(a);
      if (TOAST_CLASS.test(names) && NOTICE_CLASS.test(names)) return 'notice';
    }
    if (SUCCESS_WORDS.test(text) && !FAILURE_WORDS.test(text)) return 'notice';
    return 'validation';
  };
  const checkMessage = (el) => {
    const s = cur();
    const text = trim(textOf(el), 200);
    if (!text) { s.seen.set(el, ''); return; } // emptied: the same words shown again are a new message
    if (s.seen.get(el) === text || (rectsLength(rectsOf(el)) || 0) === 0) return;
    s.seen.set(el, text);
    const kind = kindOf(el, text);
    const r = str(getAttr(el, 'role'));
    const source = r === 'alertdialog' ? 'role-alertdialog' : r === 'alert' ? 'role-alert' : r ? 'role-' + r : tag(el) === 'OUTPUT' ? 'output' : 'aria-live';
    emit(kind, { source, message: text, target: describe(el) });
  };
  const scan = (root) => {
    if (!isElement(root)) return;
    if (matchesOf(root, MESSAGES)) checkMessage(root);
    for (const el of nodes(queryAll(root, MESSAGES))) checkMessage(el);
  };
  const hostOf = (node) => {
    const el = isElement(node) ? node : parentElement(node);
    return isElement(el) ? closestOf(el, MESSAGES) : null;
  };
  // A field marked invalid while the person is still typing in it (a date entered section by section is invalid
  // until its year is in) is judged when they leave it: still invalid then, it is a validation error, at the moment it
  // was marked; valid again before, it was never one. The field's box: itself up to two levels up (a picker puts the
  // invalid mark on a hidden input beside the sections that hold the focus).
  const pendingInvalid = new Map();
  const boxOf = (el) => {
    let b = el;
    for (let i = 0; i < 2 && isElement(parentElement(b)); i++) b = parentElement(b);
    return b;
  };
  const typing = (el, focused) => isElement(focused) && containsNode(boxOf(el), focused) === true;
  judgeInvalid = (leavingFor) => {
    for (const [el, p] of Array.from(pendingInvalid)) {
      if (leavingFor !== undefined && typing(el, leavingFor)) continue;
      pendingInvalid.delete(el);
      if (getAttr(el, 'aria-invalid') === 'true') emit('validation', p.data, false, p.t);
    }
  };
  listen('focusout', (e) => { if (pendingInvalid.size) judgeInvalid(relatedTargetOf(e) || null); });
  const onMutations = (mutations) => {
    // The page changing, for the response being measured; not a style alone (a script's animation sets one every
    // frame, and would keep the page from ever settling).
    if (waiting !== null && mutations.some((m) => m.type !== 'attributes' || m.attributeName !== 'style')) changed();
    const scanned = new Set();
    for (const m of mutations) {
      try {
        if (m.type === 'attributes' && m.attributeName === 'aria-invalid') {
          const el = m.target;
          if (getAttr(el, 'aria-invalid') === 'true') {
            const data = { source: 'aria-invalid', message: null, target: describe(el) };
            if (typing(el, activeElementOf(document))) pendingInvalid.set(el, { t: now(), data });
            else emit('validation', data);
          } else {
            pendingInvalid.delete(el);
          }
        } else if (m.type === 'childList') {
          for (const n of nodes(m.addedNodes)) scan(n);
          const host = hostOf(m.target);
          if (isElement(host)) checkMessage(host);
        } else if (m.type === 'characterData') {
          const host = hostOf(m.target);
          if (isElement(host)) checkMessage(host);
        } else if (m.type === 'attributes') {
          if (isElement(m.target) && matchesOf(m.target, MESSAGES)) checkMessage(m.target);
          else if (isElement(m.target) && !scanned.has(m.target)) {
            // Shown or hidden by its container (a class, a style): the messages in it.
            scanned.add(m.target);
            for (const el of nodes(queryAll(m.target, MESSAGES))) checkMessage(el);
          }
        }
      } catch (err) {
        fault('mutation', err);
      }
    }
    sweepSoon();
  };
  const observeNative = method(proto('MutationObserver'), 'observe');
  observeDocument = () => {
    const d = document;
    const observe = guard('observe', () => {
      if (d !== document) return;
      const root = rootOf(d);
      if (!isElement(root)) return;
      observeNative(new MutationObserver(guard('mutations', (mutations) => { if (d === document) onMutations(mutations); })), root,
        { subtree: true, childList: true, characterData: true, attributes: true,
          attributeFilter: ['aria-invalid', 'role', 'hidden', 'style', 'class', 'open', 'aria-hidden', 'aria-modal', 'aria-live', 'disabled'] });
      scan(root);
      sweepModals();
    });
    // Watching the parse itself would hand every parsed node to onMutations: one scan once it is parsed does the same.
    if (readyStateOf(d) === 'loading') addListener(d, 'DOMContentLoaded', observe); else observe();
  };

  // --- script errors and failed requests ---
  // An error thrown by this script's own code (its file is SELF; every handler is guarded, so this is a last resort)
  // is Bedside's: recorder-error. Everything else is the page's: js-error.
  addListener(window, 'error', guard('error', (e) => {
    const target = targetOf(e);
    if (isElement(target)) {
      const src = getAttr(target, 'src') || getAttr(target, 'href');
      let url = null;
      try { url = src ? new URL(src, here()).href : null; } catch (err) { url = src; }
      emit('network-error', { url, status: null, kind: 'resource', target: describe(target) });
      return;
    }
    const file = str(errorFileOf(e));
    const stack = stackOf(errorOf(e));
    const firstFrame = (stack.split('\n').find((l) => /^\s+at /.test(l)) || '');
    if (file.indexOf(SELF) >= 0 || firstFrame.indexOf(SELF) >= 0) {
      emit('recorder-error', { where: 'uncaught', message: trim(errorMessageOf(e), 300), stack: stack.slice(0, 600) || null });
    } else {
      emit('js-error', { message: trim(errorMessageOf(e), 300), source: file || null, line: num(errorLineOf(e)) });
    }
  }), true);
  addListener(window, 'unhandledrejection', guard('unhandledrejection', (e) => {
    const reason = reasonOf(e);
    let message = '';
    try { message = reason && typeof reason.message === 'string' ? reason.message : asText(reason); } catch (err) { message = ''; }
    emit('js-error', { message: trim(message, 300), source: 'promise' });
  }));

  // Requests made by the page's scripts: start and end, so the JVM can tell how long the UI was busy, and so that a
  // response being measured waits for the requests its action started.
  let reqId = 0;
  const requestStarted = (id, method, url) => {
    emit('request-start', { id, method, url });
    if (waiting !== null) { waiting.open.add(id); waiting.requests++; changed(); }
  };
  const requestEnded = (id, status) => {
    emit('request-end', { id, status });
    if (waiting !== null && waiting.open.delete(id)) changed();
  };
  const hrefOf = getter(proto('URL'), 'href');
  const requestUrlOf = getter(proto('Request'), 'url');
  const requestMethodOf = getter(proto('Request'), 'method');
  const urlText = (u) => {
    if (typeof u === 'string') return u;
    const href = hrefOf(u);
    if (typeof href === 'string') return href;
    const r = requestUrlOf(u);
    return typeof r === 'string' ? r : asText(u);
  };
  const nativeFetch = window.fetch;
  if (nativeFetch) {
    const then = method(proto('Promise'), 'then');
    const statusOf = getter(proto('Response'), 'status');
    window.fetch = function (input, init) {
      let id = null;
      let url = null;
      try {
        url = urlText(input);
        let m = str(requestMethodOf(input)) || 'GET';
        try { if (init && typeof init.method === 'string') m = init.method; } catch (e) { /* the page's own object */ }
        id = ++reqId;
        requestStarted(id, m.toUpperCase(), url);
      } catch (err) { fault('fetch', err); }
      const p = apply(nativeFetch, this, arguments);
      if (id === null) return p;
      return then(p, (res) => {
        try {
          const status = num(statusOf(res));
          requestEnded(id, status);
          if (status >= 400) emit('network-error', { url, status, kind: 'fetch' });
        } catch (err) { fault('fetch', err); }
        return res;
      }, (err) => {
        try {
          requestEnded(id, null);
          emit('network-error', { url, status: null, kind: 'fetch', message: trim(errorText(err), 200) });
        } catch (e) { fault('fetch', e); }
        throw err;
      });
    };
  }
  const XHR = window.XMLHttpRequest;
  if (XHR) {
    const xp = XHR.prototype;
    const open = xp.open, sendXhr = xp.send;
    const statusOf = getter(xp, 'status');
    const requests = new WeakMap();
    xp.open = function (method, url) {
      try { requests.set(this, { method: str(method).toUpperCase() || 'GET', url: urlText(url) }); } catch (err) { fault('xhr', err); }
      return apply(open, this, arguments);
    };
    xp.send = function () {
      try {
        const info = requests.get(this) || { method: 'GET', url: '' };
        const id = ++reqId;
        const xhr = this;
        requestStarted(id, info.method, info.url);
        addListener(xhr, 'loadend', guard('xhr', () => {
          const status = num(statusOf(xhr)) || null;
          requestEnded(id, status);
          if (!status || status >= 400) emit('network-error', { url: info.url, status, kind: 'xhr' });
        }));
      } catch (err) { fault('xhr', err); }
      return apply(sendXhr, this, arguments);
    };
  }

  if (FAULTS.indexOf('uncaught') >= 0) setTimeout(() => { throw new Error('fault injected outside the guards'); }, 0);
  cur();
}
