/* parDesk appraisal desk: inline saving, keyboard, sorting and searching. Plain JavaScript, no library.
   Written for this repository (same licence as parDesk). */
(function () {
  "use strict";
  var csrf = document.body.getAttribute("data-csrf") || "";

  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  }

  /* ---- dashboard: search without diacritics, filter, sort, j/k/Enter ---- */
  var table = document.getElementById("units");
  if (table) {
    var body = table.tBodies[0], search = document.getElementById("search"), filter = document.getElementById("state-filter");
    var apply = function () {
      var q = fold(search.value), st = filter.value;
      Array.prototype.forEach.call(body.rows, function (r) {
        var ok = (!q || r.getAttribute("data-search").indexOf(q) >= 0) && (!st || r.getAttribute("data-state") === st);
        r.hidden = !ok;
      });
    };
    search.addEventListener("input", apply);
    filter.addEventListener("change", apply);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.tabIndex = 0;
      var sort = function () {
        var key = "data-" + th.getAttribute("data-key"), asc = th.getAttribute("aria-sort") !== "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.getAttribute(key), y = b.getAttribute(key), nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny) && /^-?[\d.]+$/.test(x) && /^-?[\d.]+$/.test(y)) ? nx - ny : x.localeCompare(y, "vi");
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
    var visible = function () { return Array.prototype.filter.call(body.rows, function (r) { return !r.hidden; }); };
    document.addEventListener("keydown", function (e) {
      if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT") {
        if (e.key === "Escape") e.target.blur();
        if (e.key === "ArrowDown" && e.target === search) { var v0 = visible(); if (v0.length) v0[0].focus(); e.preventDefault(); }
        return;
      }
      var rows = visible(), i = rows.indexOf(document.activeElement);
      if (e.key === "/") { search.focus(); e.preventDefault(); }
      else if (e.key === "j" || e.key === "ArrowDown") { (rows[i + 1] || rows[0]).focus(); e.preventDefault(); }
      else if (e.key === "k" || e.key === "ArrowUp") { (rows[i - 1] || rows[rows.length - 1]).focus(); e.preventDefault(); }
      else if (e.key === "Enter" && i >= 0) { location.href = rows[i].getAttribute("data-href"); }
    });
  }

  /* ---- one submission: inline save with the version (conflicts are shown, never overwritten) ---- */
  function save(form) {
    var out = form.querySelector(".msg");
    var data = {
      unit: form.getAttribute("data-unit"), year: +form.getAttribute("data-year"), code: form.getAttribute("data-code"),
      round: +form.getAttribute("data-round"), version: +form.getAttribute("data-version"),
      score: form.elements.score.value, comment: form.elements.comment.value,
      request_explanation: form.elements.request_explanation.checked
    };
    var t0 = performance.now();
    out.textContent = "…";
    out.className = "msg";
    return fetch("/desk/api/entry", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(data)
    }).then(function (r) { return r.json().then(function (j) { return [r.status, j]; }); }).then(function (res) {
      var status = res[0], j = res[1];
      if (status === 200) {
        form.setAttribute("data-version", j.version);
        out.textContent = out.getAttribute("data-saved") + " (" + Math.round(performance.now() - t0) + " ms)";
        out.className = "msg ok";
      } else {
        out.textContent = (j.error && j.error.message) || ("HTTP " + status);
        out.className = "msg err" + (status === 409 ? " conflict" : "");
        if (status === 409 && j.current) { form.setAttribute("data-version", j.current.version); }
      }
    }).catch(function () { out.textContent = "HTTP ?"; out.className = "msg err"; });
  }
  Array.prototype.forEach.call(document.querySelectorAll("form.entry"), function (form) {
    form.addEventListener("submit", function (e) { e.preventDefault(); save(form); });
    form.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.type !== "checkbox") { e.preventDefault(); save(form).then(function () { next(form, 1); }); }
    });
  });
  function next(form, dir) {
    var forms = Array.prototype.filter.call(document.querySelectorAll("form.entry"), function (f) { return !f.elements.score.disabled; });
    var i = forms.indexOf(form), n = forms[i + dir];
    if (n) { n.elements.score.focus(); n.elements.score.select(); }
  }
  if (document.querySelector("form.entry")) {
    document.addEventListener("keydown", function (e) {
      if (e.target.tagName === "INPUT") return;
      var forms = Array.prototype.filter.call(document.querySelectorAll("form.entry"), function (f) { return !f.elements.score.disabled; });
      if ((e.key === "n" || e.key === "p") && forms.length) { forms[0].elements.score.focus(); e.preventDefault(); }
    });
  }
  /* ---- the package verification, fetched after the page shows ---- */
  var ver = document.getElementById("verification");
  if (ver) {
    fetch(ver.getAttribute("data-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); }).then(function (j) {
        var f = function (k) { return ver.querySelector('[data-f="' + k + '"]'); };
        f("signer").textContent = j.signer || "—";
        f("signer_subject").textContent = j.signer_subject || "—";
        f("issuer").textContent = j.issuer || "—";
        f("serial").textContent = j.serial || "—";
        f("signing_time").textContent = j.signing_time_text || "—";
        f("recomputed").textContent = (j.recomputed_text || "") + (j.scores_match ? " = " : " ≠ ") + (j.claimed_text || "");
        var v = f("valid");
        v.textContent = j.valid ? v.getAttribute("data-ok") : v.getAttribute("data-bad") + ": " + (j.problems || []).join("; ");
      }).catch(function () {});
  }
})();
