/* playbook task catalog: filters (requirement, role, service, free text),
   a live result count and sortable columns. Progressive enhancement: the
   page is a complete table without it. No framework. */
(function () {
  "use strict";
  var catalog = document.querySelector("[data-catalog]");
  if (!catalog) return;
  var form = catalog.querySelector("[data-filters]");
  var table = catalog.querySelector(".catalog-table");
  if (!form || !table) return;
  var lang = document.documentElement.lang || "en";
  var results = catalog.querySelector("[data-results]");
  var empty = catalog.querySelector("[data-empty]");
  var wrap = table.closest ? table.closest(".table-wrap") || table : table;
  var groups = Array.prototype.slice.call(table.querySelectorAll("tbody[data-group]"));

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
  var rows = [];
  groups.forEach(function (group) {
    var trs = group.querySelectorAll("tr[data-task]");
    for (var i = 0; i < trs.length; i++) {
      var tr = trs[i];
      var services = Array.prototype.map.call(tr.querySelectorAll("[data-service]"), function (li) {
        return li.textContent.trim();
      });
      var role = cellText(tr, "[data-role]");
      var id = cellText(tr, ".col-id");
      var name = cellText(tr, ".col-task");
      rows.push({
        tr: tr,
        group: group,
        requirement: tr.getAttribute("data-requirement") || "",
        role: role,
        services: services,
        haystack: fold([id, name, role].concat(services).join("\n"))
      });
    }
  });

  var controls = {};
  Array.prototype.forEach.call(form.querySelectorAll("[data-filter]"), function (el) {
    controls[el.getAttribute("data-filter")] = el;
  });
  function value(name) { return controls[name] ? controls[name].value : ""; }

  function apply() {
    var words = fold(value("text")).split(/\s+/).filter(Boolean);
    var requirement = value("requirement"), role = value("role"), service = value("service");
    var shown = 0;
    var perGroup = new Map();
    rows.forEach(function (row) {
      var ok = (!requirement || row.requirement === requirement) &&
        (!role || row.role === role) &&
        (!service || row.services.indexOf(service) !== -1) &&
        words.every(function (w) { return row.haystack.indexOf(w) !== -1; });
      row.tr.hidden = !ok;
      if (ok) {
        shown++;
        perGroup.set(row.group, (perGroup.get(row.group) || 0) + 1);
      }
    });
    groups.forEach(function (group) {
      var n = perGroup.get(group) || 0;
      group.hidden = n === 0;
      var label = group.querySelector("[data-group-count]");
      if (label) label.textContent = countText(n);
    });
    if (results) results.textContent = countText(shown);
    if (empty) empty.hidden = shown !== 0;
    wrap.hidden = shown === 0;
    saveState();
  }

  /* Filters live in the query string, so a filtered view can be shared. */
  function saveState() {
    if (!window.history || !history.replaceState || !window.URLSearchParams) return;
    var params = new URLSearchParams();
    Object.keys(controls).forEach(function (name) {
      if (controls[name].value) params.set(name, controls[name].value);
    });
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* some file:// pages refuse it */ }
  }
  function loadState() {
    if (!window.URLSearchParams) return;
    var params = new URLSearchParams(location.search);
    Object.keys(controls).forEach(function (name) {
      var v = params.get(name);
      if (v === null) return;
      var el = controls[name];
      if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === v; })) return;
      el.value = v;
    });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  /* Sorting: a button in each sortable header; rows are sorted inside their
     phase group, which keeps its place. */
  var collator = window.Intl && Intl.Collator ? new Intl.Collator(lang, { numeric: true, sensitivity: "base" }) : null;
  function compare(a, b) { return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0); }
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
      groups.forEach(function (group) {
        var trs = Array.prototype.slice.call(group.querySelectorAll("tr[data-task]"));
        trs.sort(function (a, b) {
          var x = a.cells[column] ? a.cells[column].textContent.trim() : "";
          var y = b.cells[column] ? b.cells[column].textContent.trim() : "";
          var order = numeric ? Number(x) - Number(y) : compare(x, y);
          return ascending ? order : -order;
        });
        trs.forEach(function (tr) { group.appendChild(tr); });
      });
    });
  });

  form.hidden = false;
  if (results) results.hidden = false;
  loadState();
  apply();
})();
