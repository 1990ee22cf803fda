/* playbook default theme: the sidebar.

   A page's HTML holds only its branch of the navigation; an entry whose
   children it leaves out, and a row that stands for the rest of a long
   list ("12 more entries"), are links to the contents page (that is what
   a reader without JavaScript follows). Here they become buttons
   (aria-expanded) that expand in place from the whole tree, <tag>/toc.js
   (the sidebar list's data-toc), loaded with a <script> element the first
   time one is used: it works from file:// too, where fetch() of a local
   file is refused. If it cannot be loaded, the button follows its link.

   Also keeps the sidebar's scroll position across pages: the link a reader
   follows is shown at the same height on the next page; without that, the
   current page is brought into view. */
(function () {
  "use strict";
  var list = document.querySelector(".sidebar-scroll ul[data-toc]");
  if (!list) return;
  var scroller = list.closest(".sidebar-scroll");
  var tocUrl = list.getAttribute("data-toc");
  var base = tocUrl.slice(0, tocUrl.lastIndexOf("/") + 1);
  var SCROLL_KEY = "playbook-sidebar";
  var nodes = null; /* every entry, depth first: its index is its number */
  var top = null;
  var waiting = null;

  /* toc.js once, then `then`; on failure, `fallback`. */
  function load(then, fallback) {
    if (nodes) { then(); return; }
    if (waiting) { waiting.push([then, fallback]); return; }
    waiting = [[then, fallback]];
    var script = document.createElement("script");
    script.src = tocUrl;
    function done(ok) {
      var calls = waiting;
      waiting = null;
      for (var i = 0; i < calls.length; i++) calls[i][ok ? 0 : 1]();
    }
    script.onload = function () {
      var tree = (window.playbookToc || {})[document.documentElement.lang];
      if (!tree) { done(false); return; }
      nodes = [];
      top = tree;
      flatten(tree, null);
      done(true);
    };
    script.onerror = function () { done(false); };
    document.head.appendChild(script);
  }

  function flatten(entries, parent) {
    for (var i = 0; i < entries.length; i++) {
      entries[i].parent = parent;
      entries[i].i = nodes.length;
      nodes.push(entries[i]);
      if (entries[i].c) flatten(entries[i].c, entries[i]);
    }
  }

  /* An href of toc.js (relative to it) as seen from this page. */
  function resolve(href) {
    var b = base;
    if (href.slice(0, 2) === "./") href = href.slice(2);
    while (href.slice(0, 3) === "../" && b && !/(^|\/)\.\.\/$/.test(b)) {
      b = b.replace(/[^\/]*\/$/, "");
      href = href.slice(3);
    }
    return b + href || "./";
  }

  /* A page's address without its fragment, a folder's index.html as the
     folder (links name files; a visitor may have typed the folder). */
  function pageOf(url) { return url.split("#")[0].replace(/\/index\.html$/, "/"); }
  var here = pageOf(location.href);

  function element(tag, className) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    return e;
  }

  function caret(name, number, expanded, contentsHref) {
    var b = element("button", "nav-caret");
    b.type = "button";
    b.setAttribute("aria-expanded", expanded ? "true" : "false");
    b.setAttribute("aria-label", name);
    b.setAttribute("data-t", number);
    if (contentsHref) b.setAttribute("data-href", contentsHref);
    return b;
  }

  /* The <li> of an entry, as the build writes it (collapsed). */
  function entry(node) {
    var li = element("li");
    var row = element("div", "nav-row");
    var label;
    if (node.h != null) {
      label = element("a");
      label.href = node.x ? node.h : resolve(node.h);
      if (node.x) { label.className = "external"; label.rel = "noopener"; }
      else if (pageOf(label.href) === here) label.setAttribute("aria-current", "page");
    } else {
      label = element("span", "nav-label");
    }
    label.textContent = node.n;
    row.appendChild(label);
    li.appendChild(row);
    if (node.c) {
      /* expanded: true in the toc: open wherever it is shown. */
      row.appendChild(caret(node.n, node.i, !!node.e, null));
      if (node.e) li.appendChild(children(node));
    }
    return li;
  }

  function children(node) {
    var ul = element("ul", "nav-list");
    for (var k = 0; k < node.c.length; k++) ul.appendChild(entry(node.c[k]));
    return ul;
  }

  /* The build's links become buttons. */
  var links = list.querySelectorAll("a.nav-caret, a.nav-more");
  for (var i = 0; i < links.length; i++) {
    var a = links[i];
    var href = a.getAttribute("href");
    var number = href.slice(href.lastIndexOf("#t") + 2);
    var button;
    if (a.classList.contains("nav-more")) {
      button = element("button", "nav-more");
      button.type = "button";
      button.textContent = a.textContent;
      button.setAttribute("data-t", number);
      button.setAttribute("data-more", a.getAttribute("data-more"));
      button.setAttribute("data-href", href);
    } else {
      button = caret(a.parentNode.firstChild.textContent, number, false, href);
    }
    a.parentNode.replaceChild(button, a);
  }

  function childList(li) {
    for (var c = li.lastElementChild; c; c = c.previousElementSibling) if (c.tagName === "UL") return c;
    return null;
  }

  function toggle(button) {
    var li = button.closest("li");
    var sub = childList(li);
    if (button.getAttribute("aria-expanded") === "true") {
      if (sub) sub.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    if (sub) {
      sub.hidden = false;
      button.setAttribute("aria-expanded", "true");
      return;
    }
    load(function () {
      var node = nodes[+button.getAttribute("data-t")];
      if (!node || !node.c) return;
      li.appendChild(children(node));
      button.setAttribute("aria-expanded", "true");
    }, function () { location.href = button.getAttribute("data-href"); });
  }

  function more(button) {
    load(function () {
      var first = nodes[+button.getAttribute("data-t")];
      if (!first) return;
      var siblings = first.parent ? first.parent.c : top;
      var at = siblings.indexOf(first);
      var count = +button.getAttribute("data-more");
      var rows = document.createDocumentFragment();
      for (var k = at; k < at + count && k < siblings.length; k++) rows.appendChild(entry(siblings[k]));
      var shown = rows.firstChild;
      var li = button.closest("li");
      li.parentNode.replaceChild(rows, li);
      /* Keyboard focus goes on where the button was. */
      var target = shown && shown.querySelector("a, button");
      if (target) target.focus();
    }, function () { location.href = button.getAttribute("data-href"); });
  }

  list.addEventListener("click", function (event) {
    var target = event.target;
    if (target.closest("button.nav-more")) { more(target.closest("button.nav-more")); return; }
    var button = target.closest("button.nav-caret");
    if (!button && target.classList.contains("nav-label")) {
      var next = target.nextElementSibling;
      if (next && next.classList.contains("nav-caret") && next.tagName === "BUTTON") button = next;
    }
    if (button) { toggle(button); return; }
    var link = target.closest("a[href]");
    if (link && scroller) {
      var offset = link.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      try {
        sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ href: pageOf(link.href), offset: offset }));
      } catch (e) { /* storage refused: the page is brought into view instead */ }
    }
  });

  /* Scroll: the followed link where it was, else the current page in view. */
  var current = list.querySelector("[aria-current='page']");
  if (!scroller || !current) return;
  var saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || "null");
    sessionStorage.removeItem(SCROLL_KEY);
  } catch (e) { saved = null; }
  var offset = current.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  if (saved && saved.href === here && typeof saved.offset === "number") {
    scroller.scrollTop += offset - saved.offset;
  } else if (offset < 0 || offset > scroller.clientHeight * 0.7) {
    scroller.scrollTop += offset - scroller.clientHeight / 3;
  }
})();
