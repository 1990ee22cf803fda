// playbook serve: live reload and the build report overlay. `playbook serve`
// adds this script to the HTML it serves; a built site never carries it.
// Events come from /__playbook/events (see src/serve/live.rs). The overlay
// lives in a shadow root (the page's CSS cannot reach it, nor it the page),
// is fixed to a corner (no layout change), and is made of text nodes only.
(() => {
  "use strict";
  const script = document.currentScript;
  const path = (script && script.dataset.path) || "";
  let version = Number(script && script.dataset.version);
  const DISMISSED = "playbook-serve-dismissed";
  let host = null;

  // The server lists this page's findings first and marks new ones.
  const source = new EventSource("/__playbook/events?page=" + encodeURIComponent(path));
  source.addEventListener("reload", (event) => {
    const r = JSON.parse(event.data);
    // The 404 page stands for a page that may just have been created.
    const mine = r.all || path === "404.html" || r.changed.some((p) => p === path || !p.endsWith(".html"));
    if (mine) {
      location.reload();
    } else {
      version = r.version;
    }
  });
  source.addEventListener("status", (event) => {
    const s = JSON.parse(event.data);
    if (Number.isNaN(version)) version = s.version;
    // The files moved on while this page was not listening.
    if (s.version !== version) {
      location.reload();
      return;
    }
    show(s);
  });

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  function show(s) {
    const { errors, warnings } = s.summary;
    const dismissed = sessionStorage.getItem(DISMISSED) === String(s.attempt);
    if (host) host.remove();
    host = null;
    if (dismissed || (s.ok && errors + warnings === 0)) return;

    host = document.createElement("playbook-serve-report");
    const root = host.attachShadow({ mode: "open" });
    root.append(el("style", {}, CSS));
    let counts = `${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`;
    if (s.here) counts += ` (${s.here} on this page)`;
    const summary = el("p", { class: "summary", role: "status" },
      s.ok ? `playbook: ${counts}` : `playbook: rebuild failed; showing the last good site (${counts})`);
    const toggle = el("button", { type: "button", class: "toggle", "aria-expanded": "false", "aria-controls": "pb-list" }, "Show");
    const close = el("button", { type: "button", class: "close", "aria-label": "Dismiss the build report", title: "Dismiss" }, "\u00d7");
    const list = el("div", { id: "pb-list", class: "list", tabindex: "-1" });
    list.hidden = true;
    if (s.error) list.append(el("pre", { class: "fatal", role: "alert" }, s.error));
    // This page's findings, then the others (new ones first, marked).
    const groups = [
      [s.diagnostics.filter((d) => d.here), "On this page"],
      [s.diagnostics.filter((d) => !d.here), s.here ? "Elsewhere" : ""],
    ];
    for (const [findings, title] of groups) {
      if (!findings.length) continue;
      if (title) list.append(el("h2", { class: "group" }, title));
      const items = el("ol", { class: "findings" });
      for (const d of findings) {
        const at = [d.file, d.line, d.column].filter((x) => x !== null && x !== undefined).join(":");
        const item = el("li", { class: d.new ? `${d.severity} new` : d.severity },
          el("span", { class: "where" }, at),
          " ",
          el("span", { class: "severity" }, d.severity),
          " ",
          el("code", {}, d.code));
        if (d.new) item.append(" ", el("span", { class: "badge" }, "new"));
        item.append(el("p", { class: "message" }, d.message));
        if (d.help) item.append(el("p", { class: "help" }, `help: ${d.help}`));
        items.append(item);
      }
      list.append(items);
    }
    if (s.total > s.diagnostics.length) {
      list.append(el("p", { class: "more" }, `… and ${s.total - s.diagnostics.length} more in the terminal`));
    }
    const panel = el("aside", { class: s.ok ? "panel" : "panel failed", "aria-label": "playbook build report" },
      el("div", { class: "bar" }, summary, toggle, close), list);
    root.append(panel);

    const setOpen = (open) => {
      list.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? "Hide" : "Show";
    };
    toggle.addEventListener("click", () => setOpen(list.hidden));
    close.addEventListener("click", () => {
      sessionStorage.setItem(DISMISSED, String(s.attempt));
      host.remove();
      host = null;
    });
    panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !list.hidden) {
        setOpen(false);
        toggle.focus();
      }
    });
    setOpen(!s.ok);
    document.documentElement.append(host);
  }

  const CSS = `
    :host { all: initial; position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647;
      max-width: min(44rem, calc(100vw - 2rem)); font: 14px/1.45 system-ui, sans-serif; color: #f0f3f6; }
    .panel { background: #1f2328; border: 2px solid #d29922; border-radius: 8px;
      box-shadow: 0 4px 16px rgba(0, 0, 0, .35); overflow: hidden; }
    .panel.failed { border-color: #ff7b72; }
    .bar { display: flex; align-items: center; gap: .5rem; padding: .4rem .5rem .4rem .75rem; }
    .summary { margin: 0; flex: 1; font-weight: 600; }
    button { font: inherit; color: inherit; background: #30363d; border: 1px solid #6e7681;
      border-radius: 6px; padding: .15rem .6rem; cursor: pointer; }
    button:focus-visible { outline: 2px solid #79c0ff; outline-offset: 2px; }
    .close { font-size: 1.1rem; line-height: 1; padding: .15rem .45rem; }
    .list { max-height: 50vh; overflow: auto; padding: 0 .75rem .5rem; border-top: 1px solid #30363d; }
    .fatal { white-space: pre-wrap; color: #ffa198; margin: .5rem 0; font: 13px/1.4 ui-monospace, monospace; }
    .findings { margin: .5rem 0; padding-left: 1.25rem; }
    .findings li { margin: .35rem 0; overflow-wrap: anywhere; }
    .where, code { font: 13px/1.4 ui-monospace, monospace; }
    .severity { font-weight: 600; text-transform: uppercase; font-size: 12px; }
    .error .severity { color: #ff7b72; }
    .warning .severity { color: #e3b341; }
    .message, .help, .more { margin: .1rem 0; }
    .help { color: #b1bac4; }
    .group { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #b1bac4; margin: .6rem 0 0; }
    .badge { font: 600 11px/1.4 system-ui, sans-serif; background: #1f6feb; color: #fff; border-radius: 4px;
      padding: 0 .35rem; }
  `;
})();
