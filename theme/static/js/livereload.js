// Only in `invoke livereload` builds: reload the page when the build id changes.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-build-id");
  if (!url) { return; }
  var seen = null;
  function poll() {
    fetch(url, { cache: "no-store" }).then(function (r) { return r.ok ? r.text() : null; }).then(function (id) {
      if (id && seen && id !== seen) { window.location.reload(); return; }
      if (id) { seen = id; }
      window.setTimeout(poll, 200);
    }, function () { window.setTimeout(poll, 1000); });
  }
  poll();
})();
