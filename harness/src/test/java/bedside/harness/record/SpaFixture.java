package bedside.harness.record;

import io.javalin.Javalin;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small single-page clinical app in plain HTML and JavaScript that does what real React apps did to the recorder
 * (issue 19): a form whose inputs are named {@code id}, {@code submit}, {@code tagName}... (DOM clobbering: the form's
 * own properties become those inputs) and whose nodes carry React-style circular expandos; a native {@code <select>};
 * {@code history.pushState} route changes; a {@code role=dialog} modal and a native {@code <dialog>} opened with
 * {@code showModal()}; a {@code role=status} live region, a {@code role=alert} success toast and a {@code role=alert}
 * validation message; content fetched with {@code fetch} from an API that answers after {@link #DELAY_MS}.
 *
 * <p>Routes: {@code /app/search} (search by name, results by fetch), {@code /app/patient/1} (edit: name, severity,
 * Save asks in a modal, then saves by fetch and goes on to the summary), {@code /app/patient/1/summary} (Print opens a
 * native dialog; Finish goes to {@code /app/done}). Every {@code /app/...} path serves the same shell, as an SPA
 * server does. {@code /plain} is a page with the other clobbering and notice cases for the recorder tests.
 */
final class SpaFixture implements AutoCloseable {
    static final long DELAY_MS = 300;

    final Javalin app;
    final AtomicInteger saves = new AtomicInteger();

    SpaFixture() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.defaultContentType = "text/html; charset=utf-8";
            var r = cfg.routes;
            r.get("/app.js", ctx -> ctx.contentType("text/javascript").result(APP));
            r.get("/app/*", ctx -> ctx.html(SHELL));
            r.get("/api/patients", ctx -> {
                Thread.sleep(DELAY_MS);
                ctx.contentType("application/json").result("[{\"id\":1,\"name\":\"Ann Smith\"}]");
            });
            r.post("/api/patients/1", ctx -> {
                Thread.sleep(DELAY_MS);
                saves.incrementAndGet();
                ctx.contentType("application/json").result("{\"ok\":true}");
            });
            r.get("/plain", ctx -> ctx.html(PLAIN));
        }).start("127.0.0.1", 0);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    String url(String path) {
        return baseUrl() + path;
    }

    @Override
    public void close() {
        app.stop();
    }

    static final String SHELL = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Clinic</title>
            <style>
              .backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.3); display: flex; align-items: center; justify-content: center; }
              [role=dialog] { background: #fff; padding: 1em; }
              .toast { position: fixed; bottom: 1em; right: 1em; background: #dfd; padding: .5em; }
            </style></head>
            <body><nav><a href="/app/search" data-link>Search</a></nav><main id="app"></main>
            <div id="live" role="status" aria-live="polite"></div>
            <script src="/app.js"></script></body></html>
            """;

    /** The app. Everything it renders gets React-style expandos that point back at the node (circular). */
    static final String APP = """
            (function () {
              'use strict';
              const FIBER = '__reactFiber$bx7k2', PROPS = '__reactProps$bx7k2';
              const own = (root) => {
                for (const el of [root, ...root.querySelectorAll('*')]) {
                  const fiber = { stateNode: el, tag: 5 };
                  fiber.return = fiber;
                  el[FIBER] = fiber;
                  el[PROPS] = { ref: fiber, owner: el };
                }
              };
              const app = document.getElementById('app');
              const live = document.getElementById('live');
              const show = (html) => { app.innerHTML = html; own(app); };
              const go = (path) => { history.pushState({ path }, '', path); render(); };
              const say = (text) => { live.textContent = text; };

              const search = () => {
                show('<h1>Find patient</h1>'
                  + '<form id="find" novalidate><label for="q">Patient name</label> <input id="q" name="q" autocomplete="off">'
                  + ' <button type="submit" id="search">Search</button></form><ul id="results"></ul>');
                document.getElementById('find').addEventListener('submit', (e) => {
                  e.preventDefault();
                  say('Searching…');
                  fetch('/api/patients?q=' + encodeURIComponent(document.getElementById('q').value))
                    .then((r) => r.json())
                    .then((list) => {
                      const ul = document.getElementById('results');
                      ul.innerHTML = list.map((p) => '<li><a href="/app/patient/' + p.id + '" data-link>' + p.name + '</a></li>').join('');
                      own(ul);
                      say(list.length + ' patient found');
                    });
                });
              };

              const edit = () => {
                // Inputs named after the properties a recorder reads: form.id, form.tagName... are these inputs. (Not
                // parentNode, parentElement or nodeType: Selenium's own scripts loop for ever on such a form.)
                const clobber = ['id', 'submit', 'tagName', 'localName', 'getAttribute', 'closest', 'matches', 'children',
                  'textContent', 'querySelectorAll', 'getClientRects', 'labels', 'type', 'value', 'name', 'className',
                  'attributes', 'hasAttribute', 'action', 'method', 'title']
                  .map((n) => '<input type="hidden" name="' + n + '" value="x">').join('');
                show('<h1>Edit patient</h1>'
                  + '<form id="edit" class="patient-form" novalidate onclick="">'
                  + clobber + '<h2 id="edit-title">Ann Smith</h2>'
                  + '<p><label for="name">Name</label> <input id="name" name="fullName" autocomplete="off"></p>'
                  + '<p id="name-slot"></p>'
                  + '<p><label for="severity">Severity</label> <select id="severity" name="severity">'
                  + '<option value="">Choose…</option><option>Mild</option><option>Moderate</option><option>Severe</option></select></p>'
                  + '<p><button type="submit" id="save">Save</button></p></form>');
                const form = document.getElementById('edit');
                form.addEventListener('submit', (e) => {
                  e.preventDefault();
                  const slot = document.getElementById('name-slot');
                  slot.innerHTML = '';
                  if (!document.getElementById('name').value.trim()) {
                    slot.innerHTML = '<span class="field-error" role="alert">Enter the patient\\'s name</span>';
                    own(slot);
                    return;
                  }
                  const back = document.createElement('div');
                  back.className = 'backdrop';
                  back.innerHTML = '<div role="dialog" aria-modal="true" aria-labelledby="confirm-title" id="confirm">'
                    + '<h2 id="confirm-title">Save changes?</h2>'
                    + '<button type="button" id="confirm-yes">Confirm</button> <button type="button" id="confirm-no">Cancel</button></div>';
                  own(back);
                  document.body.appendChild(back);
                  document.getElementById('confirm-no').addEventListener('click', () => back.remove());
                  document.getElementById('confirm-yes').addEventListener('click', () => {
                    back.remove();
                    say('Saving…');
                    fetch('/api/patients/1', { method: 'POST', body: new FormData(form) })
                      .then((r) => r.json())
                      .then(() => {
                        const toast = document.createElement('div');
                        toast.className = 'toast toast-success';
                        toast.setAttribute('role', 'alert');
                        toast.textContent = 'Patient updated';
                        own(toast);
                        document.body.appendChild(toast);
                        setTimeout(() => toast.remove(), 4000);
                        say('');
                        go('/app/patient/1/summary');
                      });
                  });
                });
              };

              const summary = () => {
                show('<h1>Patient summary</h1><p>Ann Smith</p>'
                  + '<p><button type="button" id="print">Print summary</button> <a href="/app/done" data-link id="finish">Finish</a></p>'
                  + '<dialog id="print-dialog" aria-labelledby="print-title"><h2 id="print-title">Print</h2>'
                  + '<button type="button" id="print-close">Close</button></dialog>');
                const dialog = document.getElementById('print-dialog');
                document.getElementById('print').addEventListener('click', () => dialog.showModal());
                document.getElementById('print-close').addEventListener('click', () => dialog.close());
              };

              const done = () => show('<h1>Done</h1><p><a href="/app/search" data-link>Search again</a></p>');

              const render = () => {
                const p = location.pathname;
                if (p === '/app/patient/1') edit();
                else if (p === '/app/patient/1/summary') summary();
                else if (p === '/app/done') done();
                else search();
              };
              document.addEventListener('click', (e) => {
                const a = e.target.closest && e.target.closest('a[data-link]');
                if (a) { e.preventDefault(); go(a.getAttribute('href')); }
              });
              window.addEventListener('popstate', render);
              render();
            })();
            """;

    /**
     * A static page for the recorder tests: a clobbered form (also clobbering {@code document.getElementById}) on a
     * page that sabotages {@code Array.prototype.toJSON} as old libraries did, a
     * native select, a button, notices (role=status, aria-live=polite, a success toast with role=alert), an on-page
     * validation message, and modals shown by attribute ({@code role=dialog} hidden then shown, {@code <dialog open>},
     * {@code aria-modal=true}), each made to appear by a button.
     */
    static final String PLAIN = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Plain</title>
            <style>.hidden { display: none; } .closed { visibility: hidden; }</style></head><body>
            <h1>Plain</h1>
            <img name="getElementById" alt="" width="1" height="1">
            <form id="f" name="f" aria-labelledby="f-title"><input type="hidden" name="id"><input type="hidden" name="submit">
              <input type="hidden" name="tagName"><input type="hidden" name="getAttribute"><input type="hidden" name="closest">
              <span id="f-title">Clobbered</span>
              <label for="note">Note</label> <input id="note">
              <label for="sev">Severity</label> <select id="sev"><option value="">-</option><option>Mild</option><option>Severe</option></select>
              <button type="submit" id="go">Go</button>
            </form>
            <button type="button" id="kbd">Keyboard</button> <button type="button" id="leave">Leave</button>
            <p><button type="button" id="show-status">status</button> <button type="button" id="show-polite">polite</button>
               <button type="button" id="show-toast">toast</button> <button type="button" id="show-library-toast">library toast</button>
               <button type="button" id="show-error">error</button>
               <button type="button" id="show-warning">warning</button>
               <button type="button" id="show-modal">modal</button> <button type="button" id="show-dialog">dialog</button>
               <button type="button" id="show-aria-modal">aria-modal</button> <button type="button" id="hide-all">hide</button></p>
            <div id="status" role="status"></div>
            <div id="polite" aria-live="polite"></div>
            <div class="patient-info"><div id="slot"></div></div>
            <div id="modal" role="dialog" aria-label="Modal by class" class="hidden"><button type="button">in modal</button></div>
            <dialog id="dlg" aria-label="Native"><button type="button">in dialog</button></dialog>
            <div id="am" aria-modal="true" aria-label="Aria modal" class="closed"><div role="dialog" aria-label="inner">nested</div></div>
            <script>
              // What old libraries (Prototype.js) did to the platform: arrays that turn into strings in JSON. (A page
              // that replaces JSON.stringify itself cannot be driven: chromedriver's own scripts need it.)
              Array.prototype.toJSON = function () { return 'sabotaged'; };
              const $ = (id) => document.querySelector('#' + id);
              document.getElementById = null; // as clobbered by the img above, but for sure
              const fiber = (el) => { const f = { stateNode: el }; f.self = f; el.__reactFiber$q = f; };
              document.querySelectorAll('*').forEach(fiber);
              $('f').addEventListener('submit', (e) => e.preventDefault());
              $('show-status').onclick = () => { $('status').textContent = 'Saved draft'; };
              $('show-polite').onclick = () => { $('polite').textContent = '3 results'; };
              $('show-toast').onclick = () => { $('slot').innerHTML = '<div role="alert" class="toast">Patient updated</div>'; };
              $('show-library-toast').onclick = () => { $('slot').innerHTML = '<div class="Toastify__toast Toastify__toast--success">'
                + '<div role="alert" class="Toastify__toast-body">Allergy recorded</div></div>'; };
              $('show-error').onclick = () => { $('slot').innerHTML = '<div role="alert">Enter a note</div>'; };
              $('show-warning').onclick = () => { $('slot').innerHTML = '<div role="alert" class="ward-banner">Ward closed today</div>'; };
              $('show-modal').onclick = () => $('modal').classList.remove('hidden');
              $('show-dialog').onclick = () => $('dlg').setAttribute('open', '');
              $('show-aria-modal').onclick = () => $('am').classList.remove('closed');
              $('hide-all').onclick = () => { $('modal').classList.add('hidden'); $('dlg').removeAttribute('open'); $('am').classList.add('closed'); };
              $('leave').onclick = () => setTimeout(() => { location.href = '/plain?left=1'; }, 30);
              $('kbd').onclick = () => { document.body.dataset.kbd = String(Number(document.body.dataset.kbd || 0) + 1); };
            </script></body></html>
            """;
}
