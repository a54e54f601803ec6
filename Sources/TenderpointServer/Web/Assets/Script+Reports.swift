extension Script {
    /// The outcome report is computed from every session in the filters when the form is sent:
    /// on a clinic of thousands of patients that takes seconds, so the page says so at once and
    /// the button cannot be pressed twice.
    static let reports = """
    (function () {
      "use strict";
      var form = document.querySelector("form.report-filters");
      var progress = document.getElementById("report-progress");
      if (!form || !progress) { return; }
      var button = form.querySelector("button[type=submit]");
      form.addEventListener("submit", function () {
        if (button) { button.disabled = true; }
        progress.textContent = "Computing the report from every session in the filters… " +
          "On a large clinic this takes a few seconds.";
      });
      // Back to this page from the browser's cache: ready again.
      window.addEventListener("pageshow", function () {
        if (button) { button.disabled = false; }
        progress.textContent = "";
      });
    })();

    """
}
