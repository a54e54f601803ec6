/// The one script: conveniences only. Every page works without it (the body chart's areas are
/// also a list of checkboxes, which is what the form submits).
enum Script {
    /// The common part, then each area's own (in their own files).
    static let text = base + session + schedule + admin + reports

    static let base = """
    (function () {
      "use strict";
      document.documentElement.classList.add("js");

      // Body chart: tapping an area or a tender point ticks its checkbox; the checkbox is the truth.
      function boxFor(form, shape) {
        var area = shape.getAttribute("data-area");
        var point = shape.getAttribute("data-point");
        return area ? form.querySelector('input[name=painAreas][value="' + area + '"]')
                    : form.querySelector('input[name=tp][value="' + point + '"]');
      }
      function paint(form) {
        form.querySelectorAll("[data-area], [data-point]").forEach(function (shape) {
          var box = boxFor(form, shape);
          shape.classList.toggle("is-selected", !!box && box.checked);
        });
      }
      // Session charting (Script+Session) handles its own body chart: a tap fills an injection row.
      document.querySelectorAll("form").forEach(function (form) {
        if (form.querySelector("[data-fill-rows]")) { return; }
        var shapes = form.querySelectorAll("[data-area], [data-point]");
        if (shapes.length === 0) { return; }
        shapes.forEach(function (shape) {
          shape.addEventListener("click", function () {
            var box = boxFor(form, shape);
            if (!box) { return; }
            box.checked = !box.checked;
            box.dispatchEvent(new Event("change", { bubbles: true }));
          });
        });
        form.addEventListener("change", function () { paint(form); });
        paint(form);
      });

      // Examination: scores while typing, from the same scoring handlers as /api/score/*
      // (the server scores again when the examination is saved).
      var exam = document.querySelector("form[data-live-scores]");
      if (exam && window.fetch) {
        var token = exam.querySelector("input[name=_csrf]").value;
        var bands = { none: "none", remission: "remission", mild: "mild", moderate: "moderate", severe: "severe", verySevere: "very severe" };
        var checked = function (name) {
          return Array.prototype.map.call(exam.querySelectorAll('input[name="' + name + '"]:checked'), function (box) { return box.value; });
        };
        var value = function (name) {
          var field = exam.querySelector('input[name="' + name + '"]:checked') || exam.querySelector('input[name="' + name + '"]:not([type=radio]):not([type=checkbox])');
          return field ? field.value.trim() : "";
        };
        var show = function (id, text) { var output = document.getElementById(id); if (output) { output.textContent = text; } };
        var one = function (number) { return number.toFixed(1); };
        var post = function (path, body) {
          return fetch(path, { method: "POST", credentials: "same-origin", body: JSON.stringify(body),
                               headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": token } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .catch(function () { return null; });
        };
        var update = function () {
          post("/score/tender-points", { positive: checked("tp"), widespreadPainMonths: parseInt(value("widespreadPainMonths"), 10) || 0 })
            .then(function (scores) { if (scores) { show("score-tender-points", scores.count + " of 18 positive — ACR 1990 criterion " + (scores.criteriaMet ? "met" : "not met")); } });
          var fatigue = value("fatigue"), waking = value("wakingUnrefreshed"), cognitive = value("cognitiveSymptoms"), months = value("symptomMonths");
          if (fatigue !== "" && waking !== "" && cognitive !== "") {
            post("/score/acr2016", { painAreas: checked("painAreas"), fatigue: +fatigue, wakingUnrefreshed: +waking, cognitiveSymptoms: +cognitive,
                                     headaches: checked("headaches").length > 0, lowerAbdominalPain: checked("lowerAbdominalPain").length > 0,
                                     depression: checked("depression").length > 0, symptomMonths: months === "" ? null : +months })
              .then(function (scores) {
                if (scores) { show("score-acr2016", "WPI " + scores.wpi + "/19, SSS " + scores.sss + "/12, FS " + scores.fs + "/31 (" + bands[scores.severityBand] +
                              "); regions with pain " + scores.regionsWithPain + "/5; 2016 criteria " + (scores.criteriaMet ? "met" : "not met")); }
              });
          }
          var answers = [];
          for (var item = 1; item <= 21; item += 1) { var answer = value("fiqr" + item); answers.push(answer === "" ? null : +answer); }
          post("/score/fiqr", { answers: answers }).then(function (scores) {
            if (!scores) { return; }
            show("score-fiqr", scores.valid
              ? "Total " + one(scores.total) + " (" + bands[scores.severityBand] + "): function " + one(scores["function"]) + ", overall impact " +
                one(scores.overallImpact) + ", symptoms " + one(scores.symptoms)
              : "Not scorable yet: " + (scores.invalidReason || "answers missing"));
          });
        };
        var timer;
        var later = function () { clearTimeout(timer); timer = setTimeout(update, 250); };
        exam.addEventListener("input", later);
        exam.addEventListener("change", later);
      }
    })();
    """
}
