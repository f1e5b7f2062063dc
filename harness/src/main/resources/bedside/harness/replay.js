// Bedside's DOM replay of an attempt: rrweb's recorder (bundled at build time, never fetched), put into every top-level
// document beside recorder.js by the same CdpChannel script, sending its events to the JVM through the same `send`.
//
// Privacy: every input's value is masked in the page (maskAllInputs: typed characters become '*'), and so is the text
// of the elements the binding marks as patient data (its `patientData` CSS selectors, given by Recorder as MASK_TEXT),
// and of everything inside them. What leaves the page is already masked.
//
// Light: rrweb's events are kept in the page and sent in batches (every 500 ms; at once after a full snapshot, a click
// or a touch, and when a form is sent or the page goes away); the JVM orders them by their timestamps. Same-origin
// iframes are recorded by their top document's rrweb; this script does nothing inside a frame.
//
// Never in the way: whatever fails here is caught, sent as a `problem` (the attempt then says its replay is
// incomplete and why), and never reaches the page or the measured recorder.
(send, loadRrweb, MASK_TEXT) => {
  if (window !== window.top || window.__bedsideReplay) return;
  // Only the candidate's own pages: not the browser's error page (chrome-error://, the candidate unreachable) nor
  // about:blank.
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const stringify = JSON.stringify; // taken before the page's scripts run
  const setInterval_ = window.setInterval;
  const addEventListener_ = window.addEventListener;
  const doc = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const BATCH = 500;
  let seq = 0;
  let buffer = [];
  // `{"replay":1,…` first: how Recorder tells these messages from recorder.js's.
  const post = (events, problem) => send(stringify({ replay: 1, doc, seq: seq++, events, problem }));
  const problem = (where, err) => {
    try { post([], where + ': ' + String(err && err.message || err)); } catch (e) { /* nothing to do */ }
  };
  const flush = () => {
    if (!buffer.length) return;
    const events = buffer;
    buffer = [];
    try { post(events); } catch (err) { problem('send', err); }
  };
  // The binding's patient data selectors, each checked: one that is not CSS masks every text instead (never less).
  let maskText = null;
  try {
    const probe = document.createDocumentFragment();
    for (const selector of MASK_TEXT) probe.querySelector(selector);
    maskText = MASK_TEXT.length ? MASK_TEXT.join(', ') : null;
  } catch (err) {
    maskText = '*';
    problem('patientData', err);
  }
  try {
    Object.defineProperty(window, '__bedsideReplay', {
      value: Object.freeze({ doc, flush, sent: () => seq }), enumerable: false, configurable: false, writable: false
    });
  } catch (err) { problem('install', err); return; }
  // rrweb's MouseInteraction (source 2) of kind Click (2) or TouchStart (7).
  const act = (e) => e.type === 3 && e.data && e.data.source === 2 && (e.data.type === 2 || e.data.type === 7);
  let rrweb;
  try { rrweb = loadRrweb(); } catch (err) { problem('load', err); return; }
  try {
    rrweb.record({
      emit(event) {
        buffer.push(event);
        // A full snapshot is the screen itself: sent at once, so a page that goes away right after still has one. So
        // is a click or a touch, while the page still runs its handler: it may leave the page (a link, a form's
        // button), and what is sent as a page unloads is lost — the replay would never show the act that left it.
        if (event.type === 2 || buffer.length >= BATCH || act(event)) flush();
      },
      maskAllInputs: true,
      maskTextSelector: maskText,
      recordCanvas: false,
      collectFonts: false,
      inlineImages: false,
      sampling: { mousemove: 100, scroll: 150, input: 'last' }
    });
  } catch (err) { problem('record', err); return; }
  setInterval_.call(window, () => flush(), 500);
  // A form sent with the keyboard (Enter) leaves the page with no click: what was typed goes before it does.
  addEventListener_.call(window, 'submit', () => flush(), true);
  addEventListener_.call(window, 'pagehide', () => flush(), true);
}
