// Light/dark toggle that remembers the choice; the page follows the system setting until then.
(function () {
  "use strict";
  var root = document.documentElement;
  var key = "briefing-theme";
  function stored() {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function current() {
    return stored() || (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  }
  function apply(theme) {
    root.setAttribute("data-theme", theme);
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.textContent = theme === "dark" ? "Light mode" : "Dark mode";
      button.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    }
  }
  if (stored()) { root.setAttribute("data-theme", stored()); }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    apply(current());
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var next = current() === "dark" ? "light" : "dark";
        try { window.localStorage.setItem(key, next); } catch (e) { /* private mode: not remembered */ }
        apply(next);
      });
    }
  });
})();
