/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");

  // A collapsible main menu on narrow screens. The stylesheet shows the toggle and hides the closed list
  // (html.js is set in base.html's head); this only flips aria-expanded. Without JavaScript the list is always shown.
  function setUpMainNav(nav) {
    var button = nav.querySelector(".main-nav__toggle");
    if (!button) return;
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  // A <details data-open-from="48em"> is collapsed on narrow screens (so a phone reaches what follows it
  // quickly) and opened on wider ones, where it fits beside its neighbour. Without JavaScript it stays collapsed.
  function setUpOpenFrom(details) {
    var query = window.matchMedia("(min-width: " + details.getAttribute("data-open-from") + ")");
    // On load only open (a narrow screen keeps what the server chose, e.g. filters already in use);
    // when the window is resized across the width, follow it.
    if (query.matches) details.open = true;
    query.addEventListener("change", function () {
      details.open = query.matches;
    });
  }

  function init() {
    document.querySelectorAll("[data-main-nav]").forEach(setUpMainNav);
    document.querySelectorAll("details[data-open-from]").forEach(setUpOpenFrom);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
