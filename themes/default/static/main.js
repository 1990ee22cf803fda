/* playbook default theme: dark-mode toggle, off-canvas menu, language
   choice memory, "on this page" highlight (the sidebar's own script is
   sidebar.js). Everything works without it; this only improves. */
(function () {
  "use strict";
  var root = document.documentElement;
  var THEME_KEY = "playbook-theme";
  var LANG_KEY = "playbook-lang";

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }

  /* Dark mode: data-theme on <html>, persisted; default follows the OS. */
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen === "dark";
    return !!(media && media.matches);
  }
  var toggles = document.querySelectorAll("[data-theme-toggle]");
  function syncToggles() {
    for (var i = 0; i < toggles.length; i++) toggles[i].setAttribute("aria-pressed", isDark() ? "true" : "false");
  }
  for (var i = 0; i < toggles.length; i++) {
    toggles[i].addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      store(THEME_KEY, next);
      syncToggles();
    });
  }
  if (media && media.addEventListener) media.addEventListener("change", syncToggles);
  syncToggles();

  /* Off-canvas menu on small screens. */
  var menuButton = document.querySelector("[data-menu-toggle]");
  var sidebar = document.getElementById("sidebar");
  function menuOpen() { return root.classList.contains("nav-open"); }
  function setMenu(open) {
    if (!menuButton || !sidebar) return;
    root.classList.toggle("nav-open", open);
    menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var target = sidebar.querySelector("[aria-current='page']") || sidebar.querySelector("a, summary, button");
      if (target) target.focus();
    } else {
      menuButton.focus();
    }
  }
  if (menuButton) menuButton.addEventListener("click", function () { setMenu(!menuOpen()); });
  var closers = document.querySelectorAll("[data-menu-close]");
  for (var j = 0; j < closers.length; j++) closers[j].addEventListener("click", function () { setMenu(false); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (menuOpen()) { setMenu(false); return; }
    var open = document.querySelector(".lang-switch[open]");
    if (open) { open.removeAttribute("open"); open.querySelector("summary").focus(); }
  });
  window.addEventListener("resize", function () {
    if (menuOpen() && window.innerWidth >= 900) root.classList.remove("nav-open");
  });

  /* Language switcher: remember an explicit choice; close when clicking elsewhere. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-lang]") : null;
    if (link) store(LANG_KEY, link.getAttribute("data-lang"));
    var open = document.querySelector(".lang-switch[open]");
    if (open && !open.contains(event.target)) open.removeAttribute("open");
  });

  /* Scrollable code blocks and tables must be reachable by keyboard. */
  var scrollables = document.querySelectorAll(".markdown pre, .table-wrap, .markdown > table");
  for (var q = 0; q < scrollables.length; q++) {
    var box = scrollables[q];
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
  }

  /* Code blocks: the copy button is in the page, hidden until here; it
     sits in the block's label bar or over its corner, so showing it moves
     nothing. Both of its words share one grid cell: the button keeps its
     width when "Copy" becomes "Copied". */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }
  var copyButtons = document.querySelectorAll(".code-block .copy-button");
  for (var c = 0; c < copyButtons.length; c++) {
    var copyButton = copyButtons[c];
    var idle = document.createElement("span");
    idle.className = "copy-label";
    idle.textContent = copyButton.textContent;
    var done = document.createElement("span");
    done.className = "copy-done";
    done.setAttribute("aria-hidden", "true");
    done.textContent = copyButton.getAttribute("data-copied") || "";
    copyButton.textContent = "";
    copyButton.appendChild(idle);
    copyButton.appendChild(done);
    copyButton.setAttribute("aria-live", "polite");
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      var button = this;
      var code = button.closest(".code-block").querySelector("pre code");
      copyText(code ? code.textContent : "").then(function () {
        button.classList.add("is-copied");
        button.firstChild.setAttribute("aria-hidden", "true");
        button.lastChild.removeAttribute("aria-hidden");
        setTimeout(function () {
          button.classList.remove("is-copied");
          button.firstChild.removeAttribute("aria-hidden");
          button.lastChild.setAttribute("aria-hidden", "true");
        }, 2000);
      }, function () { /* the text can still be selected by hand */ });
    });
  }

  /* Small screens: "On this page" belongs under the title, which the body
     may hold itself. */
  var mobileToc = document.querySelector(".page-toc-mobile");
  var bodyTitle = document.querySelector(".markdown > h1:first-child");
  if (mobileToc && bodyTitle && bodyTitle.parentNode) bodyTitle.parentNode.insertBefore(mobileToc, bodyTitle.nextSibling);

  /* On this page: mark the section being read. */
  var tocLinks = document.querySelectorAll(".page-toc .page-toc-list a");
  if (tocLinks.length && "IntersectionObserver" in window) {
    var byId = {};
    var headings = [];
    for (var k = 0; k < tocLinks.length; k++) {
      var id = decodeURIComponent(tocLinks[k].getAttribute("href").slice(1));
      var heading = document.getElementById(id);
      if (heading) { byId[id] = tocLinks[k]; headings.push(heading); }
    }
    var current = null;
    var observer = new IntersectionObserver(function (entries) {
      for (var n = 0; n < entries.length; n++) {
        if (!entries[n].isIntersecting) continue;
        if (current) current.classList.remove("is-current");
        current = byId[entries[n].target.id];
        if (current) current.classList.add("is-current");
      }
    }, { rootMargin: "0px 0px -70% 0px" });
    for (var m = 0; m < headings.length; m++) observer.observe(headings[m]);
  }

  /* DocFX tabs: the build shows every panel, each under its label, so
     they read without JavaScript. Here each group gets an ARIA tab list
     (arrow keys, Home, End) and shows one panel; choosing a tab shows the
     tab of the same id in every group of the page, as DocFX does. */
  var tabGroups = document.querySelectorAll("[data-tabs]");
  function chooseTab(id) {
    for (var g = 0; g < tabGroups.length; g++) {
      var tabs = tabGroups[g].querySelectorAll('.tab-list [role="tab"]');
      var has = false;
      for (var t = 0; t < tabs.length; t++) if (tabs[t].getAttribute("data-tab") === id) has = true;
      if (!has) continue;
      for (var u = 0; u < tabs.length; u++) {
        var on = tabs[u].getAttribute("data-tab") === id;
        tabs[u].setAttribute("aria-selected", on ? "true" : "false");
        tabs[u].tabIndex = on ? 0 : -1;
        var panel = document.getElementById(tabs[u].getAttribute("aria-controls"));
        if (panel) panel.hidden = !on;
      }
    }
  }
  for (var g = 0; g < tabGroups.length; g++) {
    var group = tabGroups[g];
    var list = document.createElement("div");
    list.className = "tab-list";
    list.setAttribute("role", "tablist");
    var panels = group.children;
    for (var p = 0; p < panels.length; p++) {
      var panel = panels[p];
      var label = panel.querySelector(".tab-label");
      if (!panel.classList.contains("tab-panel") || !label) continue;
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("role", "tab");
      button.id = label.id;
      label.removeAttribute("id");
      button.textContent = label.textContent;
      button.setAttribute("aria-controls", panel.id);
      button.setAttribute("data-tab", panel.getAttribute("data-tab"));
      panel.setAttribute("role", "tabpanel");
      panel.tabIndex = 0;
      button.addEventListener("click", function () { chooseTab(this.getAttribute("data-tab")); });
      button.addEventListener("keydown", function (e) {
        var all = this.parentNode.querySelectorAll('[role="tab"]');
        var at = Array.prototype.indexOf.call(all, this);
        var to = e.key === "ArrowRight" ? at + 1 : e.key === "ArrowLeft" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? all.length - 1 : null;
        if (to === null) return;
        e.preventDefault();
        var next = all[(to + all.length) % all.length];
        chooseTab(next.getAttribute("data-tab"));
        next.focus();
      });
      list.appendChild(button);
    }
    if (!list.firstChild) continue;
    group.insertBefore(list, group.firstChild);
    group.classList.add("tabs-ready");
    var first = list.firstChild;
    first.setAttribute("aria-selected", "true");
    for (var q = 0; q < list.children.length; q++) {
      var other = list.children[q];
      if (other !== first) {
        other.setAttribute("aria-selected", "false");
        other.tabIndex = -1;
        document.getElementById(other.getAttribute("aria-controls")).hidden = true;
      }
    }
  }
})();
