/* The explorer's behaviour. Its state lives in the address (/?view=...): every change is a
   history.pushState, popstate shows the state again, and opening an address shows the same
   view. Text from the data reaches the page through textContent only. */
(function () {
  "use strict";

  // Each view of the frame: its route, the query key that names its subject, and for named
  // queries a prefix that keeps their parameters apart from the explorer's own keys.
  var VIEWS = {
    entity: { route: "/views/entities/", key: "id" },
    operation: { route: "/views/operations/", key: "id" },
    query: { route: "/views/queries/", key: "name", prefix: "q." },
    paths: { route: "/views/paths" },
    shared: { route: "/views/shared" },
    timeline: { route: "/views/timeline" },
    map: { route: "/views/map" },
    graph: { route: "/views/graph" }
  };
  var DEFAULT_STATE = { view: "entity", key: "group:sparks", params: [], path: null };
  var FILTER_KEYS = ["depth", "labels", "types"];
  var ID_LIKE = /^[a-z]+:[^\s\x00-\x1f\x7f]{1,250}$/;
  var PHONE = window.matchMedia("(max-width: 700px)");
  var SHARED_MAX = 10;

  var current = null;
  var frameSrc = null;
  var pathsAnswer = { url: null, body: null };
  var sharedAnswer = { url: null, body: null };

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function quoted(text) { return "\u201c" + text + "\u201d"; }

  // ---- addresses ---------------------------------------------------------------------------

  // ':' and ',' stay readable in addresses; everything else is percent-encoded.
  function enc(text) { return encodeURIComponent(text).replace(/%3A/gi, ":").replace(/%2C/gi, ","); }
  function encPath(text) { return encodeURIComponent(text).replace(/%3A/gi, ":"); }
  function queryOf(pairs) {
    return pairs.map(function (p) { return enc(p[0]) + "=" + enc(p[1]); }).join("&");
  }
  function param(state, name) {
    var found = state.params.find(function (p) { return p[0] === name; });
    return found ? found[1] : null;
  }
  function params(state, name) {
    return state.params.filter(function (p) { return p[0] === name; }).map(function (p) { return p[1]; });
  }

  function addressOf(state) {
    var spec = VIEWS[state.view];
    var pairs = [["view", state.view]];
    if (spec.key) { pairs.push([spec.key, state.key]); }
    state.params.forEach(function (p) { pairs.push([(spec.prefix || "") + p[0], p[1]]); });
    if (state.view === "paths" && state.path) { pairs.push(["path", String(state.path)]); }
    return "/?" + queryOf(pairs);
  }

  function frameUrlOf(state) {
    var spec = VIEWS[state.view];
    return spec.route + (spec.key ? encPath(state.key) : "") + "?" + queryOf(state.params.concat([["embed", "1"]]));
  }

  // The state an address holds, or {problem} when it names no view the explorer knows.
  function stateFromAddress() {
    if (!location.search) { return copy(DEFAULT_STATE); }
    var search = new URLSearchParams(location.search);
    var view = search.get("view") || "";
    var spec = Object.prototype.hasOwnProperty.call(VIEWS, view) ? VIEWS[view] : null;
    if (!spec) { return { problem: "This address names no view (" + quoted(view) + "); here is the Sparks group instead." }; }
    var state = { view: view, key: "", params: [], path: null };
    search.forEach(function (value, name) {
      if (name === "view") { return; }
      if (spec.key && name === spec.key && !state.key) { state.key = value; return; }
      if (view === "paths" && name === "path") { state.path = parseInt(value, 10) || null; return; }
      if (spec.prefix) {
        if (name.indexOf(spec.prefix) === 0) { state.params.push([name.slice(spec.prefix.length), value]); }
        return;
      }
      state.params.push([name, value]);
    });
    if (spec.key && !state.key) { return { problem: "This address names no " + spec.key + " to show; here is the Sparks group instead." }; }
    return state;
  }

  // The state of a view's own URL (a link in the panel or in the frame), or null.
  function stateFromViewUrl(href, base) {
    var url;
    try { url = new URL(href, base || location.href); } catch (e) { return null; }
    if (url.origin !== location.origin) { return null; }
    var names = Object.keys(VIEWS);
    for (var i = 0; i < names.length; i++) {
      var spec = VIEWS[names[i]], key = "";
      if (spec.key) {
        if (url.pathname.indexOf(spec.route) !== 0 || url.pathname.length === spec.route.length) { continue; }
        try { key = decodeURIComponent(url.pathname.slice(spec.route.length)); } catch (e) { return null; }
      } else if (url.pathname !== spec.route) {
        continue;
      }
      var pairs = [];
      url.searchParams.forEach(function (value, name) {
        if (name !== "embed" && name !== "format") { pairs.push([name, value]); }
      });
      return { view: names[i], key: key, params: pairs, path: null };
    }
    return null;
  }

  function copy(state) { return { view: state.view, key: state.key, params: state.params.slice(), path: state.path }; }

  // A neighbourhood opened from a link keeps the depth and filters of the one on show.
  function keepFilters(state) {
    if (state.view !== "entity" || !current || current.view !== "entity") { return state; }
    if (state.params.some(function (p) { return FILTER_KEYS.indexOf(p[0]) >= 0; })) { return state; }
    var kept = current.params.filter(function (p) { return FILTER_KEYS.indexOf(p[0]) >= 0; });
    return { view: state.view, key: state.key, params: kept.concat(state.params), path: null };
  }

  // ---- navigation ----------------------------------------------------------------------------

  function go(state) {
    closePanelOnPhone();
    if (current && addressOf(state) === addressOf(current)) { return; }
    history.pushState(null, "", addressOf(state));
    show(state);
  }

  window.addEventListener("popstate", function () { start(); });

  // A node expanded in place inside the frame: the view keeps it in its own address and
  // tells us, so the explorer's address (and Back) follows without reloading the frame.
  window.addEventListener("message", function (event) {
    var frame = $("view");
    if (event.origin !== location.origin || !frame || event.source !== frame.contentWindow) { return; }
    var message = event.data || {};
    if (message.piracyGraph !== "expanded") { return; }
    var state = stateFromViewUrl(message.href);
    if (!state || state.view !== (current && current.view)) { return; }
    state.path = current.path;
    current = state;
    frameSrc = frameUrlOf(state);
    history.pushState(null, "", addressOf(state));
  });

  function start() {
    var state = stateFromAddress();
    if (state.problem) {
      tell($("message"), state.problem);
      state = copy(DEFAULT_STATE);
      history.replaceState(null, "", addressOf(state));
      show(state, true);
      return;
    }
    settleNames(state).then(function (settled) {
      if (addressOf(settled) !== location.pathname + location.search) {
        history.replaceState(null, "", addressOf(settled));
      }
      show(settled);
    }, function (problems) {
      // An address with a name that finds no single entity: say so, show nothing wrong.
      current = state;
      reflectControls(state);
      var retry = state.view === "paths" ? findPaths : findShared;
      problems.forEach(function (p) { tell(problemBox(state), p.problem, p.choices, inputFor(state, p), retry); });
      var box = $("frame-message");
      box.textContent = "";
      box.appendChild(el("p", problems.map(function (p) { return p.problem; }).join(" ") + " See the panel."));
      box.hidden = false;
      setPanel(true);
    });
  }

  // Paths and shared addresses may carry names (typed by a person): resolve them to ids.
  function settleNames(state) {
    var keys = state.view === "paths" ? ["from", "to"] : state.view === "shared" ? ["id"] : [];
    var named = state.params.filter(function (p) { return keys.indexOf(p[0]) >= 0 && !ID_LIKE.test(p[1]); });
    if (!named.length) { return Promise.resolve(state); }
    return Promise.all(named.map(function (p) {
      return resolveText(p[1]).then(function (found) { found.text = p[1]; return found; });
    })).then(function (found) {
      var problems = found.filter(function (f) { return f.problem; });
      if (problems.length) { return Promise.reject(problems); }
      var settled = copy(state);
      settled.params = state.params.map(function (p) {
        var i = named.indexOf(p);
        return i >= 0 ? [p[0], found[i].id] : p;
      });
      return settled;
    });
  }

  // The field that holds a name the address carried, to take the entity picked for it.
  function inputFor(state, problem) {
    var fields = state.view === "paths" ? [$("from"), $("to")] : sharedFields(2);
    return fields.find(function (input) { return input.value.trim() === problem.text; }) || null;
  }

  function problemBox(state) {
    return state.view === "paths" ? $("paths-message") : state.view === "shared" ? $("shared-message") : $("message");
  }

  function show(state, keepMessage) {
    current = state;
    if (!keepMessage) { clearMessages(); }
    reflectControls(state);
    var src = frameUrlOf(state);
    if (src !== frameSrc) { openFrame(src); } else { highlightPath(); }
    if (state.view === "paths") { loadPaths(state); } else { $("paths-list").textContent = ""; }
    if (state.view === "shared") { loadShared(state); } else { $("shared-list").textContent = ""; }
  }

  // ---- the frame -----------------------------------------------------------------------------

  // A new iframe for every view: changing an iframe's src adds an entry to the session
  // history, a new iframe's first page does not, so Back walks the explorer's states only.
  function openFrame(src) {
    var frame = document.createElement("iframe");
    frame.id = "view";
    frame.name = "view";
    frame.title = "graph view";
    frame.addEventListener("load", function () { frameLoaded(frame); });
    frame.src = src;
    frameSrc = src;
    $("frame-message").hidden = true;
    $("frame-message").textContent = "";
    document.body.setAttribute("data-frame", "loading");
    setCurrent("Loading\u2026");
    $("view").replaceWith(frame);
  }

  function frameLoaded(frame) {
    if (frame !== $("view")) { return; }
    var win = frame.contentWindow, doc = frame.contentDocument;
    if (!win || !doc || win.location.href === "about:blank") { return; }
    var seen = stateFromViewUrl(win.location.href);
    var embedded = /[?&]embed=1(&|$)/.test(win.location.search);
    if (seen && frameUrlOf(seen) !== frameSrc) {
      // The frame went elsewhere by itself (a form in the view, a link clicked before we
      // listened): that step has its own history entry already, so the address is replaced.
      history.replaceState(null, "", addressOf(seen));
      if (!embedded) { show(seen); return; }
      frameSrc = frameUrlOf(seen);
      show(seen);
    } else if (seen && !embedded) {
      openFrame(frameSrc);
      return;
    }
    if (doc.contentType === "application/json") { frameError(frameSrc); return; }
    doc.addEventListener("click", frameClick, true);
    var title = (doc.title || "").replace(/ · piracy-graph$/, "");
    var subtitle = doc.querySelector("header p");
    setCurrent(title + (subtitle ? " \u2014 " + subtitle.textContent.split("\u00b7")[0].trim() : ""));
    document.title = title + " \u00b7 piracy-graph explorer";
    document.body.setAttribute("data-frame", "loaded");
    whenDrawn(frame, function () {
      document.body.setAttribute("data-frame", "ready");
      highlightPath();
    });
  }

  function whenDrawn(frame, then) {
    var tries = 0;
    (function poll() {
      if (frame !== $("view")) { return; }
      var doc = frame.contentDocument;
      if (doc && doc.body && doc.body.getAttribute("data-ready") === "true") { then(); return; }
      if (tries++ < 300) { setTimeout(poll, 100); }
    }());
  }

  // Links inside the frame change the frame's view (embedded) and the address; links to
  // JSON open in a new tab, so no whole page ever lands inside the frame.
  function frameClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var a = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!a || a.target === "_blank") { return; }
    var url;
    try { url = new URL(a.getAttribute("href"), a.ownerDocument.baseURI); } catch (e) { return; }
    if (url.origin !== location.origin) { return; }
    event.preventDefault();
    var state = stateFromViewUrl(url.href);
    if (state) { go(keepFilters(state)); } else { window.open(url.href, "_blank", "noopener"); }
  }

  function frameError(src) {
    document.body.setAttribute("data-frame", "error");
    fetch(src, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (body) {
      return (body && body.error && body.error.message) || "the server gave no reason";
    }, function () { return "the server gave no reason"; }).then(function (reason) {
      if (src !== frameSrc) { return; }
      var box = $("frame-message");
      box.textContent = "";
      box.appendChild(el("h2", "This view could not be shown"));
      box.appendChild(el("p", reason));
      box.hidden = false;
      setCurrent("This view could not be shown: " + reason);
    });
  }

  function setCurrent(text) {
    $("current").textContent = text;
    $("current-title").textContent = text;
  }

  // ---- answers as JSON -----------------------------------------------------------------------

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.ok) { return body; }
        var error = new Error((body && body.error && body.error.message) || "the server answered " + r.status);
        error.status = r.status;
        throw error;
      });
    });
  }

  // Case-, accent- and punctuation-insensitive, as the server folds names (graph/model/ids.py).
  var MEANINGFUL = { "+": " plus ", "&": " and ", "\u00f8": "o", "\u00d8": "o", "\u00e6": "ae", "\u00c6": "ae",
    "\u0153": "oe", "\u0152": "oe", "\u0111": "d", "\u0110": "d", "\u00f0": "d", "\u00d0": "d", "\u0142": "l",
    "\u0141": "l", "\u00fe": "th", "\u00de": "th", "\u00df": "ss", "\u0131": "i" };
  function fold(text) {
    var spelled = String(text).replace(/[+&\u00f8\u00d8\u00e6\u00c6\u0153\u0152\u0111\u0110\u00f0\u00d0\u0142\u0141\u00fe\u00de\u00df\u0131]/g,
      function (ch) { return MEANINGFUL[ch]; });
    return spelled.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  // The hits named exactly `text` (by name or alias). The server lists those first, so
  // the walk stops at the first hit that is not one.
  function exactHits(text, hits) {
    var wanted = fold(text), exact = [];
    function check(i) {
      if (i >= hits.length || i >= 5) { return Promise.resolve(exact); }
      if (fold(hits[i].name || "") === wanted) { exact.push(hits[i]); return check(i + 1); }
      return fetchJson("/entities/" + encPath(hits[i].id) + "?sources_limit=1").then(function (detail) {
        var aliases = (detail.properties && detail.properties.aliases) || [];
        if (!Array.isArray(aliases)) { aliases = [aliases]; }
        if (!aliases.some(function (a) { return fold(a) === wanted; })) { return exact; }
        exact.push(hits[i]);
        return check(i + 1);
      }, function () { return exact; });
    }
    return check(0);
  }

  // A name or an id -> {id, name} or {problem, choices}.
  function resolveText(text) {
    if (!text) { return Promise.resolve({ problem: "Type a name or an id in each field." }); }
    if (ID_LIKE.test(text)) {
      return fetchJson("/entities/" + encPath(text) + "?sources_limit=1").then(function (detail) {
        return { id: text, name: detail.name || text };
      }, function (error) {
        return { problem: error.status === 404 ? "No entity has the id " + quoted(text) + "." : "Could not look up " + quoted(text) + ": " + error.message };
      });
    }
    return fetchJson("/entities?limit=10&q=" + enc(text)).then(function (body) {
      var hits = body.results || [];
      if (!hits.length) { return { problem: "No entity matches " + quoted(text) + "." }; }
      return exactHits(text, hits).then(function (exact) {
        if (exact.length === 1) { return { id: exact[0].id, name: exact[0].name }; }
        if (exact.length > 1) { return { problem: "Several entities are named " + quoted(text) + ": which one?", choices: exact }; }
        if (hits.length === 1) { return { id: hits[0].id, name: hits[0].name }; }
        return { problem: "Several entities match " + quoted(text) + ": which one?", choices: hits };
      });
    }, function (error) {
      return { problem: "Could not look up " + quoted(text) + ": " + error.message };
    });
  }

  // A field's entity: the one picked for its text, or the text resolved now.
  function resolveInput(input) {
    var text = input.value.trim();
    if (input.dataset.id && input.dataset.text === text) { return Promise.resolve({ id: input.dataset.id, input: input }); }
    return resolveText(text).then(function (found) {
      found.input = input;
      if (found.id) { pin(input, found.id, text); }
      return found;
    });
  }

  function pin(input, id, text) {
    input.dataset.id = id;
    input.dataset.text = text;
    var hint = $(input.id + "-id") || input.parentNode.querySelector(".resolved");
    if (hint) { hint.textContent = id; }
  }

  // A field filled from the address: an id is pinned as it is; a name waits to be resolved.
  function showId(input, id) {
    input.value = id;
    if (ID_LIKE.test(id)) { pin(input, id, id); } else { unpinIfEdited(input); }
  }

  function unpinIfEdited(input) {
    if (input.dataset.text !== input.value.trim()) {
      delete input.dataset.id;
      var hint = $(input.id + "-id") || input.parentNode.querySelector(".resolved");
      if (hint) { hint.textContent = ""; }
    }
  }

  // ---- messages ------------------------------------------------------------------------------

  function clearMessages() {
    ["message", "paths-message", "shared-message"].forEach(function (id) { $(id).textContent = ""; });
  }

  // A message, and when a name was ambiguous the entities it could mean, to pick from.
  function tell(box, text, choices, input, retry) {
    var p = el("p", text);
    p.style.margin = "0";
    box.appendChild(p);
    if (!choices || !choices.length) { return; }
    var list = el("ul", null, "choices");
    choices.forEach(function (hit) {
      var li = el("li");
      var button = el("button", hit.name || hit.id);
      button.type = "button";
      button.dataset.id = hit.id;
      button.appendChild(el("span", " " + (hit.labels || []).join(", ") + " \u00b7 " + hit.id, "muted"));
      button.addEventListener("click", function () {
        if (input) {
          input.value = hit.name || hit.id;
          pin(input, hit.id, input.value.trim());
        }
        box.textContent = "";
        if (retry) { retry(); }
      });
      li.appendChild(button);
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  // ---- suggestions ---------------------------------------------------------------------------

  // Names as you type: a listbox under `input`, Up/Down to move, Enter to take the active
  // (or top) hit, Escape to close. `onEnterWithoutPick` runs when Enter picks nothing.
  function suggest(input, list, take, onEnterWithoutPick) {
    var hits = [], active = -1, shownFor = null, seq = 0, timer = null, moved = false;

    function close() {
      list.textContent = "";
      list.removeAttribute("data-for");
      hits = []; active = -1; shownFor = null; moved = false;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function mark() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        if (i === active) {
          input.setAttribute("aria-activedescendant", li.id);
          li.scrollIntoView({ block: "nearest" });
        }
      });
    }
    function render(text, found) {
      list.textContent = "";
      hits = found; active = found.length ? 0 : -1; shownFor = text; moved = false;
      list.setAttribute("data-for", text);
      if (!found.length) {
        list.appendChild(el("li", "No entity matches " + quoted(text), "none"));
      }
      found.forEach(function (hit, i) {
        var li = el("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        var a = el("a", hit.name || hit.id, "search-hit");
        a.href = "/views/entities/" + encPath(hit.id);
        a.dataset.id = hit.id;
        li.appendChild(a);
        li.appendChild(el("span", " " + (hit.labels || []).join(", ") + " \u00b7 " + hit.id, "muted"));
        // mousedown would blur the input (and close the list) before the click lands.
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function (e) { e.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      input.setAttribute("aria-expanded", "true");
      mark();
    }
    function lookup(text) {
      var mine = ++seq;
      return fetchJson("/entities?limit=10&q=" + enc(text)).then(function (body) {
        if (mine === seq && input.value.trim() === text && document.activeElement === input) { render(text, body.results || []); }
      }, function (error) {
        if (mine !== seq) { return; }
        close();
        list.appendChild(el("li", "Search failed: " + error.message, "none"));
      });
    }
    function pick(i) {
      var hit = hits[i];
      close();
      if (hit) { take(hit); }
    }
    input.addEventListener("input", function () {
      var text = input.value.trim();
      clearTimeout(timer);
      if (!text) { seq++; close(); return; }
      timer = setTimeout(function () { lookup(text); }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!hits.length) { return; }
        event.preventDefault();
        active = event.key === "ArrowDown" ? Math.min(active + 1, hits.length - 1) : Math.max(active - 1, 0);
        moved = true;
        mark();
      } else if (event.key === "Escape") {
        close();
      } else if (event.key === "Enter") {
        event.preventDefault();
        var text = input.value.trim();
        if (!text) { return; }
        if (onEnterWithoutPick && !moved) { close(); onEnterWithoutPick(); return; }
        clearTimeout(timer);
        if (shownFor === text) { if (hits.length) { pick(Math.max(active, 0)); } return; }
        lookup(text).then(function () { if (shownFor === text && hits.length) { pick(0); } });
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  // ---- panel controls ------------------------------------------------------------------------

  function checkboxes(name) {
    return Array.prototype.slice.call(document.querySelectorAll("#filters input[name=" + name + "]"));
  }

  function reflectControls(state) {
    var entity = state.view === "entity";
    $("filters").hidden = !entity;
    var depth = entity ? param(state, "depth") || "1" : "1";
    $("depth").value = ["1", "2", "3"].indexOf(depth) >= 0 ? depth : "1";
    ["labels", "types"].forEach(function (name) {
      var on = entity ? params(state, name) : [];
      checkboxes(name).forEach(function (box) { box.checked = on.indexOf(box.value) >= 0; });
    });
    countFilters();
    if (state.view === "paths") {
      var k = param(state, "k") || "3";
      $("k").value = k;
      ["from", "to"].forEach(function (name) {
        var id = param(state, name);
        // The name arrives with the answer; until then the field shows the id.
        if (id && $(name).dataset.id !== id) { showId($(name), id); }
      });
      $("all-paths").hidden = !state.path;
    } else {
      $("all-paths").hidden = true;
    }
    if (state.view === "shared") {
      var ids = params(state, "id");
      sharedFields(Math.max(ids.length, 2)).forEach(function (input, i) {
        if (ids[i] && input.dataset.id !== ids[i]) { showId(input, ids[i]); }
      });
    }
    // A named query's form shows the parameters it ran with; other forms keep what is typed.
    document.querySelectorAll(".query-form").forEach(function (form) {
      if (state.view !== "query" || form.dataset.name !== state.key) { return; }
      form.querySelectorAll("input").forEach(function (input) {
        var given = param(state, input.name);
        input.value = given !== null ? given : input.dataset.default;
      });
      form.parentNode.open = true;
    });
  }

  function countFilters() {
    [["label-filter", "labels"], ["type-filter", "types"]].forEach(function (pair) {
      var n = checkboxes(pair[1]).filter(function (b) { return b.checked; }).length;
      document.querySelector("#" + pair[0] + " .count").textContent = n ? "(" + n + ")" : "";
    });
  }

  function filtersChanged() {
    countFilters();
    if (!current || current.view !== "entity") { return; }
    var pairs = [];
    if ($("depth").value !== "1") { pairs.push(["depth", $("depth").value]); }
    ["labels", "types"].forEach(function (name) {
      checkboxes(name).forEach(function (box) { if (box.checked) { pairs.push([name, box.value]); } });
    });
    var others = current.params.filter(function (p) { return FILTER_KEYS.indexOf(p[0]) < 0; });
    go({ view: "entity", key: current.key, params: pairs.concat(others), path: null });
  }

  $("depth").addEventListener("change", filtersChanged);
  checkboxes("labels").concat(checkboxes("types")).forEach(function (box) { box.addEventListener("change", filtersChanged); });
  $("clear-filters").addEventListener("click", function () {
    $("depth").value = "1";
    checkboxes("labels").concat(checkboxes("types")).forEach(function (box) { box.checked = false; });
    filtersChanged();
  });

  // ---- paths ---------------------------------------------------------------------------------

  function findPaths() {
    var inputs = [$("from"), $("to")];
    $("paths-message").textContent = "";
    Promise.all(inputs.map(resolveInput)).then(function (found) {
      var problems = found.filter(function (f) { return f.problem; });
      if (problems.length) {
        problems.forEach(function (p) { tell($("paths-message"), p.problem, p.choices, p.input, findPaths); });
        return;
      }
      go({ view: "paths", key: "", params: [["from", found[0].id], ["to", found[1].id], ["k", $("k").value]], path: null });
    });
  }

  function loadPaths(state) {
    var url = "/paths?" + queryOf(state.params);
    if (pathsAnswer.url === url) { renderPaths(pathsAnswer.body, state); return; }
    $("paths-list").textContent = "";
    $("paths-list").appendChild(el("li", "Finding paths\u2026", "muted"));
    fetchJson(url).then(function (body) {
      pathsAnswer = { url: url, body: body };
      if (current === state) { renderPaths(body, state); highlightPath(); }
    }, function (error) {
      if (current !== state) { return; }
      $("paths-list").textContent = "";
      tell($("paths-message"), "No paths: " + error.message);
    });
  }

  function sourceItem(sources, id) {
    var src = sources[id] || {};
    var li = el("li");
    var text = (src.publisher || src.name || id) + ", " + (src.date || "date unknown");
    var href = typeof src.url === "string" && /^https?:\/\//i.test(src.url) ? src.url : null;
    if (href) {
      var a = el("a", text);
      a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    return li;
  }

  function renderPaths(body, state) {
    var list = $("paths-list");
    list.textContent = "";
    var names = {}, edges = {};
    body.nodes.forEach(function (n) { names[n.id] = n.name || n.id; });
    body.edges.forEach(function (e) { edges[e.id] = e; });
    ["from", "to"].forEach(function (name, i) {
      var id = i ? body.target : body.source;
      $(name).value = names[id] || id;
      pin($(name), id, $(name).value.trim());
    });
    if (!body.paths.length) {
      list.appendChild(el("li", "No path of at most " + body.max_hops + " steps joins them.", "muted"));
      return;
    }
    body.paths.forEach(function (path, index) {
      var item = el("li", null, "path");
      var button = el("button", "Path " + (index + 1) + " \u00b7 " + path.length + (path.length === 1 ? " step" : " steps"), "path-show");
      button.type = "button";
      button.setAttribute("aria-pressed", state.path === index + 1 ? "true" : "false");
      button.addEventListener("click", function () {
        var next = copy(current);
        next.path = index + 1;
        go(next);
      });
      item.appendChild(button);
      var steps = el("ol", null, "steps");
      path.edges.forEach(function (edgeId, i) {
        var edge = edges[edgeId] || { type: "?", source: path.nodes[i], sources: [] };
        var a = names[path.nodes[i]] || path.nodes[i], b = names[path.nodes[i + 1]] || path.nodes[i + 1];
        var forward = edge.source === path.nodes[i];
        var step = el("li", null, "step");
        step.appendChild(el("span", forward ? a + " \u2014" + edge.type + "\u2192 " + b : a + " \u2190" + edge.type + "\u2014 " + b, "step-text"));
        var cited = el("ul", null, "sources");
        (edge.sources || []).forEach(function (id) { cited.appendChild(sourceItem(body.sources || {}, id)); });
        if (!(edge.sources || []).length) { cited.appendChild(el("li", "no source")); }
        step.appendChild(cited);
        steps.appendChild(step);
      });
      item.appendChild(steps);
      list.appendChild(item);
    });
    var chosen = state.path ? list.children[state.path - 1] : null;
    if (chosen) { chosen.scrollIntoView({ block: "nearest" }); }
  }

  // The chosen path, drawn over the others in the frame (which shows all k paths).
  function highlightPath() {
    var frame = $("view");
    var graph = frame.contentWindow && frame.contentWindow.piracyGraph;
    if (!graph || !graph.ready || !current || current.view !== "paths") { return; }
    var body = pathsAnswer.url === "/paths?" + queryOf(current.params) ? pathsAnswer.body : null;
    if (!body) { return; }
    var chosen = current.path ? body.paths[current.path - 1] : null;
    var net = graph.network, nodes = net.body.data.nodes, edges = net.body.data.edges;
    var onPath = function (id) { return !chosen || chosen.nodes.indexOf(id) >= 0; };
    // A drawn relationship is known by its ends and its type, whatever id the view gave it.
    var wanted = {};
    (chosen ? chosen.edges : []).forEach(function (id) {
      var e = body.edges.find(function (x) { return x.id === id; });
      if (e) { wanted[e.source + "|" + e.type + "|" + e.target] = true; }
    });
    var edgeOnPath = function (e) {
      var type = e.type || e.label;
      return !!chosen && (wanted[e.from + "|" + type + "|" + e.to] === true || chosen.edges.indexOf(e.key) >= 0);
    };
    var nodeUpdates = nodes.getIds().map(function (id) { return { id: id, opacity: onPath(id) ? 1 : 0.2 }; });
    var edgeUpdates = edges.get().map(function (e) {
      var on = edgeOnPath(e);
      var colour = on ? "#d62728" : "#999999";
      return { id: e.id, width: on ? 4 : 1, color: { color: colour, highlight: colour, hover: colour, opacity: !chosen || on ? 1 : 0.2 } };
    });
    // Built in the frame's own realm, so that vis-network's checks on arrays hold.
    var own = frame.contentWindow.JSON;
    nodes.update(own.parse(JSON.stringify(nodeUpdates)));
    edges.update(own.parse(JSON.stringify(edgeUpdates)));
    if (chosen) {
      var edgeIds = edges.get().filter(edgeOnPath).map(function (e) { return e.id; });
      net.setSelection(own.parse(JSON.stringify({ nodes: chosen.nodes, edges: edgeIds })), { unselectAll: true, highlightEdges: false });
      net.fit(own.parse(JSON.stringify({ nodes: chosen.nodes, animation: false })));
    } else {
      net.unselectAll();
      net.fit(own.parse(JSON.stringify({ animation: false })));
    }
  }

  $("find-paths").addEventListener("click", findPaths);
  $("all-paths").addEventListener("click", function () {
    var next = copy(current);
    next.path = null;
    go(next);
  });

  // ---- shared --------------------------------------------------------------------------------

  function sharedFields(atLeast) {
    var box = $("shared-inputs");
    while (box.children.length < Math.min(atLeast, SHARED_MAX)) {
      var n = box.children.length;
      var combo = el("div", null, "combo");
      var input = el("input");
      input.type = "text";
      input.className = "shared-name";
      input.id = "shared-" + n;
      input.maxLength = 200;
      input.autocomplete = "off";
      input.placeholder = n === 0 ? "a name or an id, e.g. Geckos" : n === 1 ? "another, e.g. Drones" : "and another";
      input.setAttribute("aria-label", "entity " + (n + 1));
      input.setAttribute("role", "combobox");
      input.setAttribute("aria-autocomplete", "list");
      input.setAttribute("aria-expanded", "false");
      var list = el("ul", null, "suggestions");
      list.id = "shared-" + n + "-suggestions";
      list.setAttribute("role", "listbox");
      input.setAttribute("aria-controls", list.id);
      var hint = el("span", null, "resolved muted");
      hint.id = "shared-" + n + "-id";
      combo.appendChild(input); combo.appendChild(list); combo.appendChild(hint);
      box.appendChild(combo);
      fieldBehaviour(input, list, findShared);
    }
    $("add-shared").disabled = box.children.length >= SHARED_MAX;
    return Array.prototype.slice.call(box.querySelectorAll("input.shared-name"));
  }

  function findShared() {
    var inputs = sharedFields(2).filter(function (input) { return input.value.trim(); });
    $("shared-message").textContent = "";
    if (inputs.length < 2) { tell($("shared-message"), "Give two names or more."); return; }
    Promise.all(inputs.map(resolveInput)).then(function (found) {
      var problems = found.filter(function (f) { return f.problem; });
      if (problems.length) {
        problems.forEach(function (p) { tell($("shared-message"), p.problem, p.choices, p.input, findShared); });
        return;
      }
      var ids = [];
      found.forEach(function (f) { if (ids.indexOf(f.id) < 0) { ids.push(f.id); } });
      if (ids.length < 2) { tell($("shared-message"), "These names are all the same entity: give two different ones."); return; }
      go({ view: "shared", key: "", params: ids.map(function (id) { return ["id", id]; }), path: null });
    });
  }

  function loadShared(state) {
    var url = "/shared?" + queryOf(state.params);
    if (sharedAnswer.url === url) { renderShared(sharedAnswer.body); return; }
    $("shared-list").textContent = "";
    fetchJson(url).then(function (body) {
      sharedAnswer = { url: url, body: body };
      if (current === state) { renderShared(body); }
    }, function (error) {
      if (current === state) { tell($("shared-message"), "Nothing shared: " + error.message); }
    });
  }

  function renderShared(body) {
    var names = {};
    body.nodes.forEach(function (n) { names[n.id] = n.name || n.id; });
    sharedFields(body.entities.length).forEach(function (input, i) {
      var id = body.entities[i];
      if (!id) { return; }
      input.value = names[id] || id;
      pin(input, id, input.value.trim());
    });
    var list = $("shared-list");
    list.textContent = "";
    var labels = Object.keys(body.shared || {}).sort();
    labels.forEach(function (label) {
      var li = el("li");
      li.appendChild(el("b", label + ": "));
      li.appendChild(document.createTextNode(body.shared[label].map(function (id) { return names[id] || id; }).join("; ")));
      list.appendChild(li);
    });
    (body.direct || []).forEach(function (edge) {
      list.appendChild(el("li", (names[edge.source] || edge.source) + " \u2014" + edge.type + "\u2192 " + (names[edge.target] || edge.target), "direct"));
    });
    if (!list.children.length) { list.appendChild(el("li", "They share nothing in the graph.", "muted")); }
  }

  $("add-shared").addEventListener("click", function () {
    var fields = sharedFields($("shared-inputs").children.length + 1);
    fields[fields.length - 1].focus();
  });
  $("find-shared").addEventListener("click", findShared);

  // ---- fields that take a name ---------------------------------------------------------------

  function fieldBehaviour(input, list, submit) {
    input.addEventListener("input", function () { unpinIfEdited(input); });
    suggest(input, list, function (hit) {
      input.value = hit.name || hit.id;
      pin(input, hit.id, input.value.trim());
    }, submit);
  }

  fieldBehaviour($("from"), $("from-suggestions"), findPaths);
  fieldBehaviour($("to"), $("to-suggestions"), findPaths);
  sharedFields(2);

  suggest($("q"), $("results"), function (hit) {
    $("q").value = "";
    go(keepFilters({ view: "entity", key: hit.id, params: [], path: null }));
  });

  // ---- links of the panel --------------------------------------------------------------------

  document.querySelectorAll("a.view-link").forEach(function (a) {
    a.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      var state = stateFromViewUrl(a.getAttribute("href"));
      if (!state) { return; }
      event.preventDefault();
      go(state);
    });
  });

  document.querySelectorAll(".query-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var pairs = [];
      form.querySelectorAll("input").forEach(function (input) {
        var value = input.value.trim();
        if (value !== input.dataset.default) { pairs.push([input.name, value]); }
      });
      go({ view: "query", key: form.dataset.name, params: pairs, path: null });
    });
  });

  // ---- phones --------------------------------------------------------------------------------

  function setPanel(open) {
    document.body.classList.toggle("panel-open", open);
    $("panel-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  }
  function closePanelOnPhone() { if (PHONE.matches) { setPanel(false); } }
  $("panel-toggle").addEventListener("click", function () {
    setPanel(!document.body.classList.contains("panel-open"));
  });

  // A browser signed in with a key (api/session.py) signs out here.
  var signOut = $("sign-out");
  if (signOut) {
    signOut.addEventListener("click", function () {
      fetch("/session", { method: "DELETE" }).then(function () { window.location.assign("/login"); });
    });
  }

  window.piracyExplorer = {
    state: function () { return current ? JSON.parse(JSON.stringify(current)) : null; },
    address: function (state) { return addressOf(state); },
    frameUrl: function (state) { return frameUrlOf(state); }
  };
  start();
}());
