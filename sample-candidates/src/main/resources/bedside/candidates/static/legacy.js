// CIS menu bar: click a menu to open it; a submenu entry opens a further submenu. Plain JavaScript.
(function () {
  'use strict';
  var bar = document.querySelector('.menubar');
  if (!bar) { return; }

  function setOpen(button, open) {
    var menu = document.getElementById(button.getAttribute('aria-controls'));
    button.setAttribute('aria-expanded', String(open));
    if (menu) {
      menu.hidden = !open;
      if (!open) {
        menu.querySelectorAll('button.menu-button').forEach(function (b) { setOpen(b, false); });
      }
    }
  }

  function closeAll(except) {
    bar.querySelectorAll('li.top > button.menu-button').forEach(function (b) {
      if (b !== except) { setOpen(b, false); }
    });
  }

  bar.addEventListener('click', function (e) {
    var button = e.target.closest('button.menu-button');
    if (!button) { return; }
    e.stopPropagation();
    var open = button.getAttribute('aria-expanded') !== 'true';
    if (button.parentElement.classList.contains('top')) {
      closeAll(button);
    } else {
      // close sibling submenus at the same level
      button.parentElement.parentElement.querySelectorAll(':scope > li > button.menu-button').forEach(function (b) {
        if (b !== button) { setOpen(b, false); }
      });
    }
    setOpen(button, open);
  });

  document.addEventListener('click', function (e) {
    if (!bar.contains(e.target)) { closeAll(null); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { closeAll(null); }
  });
})();
