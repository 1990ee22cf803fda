/* playbook default theme: site search. Loads OUT/<lang>/search/index.js
   (a script that hands the index to playbookSearchIndex: scripts load from
   disk too, where fetch is refused) the first time the search box is used;
   the snippets of the results shown come from their pages, fetched then
   over HTTP (and cached by the browser for the visit that usually
   follows; from disk a result shows its title and section). No server
   logic, no dependencies; every
   URL is made from the output root, which is where this script's own
   static/ folder is (the search box is the same on every page of a
   locale, so it does not say; a data-root on #search still wins).

   fold() and terms() follow src/render/search/tokens.rs exactly (a test
   runs both on the same strings): change them together. */
(function (global) {
  "use strict";

  /* The output root: this script is OUT/static/search.js. Read while the
     script runs (currentScript is unset afterwards). */
  var me = global.document && global.document.currentScript;
  var scriptRoot = me && me.src ? me.src.replace(/static\/search\.js(?:[?#].*)?$/, "") : "";

  var MAX_TERM_BYTES = 16;
  var SHOWN = 10;
  var SNIPPET = 160;
  var SPELLED = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ς": "σ" };
  var WORD = /^[\p{Alphabetic}\p{N}]$/u;

  /* ---------- terms: the rules of tokens.rs ---------- */

  function isCjk(cp) {
    return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3041 && cp <= 0x309f) ||
      (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x30fc && cp <= 0x30ff) ||
      (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xff66 && cp <= 0xff9f) || (cp >= 0x20000 && cp <= 0x3ffff);
  }
  function isAccent(cp) { return cp >= 0x300 && cp <= 0x36f; }

  function unaccent(c) {
    var cp = c.codePointAt(0);
    if (cp < 128 || isCjk(cp)) return c;
    if (isAccent(cp)) return "";
    if (SPELLED[c]) return SPELLED[c];
    var parts = Array.from(c.normalize("NFD"));
    if (parts.length > 1 && parts.slice(1).every(function (m) { return isAccent(m.codePointAt(0)); })) return parts[0];
    return c;
  }

  /* The folded form of one character (a string of one code point). */
  function foldChar(c) {
    var cp = c.codePointAt(0);
    if (cp < 128) return c.toLowerCase();
    if (isCjk(cp)) return c;
    if (cp >= 0xff01 && cp <= 0xff5e) c = String.fromCodePoint(cp - 0xfee0);
    var out = "";
    for (var lower of c.toLowerCase()) out += unaccent(lower);
    return out;
  }

  function fold(text) {
    var out = "";
    for (var c of text) out += foldChar(c);
    return out;
  }

  /* 0 separator, 1 word, 2 CJK: the class of a folded character. */
  function kind(c) {
    var cp = c.codePointAt(0);
    if (cp < 128) return /[0-9a-z]/i.test(c) ? 1 : 0;
    if (isCjk(cp)) return 2;
    return WORD.test(c) ? 1 : 0;
  }

  function utf8Length(c) {
    var cp = c.codePointAt(0);
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /* A word cut to MAX_TERM_BYTES bytes of UTF-8, at a character boundary. */
  function cut(word) {
    var bytes = 0;
    var out = "";
    for (var c of word) {
      bytes += utf8Length(c);
      if (bytes > MAX_TERM_BYTES) break;
      out += c;
    }
    return out;
  }

  /* Words and CJK runs of folded text: [{ cjk, text }]. */
  function runs(folded) {
    var out = [];
    var current = null;
    for (var c of folded) {
      var k = kind(c);
      if (k === 0) { current = null; continue; }
      if (!current || current.kind !== k) { current = { kind: k, chars: [] }; out.push(current); }
      current.chars.push(c);
    }
    return out.map(function (r) { return { cjk: r.kind === 2, chars: r.chars }; });
  }

  /* The terms of a query: [{ text, prefix }], in order, without repeats. */
  function terms(query) {
    var out = [];
    function add(text, prefix) {
      for (var i = 0; i < out.length; i++) if (out[i].text === text) return;
      out.push({ text: text, prefix: prefix });
    }
    runs(fold(query)).forEach(function (run) {
      if (!run.cjk) { add(cut(run.chars.join("")), true); return; }
      if (run.chars.length === 1) { add(run.chars[0], true); return; }
      for (var i = 0; i + 1 < run.chars.length; i++) add(run.chars[i] + run.chars[i + 1], false);
    });
    return out;
  }

  /* ---------- search over a loaded index ---------- */

  function lowerBound(list, value) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (list[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Best weight per document for one query term (doubled for an exact term). */
  function matches(index, term) {
    var found = new Map();
    var i = lowerBound(index.terms, term.text);
    for (; i < index.terms.length; i++) {
      var t = index.terms[i];
      var exact = t === term.text;
      if (!exact && !(term.prefix && t.lastIndexOf(term.text, 0) === 0)) break;
      var list = index.postings[i];
      var doc = 0;
      for (var p = 0; p + 1 < list.length; p += 2) {
        doc += list[p];
        var weight = list[p + 1] * (exact ? 2 : 1);
        if (!(found.get(doc) >= weight)) found.set(doc, weight);
      }
      if (!term.prefix) break;
    }
    return found;
  }

  /* Every document that matches all terms of `query`, best first:
     [{ doc, score }] (ties: index order). */
  function search(index, query) {
    var wanted = terms(query);
    if (!wanted.length) return [];
    var scores = null;
    for (var w = 0; w < wanted.length; w++) {
      var found = matches(index, wanted[w]);
      if (scores === null) { scores = found; continue; }
      var both = new Map();
      scores.forEach(function (score, doc) { if (found.has(doc)) both.set(doc, score + found.get(doc)); });
      scores = both;
      if (!scores.size) break;
    }
    var out = [];
    scores.forEach(function (score, doc) { out.push({ doc: doc, score: score }); });
    out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return out;
  }

  /* ---------- snippets ---------- */

  /* Folded text with, for each folded UTF-16 unit, where its character
     starts and ends in the original. */
  function foldMapped(text) {
    var folded = "";
    var starts = [];
    var ends = [];
    var at = 0;
    for (var c of text) {
      var f = foldChar(c);
      for (var u = 0; u < f.length; u++) { starts.push(at); ends.push(at + c.length); }
      folded += f;
      at += c.length;
    }
    return { text: folded, starts: starts, ends: ends };
  }

  function isWordUnit(text, i) {
    if (i < 0 || i >= text.length) return false;
    var c = String.fromCodePoint(text.codePointAt(i));
    return kind(c) === 1;
  }

  /* Matches of the query in folded text: [[start, end]] in folded units. A
     word matches at a word start and is marked to its word's end; a CJK
     query marks its whole run where it occurs, else each bigram. */
  function findAll(folded, wanted, phrase) {
    var marks = [];
    function scan(needle, wordStart, toWordEnd) {
      var from = 0;
      var i;
      while (needle && (i = folded.indexOf(needle, from)) >= 0) {
        from = i + needle.length;
        if (wordStart && isWordUnit(folded, i - 1)) continue;
        var end = from;
        if (toWordEnd) while (isWordUnit(folded, end)) end++;
        marks.push([i, end]);
      }
    }
    phrase.forEach(function (run) { scan(run, false, false); });
    wanted.forEach(function (t) {
      if (t.prefix && kind(String.fromCodePoint(t.text.codePointAt(0))) === 1) scan(t.text, true, true);
      else if (!marks.length) scan(t.text, false, false);
    });
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    marks.forEach(function (m) {
      var last = merged[merged.length - 1];
      if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
      else merged.push([m[0], m[1]]);
    });
    return merged;
  }

  /* The section of a document that best matches `query`, and a snippet of
     it: { anchor, label, parts: [{ text, mark }] }. `sections` is the
     document's [[anchor, label, text]] (see pageSections). */
  function snippet(sections, query, length) {
    length = length || SNIPPET;
    var wanted = terms(query);
    var phrase = runs(fold(query)).filter(function (r) { return r.cjk && r.chars.length > 1; })
      .map(function (r) { return r.chars.join(""); });
    var best = null;
    sections.forEach(function (s, n) {
      var mapped = foldMapped(s[2]);
      var marks = findAll(mapped.text, wanted, phrase);
      var inLabel = findAll(fold(s[1]), wanted, phrase).length;
      var score = marks.length + 2 * inLabel;
      if (!best || score > best.score) best = { n: n, score: score, mapped: mapped, marks: marks };
    });
    if (!best) return null;
    var section = sections[best.n];
    var text = section[2];
    var m = best.mapped;
    var first = best.marks.length ? m.starts[best.marks[0][0]] : 0;
    var start = Math.max(0, first - Math.floor(length / 3));
    if (start > 0) {
      var space = text.lastIndexOf(" ", start);
      if (space >= 0 && first - space < length / 2) start = space + 1;
    }
    var end = Math.min(text.length, start + length);
    var parts = [];
    var at = start;
    best.marks.forEach(function (mark) {
      var a = m.starts[mark[0]];
      var b = m.ends[mark[1] - 1];
      if (b <= at || a >= end) return;
      a = Math.max(a, at);
      b = Math.min(b, end);
      if (a > at) parts.push({ text: text.slice(at, a), mark: false });
      parts.push({ text: text.slice(a, b), mark: true });
      at = b;
    });
    if (at < end) parts.push({ text: text.slice(at, end), mark: false });
    if (start > 0) parts.unshift({ text: "… ", mark: false });
    if (end < text.length) parts.push({ text: " …", mark: false });
    return { anchor: section[0], label: section[1], parts: parts };
  }

  /* Documents that match the words of an address (a 404's): each word of
     three characters or more (or a number) alone, ranked by how many words
     a document matches, then by weight; the best `count`. */
  function suggestions(index, address, count) {
    var text = address.replace(/\.(html?|md)$/i, "").replace(/[-_.\/]+/g, " ");
    var found = new Map();
    terms(text).forEach(function (t) {
      if (!(/^[0-9]+$/.test(t.text) || Array.from(t.text).length >= 3)) return;
      search(index, t.text).forEach(function (hit) {
        var f = found.get(hit.doc) || { doc: hit.doc, words: 0, score: 0 };
        f.words += 1;
        f.score += hit.score;
        found.set(hit.doc, f);
      });
    });
    var out = Array.from(found.values());
    out.sort(function (a, b) { return b.words - a.words || b.score - a.score || a.doc - b.doc; });
    return out.slice(0, count || 5);
  }

  var api = { fold: fold, terms: terms, search: search, snippet: snippet, suggestions: suggestions };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  /* ---------- the search box ---------- */

  var box = document.getElementById("search");
  if (!box) return;
  var input = box.querySelector("input");
  var list = box.querySelector("[role='listbox']");
  var panel = box.querySelector(".search-panel");
  var status = box.querySelector(".search-status");
  if (!input || !list || !panel || !status) return;
  var root = box.getAttribute("data-root") || scriptRoot;
  var base = root + box.getAttribute("data-lang") + "/search/";
  var text = function (name) { return box.getAttribute("data-" + name) || ""; };
  box.hidden = false;

  var loading = null;
  var results = [];
  var active = -1;
  var generation = 0;

  /* The index, from a script (never fetch: a page opened from disk may
     not fetch files). */
  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        global.playbookSearchIndex = function (index) { resolve(index); };
        script.onerror = function () { reject(new Error("search index: not loaded")); };
        script.onload = function () { reject(new Error("search index: no index in the script")); };
        script.src = base + "index.js";
        document.head.appendChild(script);
      });
      loading.catch(function () { /* shown by run() */ });
    }
    return loading;
  }
  /* Snippets read the result pages, which only HTTP can fetch. */
  var canFetch = !!(window.fetch && window.DOMParser) && location.protocol !== "file:";

  var INLINE = /^(a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|tt|u|var|wbr)$/;
  var SKIP = "script, style, template, svg, noscript, nav, button, .page-toc-mobile, .pager, .catalog-filters, [aria-hidden='true']";

  /* The readable text of a page's content, cut at headings and task rows:
     [[anchor, label, text]] (the rules of the old build-time cutter, now
     applied to the page a result leads to). */
  function pageSections(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var content = doc.querySelector(".markdown") || doc.querySelector("main");
    var sections = [];
    var current = ["", "", ""];
    var heading = ["", ""];
    function start(anchor, label) {
      if (current[1] || current[2].trim()) sections.push(current);
      current = [anchor, label, ""];
    }
    function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) { current[2] += child.data; continue; }
        if (child.nodeType !== 1 || child.matches(SKIP)) continue;
        var name = child.localName;
        if (/^h[1-6]$/.test(name)) {
          var copy = child.cloneNode(true);
          var hidden = copy.querySelectorAll(SKIP);
          for (var h = 0; h < hidden.length; h++) hidden[h].remove();
          var label = copy.textContent.replace(/\s+/g, " ").trim();
          heading = [name === "h1" ? "" : child.id, label];
          start(heading[0], label);
          continue;
        }
        if (name === "tr" && /^task-/.test(child.id)) start(child.id, heading[1]);
        var block = !INLINE.test(name);
        if (block) current[2] += " ";
        walk(child);
        if (block) current[2] += " ";
        if (name === "table" && /^task-/.test(current[0])) start(heading[0], heading[1]);
      }
    }
    if (content) walk(content);
    start("", "");
    return sections.map(function (s) { return [s[0], s[1], s[2].replace(/\s+/g, " ").trim()]; });
  }

  var pages = {};
  function page(url) {
    if (!pages[url]) {
      pages[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error("search snippet: HTTP " + r.status);
        return r.text();
      }).then(pageSections);
    }
    return pages[url];
  }

  function setOpen(open) {
    panel.hidden = !open;
    input.setAttribute("aria-expanded", open && results.length ? "true" : "false");
    if (!open) setActive(-1);
  }

  function setActive(n) {
    var options = list.children;
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = n;
    if (n >= 0 && options[n]) {
      options[n].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[n].id);
      options[n].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function say(message) { status.textContent = message; }

  function option(index, hit, n) {
    var doc = index.docs[hit.doc];
    var a = document.createElement("a");
    a.id = "search-option-" + n;
    a.className = "search-result";
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    a.href = root + doc[1];
    var title = document.createElement("span");
    title.className = "search-result-title";
    title.textContent = doc[0];
    a.appendChild(title);
    a.addEventListener("mousemove", function () { if (active !== n) setActive(n); });
    return a;
  }

  function fill(a, doc, found) {
    if (!found) return;
    if (found.anchor) a.href = root + doc[1] + "#" + found.anchor;
    if (found.label && found.label !== doc[0]) {
      var section = document.createElement("span");
      section.className = "search-result-section";
      section.textContent = found.label;
      a.appendChild(section);
    }
    var p = document.createElement("span");
    p.className = "search-result-snippet";
    found.parts.forEach(function (part) {
      var node = part.mark ? document.createElement("mark") : document.createTextNode(part.text);
      if (part.mark) node.textContent = part.text;
      p.appendChild(node);
    });
    a.appendChild(p);
  }

  function snippets(index, query, shown, mine) {
    if (!canFetch) return;
    shown.forEach(function (hit, n) {
      var doc = index.docs[hit.doc];
      page(root + doc[1]).then(function (sections) {
        if (mine !== generation) return;
        if (sections.length) fill(list.children[n], doc, snippet(sections, query));
      }).catch(function () { /* the title alone still leads there */ });
    });
  }

  function run() {
    var query = input.value;
    var mine = ++generation;
    if (!terms(query).length) {
      results = [];
      list.textContent = "";
      say("");
      setOpen(false);
      return;
    }
    say(text("loading"));
    setOpen(true);
    load().then(function (index) {
      if (mine !== generation) return;
      results = search(index, query);
      var shown = results.slice(0, SHOWN);
      list.textContent = "";
      shown.forEach(function (hit, n) { list.appendChild(option(index, hit, n)); });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      say(results.length ? text("results").replace("{n}", results.length) : text("no-results"));
      setOpen(true);
      snippets(index, query, shown, mine);
    }, function () {
      if (mine !== generation) return;
      results = [];
      list.textContent = "";
      say(text("error"));
    });
  }

  input.addEventListener("focus", function () { load(); if (input.value) run(); });
  input.addEventListener("input", run);
  input.addEventListener("keydown", function (event) {
    var count = list.children.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!count) return;
      event.preventDefault();
      if (panel.hidden) setOpen(true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === "Enter") {
      var target = list.children[active >= 0 ? active : 0];
      if (target && !panel.hidden) { event.preventDefault(); window.location.href = target.href; }
    } else if (event.key === "Escape") {
      event.stopPropagation();
      if (!panel.hidden) setOpen(false);
      else if (input.value) { input.value = ""; run(); }
    }
  });
  /* Keep the focus in the box while a result is clicked (some browsers
     do not focus links on click, and the panel would close first). */
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) setOpen(false);
  });
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
  box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });

  /* A 404 page: the pages of this locale whose words match the address
     asked for (below the locale's folder). */
  var suggest = document.querySelector("[data-not-found-suggest]");
  if (suggest) {
    var asked = location.pathname;
    try { asked = decodeURIComponent(asked); } catch (e) { /* as it is */ }
    var lang = box.getAttribute("data-lang");
    var at = asked.toLowerCase().indexOf("/" + lang.toLowerCase() + "/");
    if (at >= 0) asked = asked.slice(at + lang.length + 2);
    load().then(function (index) {
      var list = suggest.querySelector("ul");
      suggestions(index, asked, 5).forEach(function (hit) {
        var doc = index.docs[hit.doc];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + doc[1];
        a.textContent = doc[0];
        li.appendChild(a);
        list.appendChild(li);
      });
      suggest.hidden = !list.children.length;
    }, function () { /* the homes below still lead on */ });
  }
})(this);
