extension Script {
    /// The conveniences of the schedule (the pages work without them): a question before a
    /// cancellation, and a button that copies a new calendar feed link.
    static let schedule = """
    (function () {
      "use strict";
      document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
          if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
        });
      });
      var link = document.getElementById("feed-url");
      if (link && navigator.clipboard) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.textContent = "Copy the link";
        button.addEventListener("click", function () {
          navigator.clipboard.writeText(link.value).then(function () { button.textContent = "Copied"; });
        });
        link.insertAdjacentElement("afterend", button);
      }
      if (link) { link.addEventListener("focus", function () { link.select(); }); }
    })();

    """
}
