// Streamlined EHR (sample): search as you type and inline forms. Plain JavaScript, no libraries.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // ---- patient search as you type
  var search = document.getElementById('patient-search');
  if (search) {
    var list = document.getElementById('patient-results');
    var count = document.getElementById('patient-results-count');
    var seq = 0;
    var run = debounce(function () {
      var q = search.value.trim();
      var mine = ++seq;
      if (q.length === 0) {
        list.innerHTML = '';
        count.textContent = '';
        return;
      }
      fetch(search.getAttribute('data-search-url') + '?q=' + encodeURIComponent(q), {
        headers: { 'Accept': 'application/json' }
      }).then(function (r) {
        if (r.status === 401) { window.location = '/login'; throw new Error('signed out'); }
        return r.json();
      }).then(function (body) {
        if (mine !== seq) { return; }
        list.innerHTML = '';
        body.patients.forEach(function (p) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = p.href;
          a.textContent = p.label;
          li.appendChild(a);
          list.appendChild(li);
        });
        count.textContent = body.summary;
      }).catch(function () { /* keep the previous list */ });
    }, 120);
    search.addEventListener('input', run);
    search.form.addEventListener('submit', function (e) {
      // Enter opens the only match; otherwise the list is already shown.
      var links = list.querySelectorAll('a');
      if (links.length === 1) { e.preventDefault(); window.location = links[0].href; }
    });
    if (search.value.trim() !== '') { run(); }
  }

  // ---- inline "add" forms: a toggle button, a form, a status line
  function inlineForm(toggleId, formId, cancelId) {
    var toggle = document.getElementById(toggleId);
    var form = document.getElementById(formId);
    if (!toggle || !form) { return null; }
    function open(show) {
      form.hidden = !show;
      toggle.setAttribute('aria-expanded', String(show));
      if (show) {
        var first = form.querySelector('input:not([type=hidden]), select, textarea');
        if (first) { first.focus(); }
      } else {
        toggle.focus();
      }
    }
    toggle.addEventListener('click', function () { open(form.hidden); });
    var cancel = document.getElementById(cancelId);
    if (cancel) { cancel.addEventListener('click', function () { clearErrors(form); form.reset(); open(false); }); }
    return { form: form, open: open };
  }

  function clearErrors(form) {
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    form.querySelectorAll('.error-text').forEach(function (el) { el.textContent = ''; el.hidden = true; });
    form.querySelectorAll('.field.invalid').forEach(function (el) { el.classList.remove('invalid'); });
  }

  function showError(form, name, message) {
    var input = form.elements[name];
    if (!input) { return; }
    var el = input.length && !input.tagName ? input[0] : input;
    var err = document.getElementById(el.id + '-error');
    if (input.tagName) { input.setAttribute('aria-invalid', 'true'); }
    var field = el.closest('.field');
    if (field) { field.classList.add('invalid'); }
    if (err) { err.textContent = message; err.hidden = false; }
  }

  function post(form) {
    return fetch(form.action, {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (r) {
      if (r.status === 401) { window.location = '/login'; throw new Error('signed out'); }
      return r.json().then(function (body) { return { status: r.status, body: body }; });
    });
  }

  // ---- allergies
  var allergy = inlineForm('add-allergy', 'allergy-form', 'cancel-allergy');
  if (allergy) {
    var status = document.getElementById('allergy-status');
    var substance = document.getElementById('allergy-substance');
    substance.addEventListener('input', function () {
      if (substance.value.trim() !== '') {
        substance.removeAttribute('aria-invalid');
        substance.closest('.field').classList.remove('invalid');
        var err = document.getElementById('allergy-substance-error');
        err.textContent = ''; err.hidden = true;
      }
    });
    allergy.form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors(allergy.form);
      if (substance.value.trim() === '') {
        showError(allergy.form, 'substance', 'Enter the substance, for example Penicillin');
        substance.focus();
        return;
      }
      var button = allergy.form.querySelector('button[type=submit]');
      button.disabled = true;
      post(allergy.form).then(function (res) {
        button.disabled = false;
        if (res.status === 201) {
          var list = document.getElementById('allergy-list');
          var empty = list.querySelector('.empty');
          if (empty) { empty.remove(); }
          list.insertAdjacentHTML('beforeend', res.body.itemHtml);
          document.getElementById('banner-allergies').textContent = res.body.bannerAllergies;
          document.getElementById('banner-allergies').parentElement.classList.add('warn');
          allergy.form.reset();
          allergy.open(false);
          status.textContent = res.body.message;
        } else if (res.body && res.body.errors) {
          Object.keys(res.body.errors).forEach(function (k) { showError(allergy.form, k, res.body.errors[k]); });
          var bad = allergy.form.querySelector('[aria-invalid=true]');
          if (bad) { bad.focus(); }
        }
      }).catch(function () { button.disabled = false; });
    });
  }

  // ---- generic inline forms (event delegation, so re-rendered sections keep working)
  function chartStatus(message) {
    var st = document.getElementById('chart-status');
    if (st) { st.textContent = ''; setTimeout(function () { st.textContent = message; }, 30); }
  }

  function setOpen(toggle, form, show) {
    form.hidden = !show;
    if (toggle) { toggle.setAttribute('aria-expanded', String(show)); }
    if (show) {
      var first = form.querySelector('input:not([type=hidden]), select, textarea');
      if (first) { first.focus(); }
    }
  }

  document.addEventListener('click', function (e) {
    var toggle = e.target.closest('[data-toggle]');
    if (toggle) {
      var form = document.getElementById(toggle.getAttribute('data-toggle'));
      if (form) { setOpen(toggle, form, form.hidden); }
      return;
    }
    var cancel = e.target.closest('[data-cancel]');
    if (cancel) {
      var f = document.getElementById(cancel.getAttribute('data-cancel'));
      if (f) {
        clearErrors(f);
        f.reset();
        var t = document.querySelector('[data-toggle="' + f.id + '"]');
        setOpen(t, f, false);
        if (t) { t.focus(); }
      }
    }
  });

  function showNamedError(form, name, message) {
    var els = form.querySelectorAll('[name="' + name + '"]');
    els.forEach(function (el) { el.setAttribute('aria-invalid', 'true'); });
    var err = document.getElementById(form.id + '-' + name + '-error');
    if (err) {
      err.textContent = message;
      err.hidden = false;
      var field = err.closest('.field');
      if (field) { field.classList.add('invalid'); }
    }
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList || !form.classList.contains('js-inline')) { return; }
    e.preventDefault();
    clearErrors(form);
    var button = form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; }
    post(form).then(function (res) {
      if (button) { button.disabled = false; }
      if (res.status === 201) {
        var dialog = form.closest('dialog');
        if (dialog) { dialog.close(); dialog.remove(); }
        var section = document.getElementById(res.body.section);
        if (section) { section.outerHTML = res.body.html; }
        chartStatus(res.body.message);
      } else if (res.body && res.body.errors) {
        Object.keys(res.body.errors).forEach(function (k) { showNamedError(form, k, res.body.errors[k]); });
        var bad = form.querySelector('[aria-invalid=true]');
        if (bad) { bad.focus(); }
      }
    }).catch(function () { if (button) { button.disabled = false; } });
  });

  // ---- clinical decision support alert: modal until acknowledged
  var cds = document.getElementById('cds-alert');
  if (cds && typeof cds.showModal === 'function') {
    cds.close();
    cds.showModal();
    cds.addEventListener('cancel', function (e) { e.preventDefault(); });
  }

  // ---- prescribing: defaults and warnings as soon as a medicine is chosen
  var rx = document.getElementById('prescribe');
  if (rx) {
    var med = document.getElementById('prescribe-medication');
    var touched = {};
    ['dose', 'route', 'frequency', 'days'].forEach(function (n) {
      var el = document.getElementById('prescribe-' + n);
      el.addEventListener('input', function () { touched[n] = true; });
    });
    if (document.getElementById('prescribe-dose').value) { touched.dose = touched.route = touched.frequency = touched.days = true; }
    var last = null;
    var check = debounce(function () {
      var value = med.value.trim();
      if (value === last) { return; }
      last = value;
      fetch(rx.getAttribute('data-check-url') + '?medication=' + encodeURIComponent(value), {
        headers: { 'Accept': 'application/json' }
      }).then(function (r) { return r.json(); }).then(function (body) {
        if (med.value.trim() !== value) { return; }
        if (body.defaults) {
          ['dose', 'route', 'frequency', 'days'].forEach(function (n) {
            var el = document.getElementById('prescribe-' + n);
            if (!touched[n]) { el.value = body.defaults[n]; }
          });
        }
        document.getElementById('prescribe-warnings-slot').innerHTML = body.warningsHtml;
      });
    }, 150);
    med.addEventListener('input', check);
    med.addEventListener('change', check);
  }
})();
