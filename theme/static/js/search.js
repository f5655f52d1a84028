// Pagefind's search box; the bundle path comes from the page, so a project-page subpath works.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") { return; }
  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI).pathname;
  new PagefindUI({ element: "#search", bundlePath: bundle, showImages: false, resetStyles: false });
  // give the generated input a proper accessible name
  function label() {
    var input = box.querySelector("input");
    if (input && !input.hasAttribute("aria-label")) { input.setAttribute("aria-label", "Search the briefings"); }
    return Boolean(input);
  }
  if (!label()) {
    var watch = new MutationObserver(function () { if (label()) { watch.disconnect(); } });
    watch.observe(box, { childList: true, subtree: true });
  }
});
