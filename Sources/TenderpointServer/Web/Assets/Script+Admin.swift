extension Script {
    /// The conveniences of the admin pages (the pages work without them): a form marked
    /// `data-confirm` (deactivating an account, which ends its sign-ins at once) asks first.
    static let admin = """
    (function () {
      "use strict";
      document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
          if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
        });
      });
    })();

    """
}
