/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  // A collapsible main menu on narrow screens. Without JavaScript the list is always shown.
  function setUpMainNav(nav) {
    var button = nav.querySelector(".main-nav__toggle");
    var list = nav.querySelector(".main-nav__list");
    if (!button || !list) return;
    var narrow = window.matchMedia("(max-width: 47.99rem)");
    function apply() {
      if (narrow.matches) {
        button.hidden = false;
        var open = button.getAttribute("aria-expanded") === "true";
        list.hidden = !open;
      } else {
        button.hidden = true;
        list.hidden = false;
      }
    }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", open ? "false" : "true");
      apply();
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        apply();
        button.focus();
      }
    });
    if (narrow.addEventListener) narrow.addEventListener("change", apply);
    apply();
  }

  // Filter forms submit themselves when a select changes, if they ask for it.
  function setUpAutoSubmit(form) {
    form.addEventListener("change", function (event) {
      if (event.target.matches("select, input[type=checkbox], input[type=radio]")) {
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
  }

  function init() {
    document.querySelectorAll("[data-main-nav]").forEach(setUpMainNav);
    document.querySelectorAll("form[data-auto-submit]").forEach(setUpAutoSubmit);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
