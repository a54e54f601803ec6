extension Script {
    /// The conveniences of session charting; the page works without them (a fixed number of rows
    /// with a "More rows" button, and the totals after "Check totals" or a refused submit).
    /// - a tender point tapped on the body chart fills the next empty row's site;
    /// - rows are added and removed in place (renumbered, so the form posts `site1…siteN`);
    /// - as the rows change, the form's JSON body goes to `/patients/{id}/sessions/check` (the
    ///   API's dry run, with the page's session and CSRF header) and the core's figures and
    ///   problems are shown: volume per row, per site, per session and over the window. The
    ///   script computes no figure itself.
    static let session = #"""
    (function () {
      "use strict";
      var form = document.querySelector("form[data-session-check]");
      if (!form) { return; }
      var tbody = form.querySelector("table.injection-rows tbody");
      var totals = document.getElementById("totals-body");
      if (!tbody || !totals) { return; }
      var maximumRows = 60;
      var monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
      var dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

      var rows = function () { return Array.prototype.slice.call(tbody.rows); };
      var field = function (row, prefix) { return row.querySelector("[name^=" + prefix + "]"); };
      var element = function (name, text, className) {
        var node = document.createElement(name);
        if (text !== undefined) { node.textContent = text; }
        if (className) { node.className = className; }
        return node;
      };
      // As the server writes them: "12.5 U", "Tue 3 Mar 2026", "0.3125 mL".
      var units = function (amount) { return amount + " U"; };
      var date = function (iso) {
        var parts = iso.split("-");
        var day = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
        return dayNames[day.getUTCDay()] + " " + day.getUTCDate() + " " + monthNames[day.getUTCMonth()] + " " + day.getUTCFullYear();
      };
      var sessions = function (count) { return count === 1 ? "1 other session" : count + " other sessions"; };
      var status = function (over, limit) {
        return over ? element("strong", "⚠ Over the limit", "limit-status limit-status--over")
                    : element("span", limit === null ? "No limit set" : "✓ Within the limit", "limit-status");
      };

      // Body chart: a tap fills the next row without a site; points show the sites chosen.
      var chart = form.querySelector("[data-fill-rows]");
      var paint = function () {
        if (!chart) { return; }
        var chosen = rows().map(function (row) { return field(row, "site").value; });
        chart.querySelectorAll("[data-point]").forEach(function (point) {
          point.classList.toggle("is-selected", chosen.indexOf("tenderPoint:" + point.getAttribute("data-point")) >= 0);
        });
      };

      // Rows: renumbered after every change, so names, ids and labels follow their position.
      var renumber = function () {
        rows().forEach(function (row, index) {
          var number = index + 1;
          row.id = "row" + number + "-field";
          row.cells[0].textContent = String(number);
          row.querySelectorAll("[id], [for], [name], [aria-label]").forEach(function (node) {
            ["id", "for", "name"].forEach(function (attribute) {
              var value = node.getAttribute(attribute);
              if (value) { node.setAttribute(attribute, value.replace(/^(row|vial|site|units|volume)\d+/, "$1" + number)); }
            });
            var label = node.getAttribute("aria-label");
            if (label) { node.setAttribute("aria-label", label.replace(/row \d+/, "row " + number)); }
          });
          row.querySelectorAll("label").forEach(function (label) { label.textContent = label.textContent.replace(/row \d+/, "row " + number); });
          field(row, "vial").options[0].textContent = number === 1 ? "Choose a vial" : "Same vial as the row above";
          var remove = row.querySelector("button.remove-row");
          if (remove) { remove.textContent = "Remove row " + number; }
        });
        form.querySelector("input[name=rowCount]").value = String(rows().length);
        if (add) { add.disabled = rows().length >= maximumRows; }
      };
      var clear = function (row) {
        ["vial", "site"].forEach(function (prefix) { field(row, prefix).value = ""; });
        field(row, "units").value = "";
        row.classList.remove("field--error");
        row.querySelectorAll(".error-message").forEach(function (message) { message.remove(); });
        row.querySelectorAll(".field--error").forEach(function (node) { node.classList.remove("field--error"); });
        row.querySelector("output[id^=volume]").textContent = "";
        row.querySelector(".row-check").textContent = "";
      };
      var removeButton = function (row) {
        var cell = row.querySelector(".row-actions");
        if (!cell || cell.querySelector("button")) { return; }
        var button = element("button", "Remove row", "link-button remove-row");
        button.type = "button";
        button.addEventListener("click", function () {
          if (rows().length > 1) { row.remove(); } else { clear(row); }
          renumber();
          paint();
          later();
        });
        cell.appendChild(button);
      };
      var add = element("button", "Add a row", "secondary add-row");
      add.type = "button";
      add.addEventListener("click", function () {
        var last = rows()[rows().length - 1];
        var row = last.cloneNode(true);
        row.querySelectorAll(".row-actions button").forEach(function (button) { button.remove(); });
        clear(row);
        tbody.appendChild(row);
        removeButton(row);
        renumber();
        field(row, "site").focus();
      });
      tbody.closest(".table-scroll").insertAdjacentElement("afterend", add);
      rows().forEach(removeButton);
      renumber();

      if (chart) {
        chart.querySelectorAll("[data-point]").forEach(function (point) {
          point.addEventListener("click", function () {
            var row = rows().filter(function (candidate) { return field(candidate, "site").value === ""; })[0];
            if (!row) { add.click(); row = rows()[rows().length - 1]; }
            field(row, "site").value = "tenderPoint:" + point.getAttribute("data-point");
            paint();
            field(row, "units").focus();
            later();
          });
        });
      }

      // The body of POST /api/patients/{id}/sessions, as the server builds it from the form.
      var body = function () {
        var injections = [], sent = [], notes = [], current = "";
        rows().forEach(function (row, index) {
          var vial = field(row, "vial").value;
          if (vial) { current = vial; }
          var site = field(row, "site").value, amount = field(row, "units").value.trim();
          notes[index] = "";
          if (!site && !amount) { return; }
          if (!current) { notes[index] = "Choose the vial of this row."; return; }
          if (!site) { notes[index] = "Choose the site of this row."; return; }
          if (!/^\d+(\.\d)?$/.test(amount)) { notes[index] = amount ? "Enter the units as a number, such as 20 or 12.5." : "Enter the units of this row."; return; }
          var where = site.indexOf("muscle:") === 0 ? { muscle: site.slice(7) } : { tenderPoint: site.replace(/^tenderPoint:/, "") };
          injections.push({ vialId: current, site: where, units: Number(amount) });
          sent.push(index);
        });
        var screening = {};
        form.querySelectorAll("input[type=radio]:checked").forEach(function (answer) {
          if (answer.name.indexOf("screening.") === 0) { screening[answer.name.slice(10)] = answer.value === "yes"; }
        });
        var value = function (name) { var node = form.querySelector("[name=" + name + "]"); return node ? node.value.trim() : ""; };
        var request = { date: value("date"), screening: screening, injections: injections, guidance: value("guidance") || "landmark",
                        acknowledged: Array.prototype.map.call(form.querySelectorAll("input[name=acknowledged]:checked"), function (box) { return box.value; }) };
        if (value("consentId")) { request.consentId = value("consentId"); }
        if (value("supervisorId")) { request.supervisorId = value("supervisorId"); }
        if (value("overrideReason")) { request.override = { reason: value("overrideReason") }; }
        if (value("note")) { request.note = value("note"); }
        return { request: request, sent: sent, notes: notes };
      };

      var figures = function (check) {
        var box = document.getElementById("totals-figures");
        box.textContent = "";
        if (!check || check.product === null || check.session === null || check.cumulative === null) { return false; }
        var product = element("p", "Product: " + check.product);
        product.id = "totals-product";
        box.appendChild(product);
        var table = element("table", undefined, "totals-sites");
        table.appendChild(element("caption", "Per site"));
        var head = table.appendChild(element("thead")).appendChild(element("tr"));
        ["Site", "Units", "Limit", "Status"].forEach(function (title) { head.appendChild(element("th", title)); });
        var siteRows = table.appendChild(element("tbody"));
        check.sites.forEach(function (site) {
          var line = siteRows.appendChild(element("tr", undefined, site.overLimit ? "is-over" : ""));
          line.appendChild(element("td", site.name));
          line.appendChild(element("td", units(site.units)));
          line.appendChild(element("td", site.limit === null ? "none set" : units(site.limit)));
          line.appendChild(element("td")).appendChild(status(site.overLimit, site.limit));
        });
        box.appendChild(element("div", undefined, "table-scroll")).appendChild(table);
        var facts = box.appendChild(element("dl", undefined, "facts totals-facts"));
        var fact = function (title, id, over, text, limit) {
          facts.appendChild(element("dt", title));
          var value = facts.appendChild(element("dd", text, over ? "is-over" : ""));
          value.id = id;
          if (limit !== undefined) { value.appendChild(status(over, limit)); }
        };
        var session = check.session, cumulative = check.cumulative;
        var limitText = function (limit) { return limit === null ? "— (no limit set)" : units(limit); };
        fact("This session", "total-session", session.overLimit,
             units(session.units) + " of at most " + limitText(session.limit) + " per session ", session.limit);
        fact("Any 84 days", "total-cumulative", cumulative.overLimit,
             units(cumulative.units) + " of at most " + limitText(cumulative.limit) + ": " + units(cumulative.otherUnits) + " in " +
             sessions(cumulative.otherSessionDates.length) + " + " + units(session.units) + " in this one ", cumulative.limit);
        fact("Window", "total-window", false, "from " + date(cumulative.from) + " to " + date(cumulative.to));
        return true;
      };

      var show = function (check, sent, notes, failed) {
        var messages = rows().map(function (row, index) { return notes[index] ? [notes[index]] : []; });
        var others = [];
        if (failed) { others.push(failed); }
        var injections = check ? check.injections : [];
        var first = injections.filter(function (injection) { return injection.product !== null; })[0];
        (check ? check.problems : []).forEach(function (problem) {
          var match = /^injections\[(\d+)\]/.exec(problem.field || "");
          if (match && sent[+match[1]] !== undefined) { messages[sent[+match[1]]].push(problem.message); return; }
          if (problem.code === "mixed_products" && first) {
            var placed = false;
            injections.forEach(function (injection) {
              if (injection.product !== null && injection.product !== first.product) { messages[sent[injection.index]].push(problem.message); placed = true; }
            });
            if (placed) { return; }
          }
          others.push(problem.message);
        });
        rows().forEach(function (row, index) {
          row.querySelector(".row-check").textContent = messages[index].join(" ");
          var position = sent.indexOf(index);
          var injection = position >= 0 ? injections[position] : null;
          row.querySelector("output[id^=volume]").textContent = injection ? (injection.volumeMl === null ? "—" : injection.volumeMl + " mL") : "";
        });
        document.getElementById("session-total").textContent = check && check.totalUnits !== null ? units(check.totalUnits) : "";
        var shown = figures(check);
        document.getElementById("totals-given").hidden = shown;
        document.getElementById("totals-note").textContent = !shown && injections.length > 0 ? "No totals: the rows' vials must be known and of one product." : "";
        var list = document.getElementById("totals-problems");
        list.textContent = "";
        if (others.length > 0) {
          list.appendChild(element("li", "Charting now would be refused:", "totals-problems__title"));
          others.forEach(function (message) { list.appendChild(element("li", message)); });
        }
      };

      var token = form.querySelector("input[name=_csrf]").value;
      var path = form.getAttribute("data-session-check");
      var sequence = 0;
      var update = function () {
        var built = body();
        var mine = ++sequence;
        if (built.request.injections.length === 0 || !window.fetch) { show(null, built.sent, built.notes); return; }
        fetch(path, { method: "POST", credentials: "same-origin", body: JSON.stringify(built.request),
                      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": token } })
          .then(function (response) { return response.ok ? response.json() : null; })
          .catch(function () { return null; })
          .then(function (check) {
            if (mine !== sequence) { return; }
            show(check, built.sent, built.notes, check ? null : "The totals could not be checked: is the session date complete?");
          });
      };
      var timer;
      var later = function () { clearTimeout(timer); timer = setTimeout(update, 250); };
      form.addEventListener("input", later);
      form.addEventListener("change", function () { paint(); later(); });
      paint();
      if (body().request.injections.length > 0) { later(); }
    })();

    """#
}
