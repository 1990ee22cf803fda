/* playbook task catalog: filters (phase chips, requirement, role, service,
   free text), a live count, and columns that sort every row; on the
   translation matrix, "gaps only". Progressive enhancement: both pages are
   complete tables without it (rows in phase order, each naming its phase).
   No framework. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";

  /* Filters live in the query string, so a filtered view can be shared. */
  function saveState(values) {
    if (!window.history || !history.replaceState || !window.URLSearchParams) return;
    var params = new URLSearchParams();
    Object.keys(values).forEach(function (name) { if (values[name]) params.set(name, values[name]); });
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* a page opened from disk may refuse it */ }
  }
  function loadState() {
    if (!window.URLSearchParams) return {};
    var params = new URLSearchParams(location.search);
    var out = {};
    params.forEach(function (v, k) { out[k] = v; });
    return out;
  }

  /* ---------- the translation matrix: gaps only ---------- */
  var matrix = document.querySelector("[data-matrix]");
  if (matrix) {
    var toggle = matrix.querySelector("[data-gaps-only]");
    var box = matrix.querySelector("[data-gaps]");
    var rows = matrix.querySelectorAll("tbody tr");
    if (toggle && box) {
      var show = function () {
        for (var i = 0; i < rows.length; i++) rows[i].hidden = toggle.checked && !rows[i].hasAttribute("data-gap");
        saveState({ gaps: toggle.checked ? "1" : "" });
      };
      toggle.checked = loadState().gaps === "1";
      toggle.addEventListener("change", show);
      box.hidden = false;
      show();
    }
  }

  var catalog = document.querySelector("[data-catalog]");
  if (!catalog) return;
  var form = catalog.querySelector("[data-filters]");
  var table = catalog.querySelector(".catalog-table");
  if (!form || !table) return;
  var body = table.querySelector("tbody[data-rows]");
  var results = catalog.querySelector("[data-results]");
  var empty = catalog.querySelector("[data-empty]");
  var wrap = table.closest ? table.closest(".table-wrap") || table : table;
  var chips = Array.prototype.slice.call(catalog.querySelectorAll("[data-phases] [data-phase]"));

  /* "12 tasks" in the page's language: the server rendered the Fluent
     message for sample counts; take the sample of the same plural category
     and put our number in its place. */
  var forms = [];
  var template = catalog.querySelector("template[data-count-forms]");
  if (template && template.content) {
    var samples = template.content.querySelectorAll("data");
    for (var s = 0; s < samples.length; s++) {
      forms.push({ n: Number(samples[s].value), text: samples[s].textContent });
    }
  }
  var rules = null;
  try { rules = new Intl.PluralRules(lang); } catch (e) { rules = null; }
  function countText(n) {
    var exact = null, same = null;
    for (var i = 0; i < forms.length; i++) {
      if (forms[i].n === n) exact = forms[i];
      if (!same && rules && rules.select(forms[i].n) === rules.select(n)) same = forms[i];
    }
    if (exact) return exact.text;
    var pick = same || forms[forms.length - 1];
    return pick ? pick.text.replace(String(pick.n), String(n)) : String(n);
  }

  /* Text as typed and as stored, compared without case or accents. */
  function fold(text) {
    var t = String(text).toLowerCase();
    return t.normalize ? t.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : t;
  }
  function cellText(row, selector) {
    var cell = row.querySelector(selector);
    return cell ? cell.textContent.trim() : "";
  }
  var rows = Array.prototype.map.call(body.querySelectorAll("tr[data-task]"), function (tr) {
    var services = Array.prototype.map.call(tr.querySelectorAll("[data-service]"), function (el) {
      return el.textContent.trim();
    });
    var role = cellText(tr, "[data-role]");
    return {
      tr: tr,
      phase: tr.getAttribute("data-phase") || "",
      requirement: tr.getAttribute("data-requirement") || "",
      role: role,
      services: services,
      haystack: fold([cellText(tr, ".col-id"), cellText(tr, ".col-task"), role].concat(services).join("\n"))
    };
  });

  var controls = {};
  Array.prototype.forEach.call(form.querySelectorAll("[data-filter]"), function (el) {
    controls[el.getAttribute("data-filter")] = el;
  });
  function value(name) { return controls[name] ? controls[name].value : ""; }
  var phase = "";

  function apply() {
    var words = fold(value("text")).split(/\s+/).filter(Boolean);
    var requirement = value("requirement"), role = value("role"), service = value("service");
    var shown = 0;
    var perPhase = {};
    var all = 0;
    rows.forEach(function (row) {
      var ok = (!requirement || row.requirement === requirement) &&
        (!role || row.role === role) &&
        (!service || row.services.indexOf(service) !== -1) &&
        words.every(function (w) { return row.haystack.indexOf(w) !== -1; });
      if (ok) {
        perPhase[row.phase] = (perPhase[row.phase] || 0) + 1;
        all++;
      }
      ok = ok && (!phase || row.phase === phase);
      row.tr.hidden = !ok;
      if (ok) shown++;
    });
    chips.forEach(function (chip) {
      var key = chip.getAttribute("data-phase");
      var n = key ? perPhase[key] || 0 : all;
      chip.setAttribute("aria-pressed", key === phase ? "true" : "false");
      var count = chip.querySelector("[data-phase-count]");
      if (count) count.textContent = String(n);
    });
    if (results) results.textContent = countText(shown);
    if (empty) empty.hidden = shown !== 0;
    wrap.hidden = shown === 0;
    var state = { phase: phase };
    Object.keys(controls).forEach(function (name) { state[name] = controls[name].value; });
    saveState(state);
  }

  chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      var key = chip.getAttribute("data-phase");
      phase = phase === key ? "" : key;
      apply();
    });
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { phase = ""; setTimeout(apply, 0); });

  /* Sorting: a button in each sortable header sorts every row (a cell's
     data-sort-value, else its text); ties keep the page's order (phase,
     then id), which sorting by phase restores. */
  var collator = window.Intl && Intl.Collator ? new Intl.Collator(lang, { numeric: true, sensitivity: "base" }) : null;
  function compare(a, b) { return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0); }
  function key(cell) {
    if (!cell) return "";
    return cell.hasAttribute("data-sort-value") ? cell.getAttribute("data-sort-value") : cell.textContent.trim();
  }
  rows.forEach(function (row, i) { row.order = i; });
  var headers = Array.prototype.slice.call(table.querySelectorAll("thead th[data-sort]"));
  headers.forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    while (th.firstChild) button.appendChild(th.firstChild);
    var arrow = document.createElement("span");
    arrow.className = "sort-arrow";
    arrow.setAttribute("aria-hidden", "true");
    button.appendChild(arrow);
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = th.getAttribute("data-sort") === "number";
      var sorted = rows.slice().sort(function (a, b) {
        var x = key(a.tr.cells[column]), y = key(b.tr.cells[column]);
        var order = numeric ? Number(x) - Number(y) : compare(x, y);
        return (ascending ? order : -order) || a.order - b.order;
      });
      sorted.forEach(function (row) { body.appendChild(row.tr); });
    });
  });

  /* Phones hide the header row: a "sort by" list does what its buttons do
     (ascending), or puts back the page's order. */
  var sortBy = form.querySelector("[data-sort-by]");
  if (sortBy) {
    headers.forEach(function (th, i) {
      var option = document.createElement("option");
      option.value = String(i);
      option.textContent = th.textContent.trim();
      sortBy.appendChild(option);
    });
    sortBy.addEventListener("change", function () {
      var th = headers[Number(sortBy.value)];
      if (sortBy.value !== "" && th) {
        th.removeAttribute("aria-sort");
        th.querySelector("button").click();
        return;
      }
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      rows.slice().sort(function (a, b) { return a.order - b.order; }).forEach(function (row) { body.appendChild(row.tr); });
    });
  }

  var state = loadState();
  Object.keys(controls).forEach(function (name) {
    var v = state[name];
    if (v === undefined) return;
    var el = controls[name];
    if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) return;
    el.value = v;
  });
  if (state.phase && chips.some(function (c) { return c.getAttribute("data-phase") === state.phase; })) phase = state.phase;
  form.hidden = false;
  if (chips.length) catalog.querySelector("[data-phases]").hidden = false;
  if (results) results.hidden = false;
  apply();
})();
