/* The partner chooser (directory/choosers.py): opens Wagtail's chooser modal with several organisations
   selectable and keeps one hidden input per chosen organisation. */
(function () {
  'use strict';

  function addChosen(root, item) {
    var list = root.querySelector('[data-organisations-chooser-list]');
    if (list.querySelector('[data-organisation-id="' + item.id + '"]')) {
      return;
    }
    var template = root.querySelector('[data-organisations-chooser-template]');
    var row = template.content.firstElementChild.cloneNode(true);
    row.setAttribute('data-organisation-id', item.id);
    row.querySelector('input').value = item.id;
    row.querySelector('.organisations-chooser__name').textContent = item.string || item.title || '';
    row.querySelector('.w-sr-only').textContent = item.string || item.title || '';
    list.appendChild(row);
  }

  function refresh(root) {
    var empty = root.querySelector('[data-organisations-chooser-empty]');
    empty.hidden = root.querySelectorAll('[data-organisation-id]').length > 0;
  }

  function open(root) {
    var handlers = window.CHOOSER_MODAL_ONLOAD_HANDLERS;
    window.ModalWorkflow({
      url: root.getAttribute('data-chooser-url'),
      urlParams: { multiple: 1 },
      onload: handlers,
      responses: {
        chosen: function (result) {
          (Array.isArray(result) ? result : [result]).forEach(function (item) {
            addChosen(root, item);
          });
          refresh(root);
          root.querySelector('[data-organisations-chooser-open]').focus();
        },
      },
    });
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-organisations-chooser-open], [data-organisations-chooser-remove]');
    if (!target) {
      return;
    }
    var root = target.closest('[data-organisations-chooser]');
    if (target.hasAttribute('data-organisations-chooser-open')) {
      open(root);
    } else {
      target.closest('li').remove();
      refresh(root);
      root.querySelector('[data-organisations-chooser-open]').focus();
    }
  });
})();
