  /* ---- shared by every view page, included inside each page's own script ---- */
  var TIP_SOURCES = 5;        // sources in a tooltip; the side panel lists them all
  var TIP_VALUE_CHARS = 220;
  var TRAILING_WORDS = /\s+(of|the|a|an|in|on|at|to|for|by|from|with|and|or|as|per)$/i;
  var HIDDEN_PROPERTIES = { dossiers: 1, document: 1 }; // bookkeeping, and internal file paths

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function safeHref(url) {
    return (typeof url === "string" && /^https?:\/\//i.test(url)) ? url : null;
  }
  function idPath(id) { return encodeURIComponent(id).replace(/%3A/g, ":"); }
  function clip(text, max) {
    text = String(text).trim();
    if (text.length <= max) { return text; }
    var cut = text.slice(0, max);
    var space = cut.lastIndexOf(" ");
    cut = space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1);
    while (TRAILING_WORDS.test(cut)) { cut = cut.replace(TRAILING_WORDS, ""); }
    return cut.replace(/[\s,;:(\/-]+$/, "") + "…";
  }

  /* ---- sources: publisher or title, and a date; never an internal file path ---- */
  function sourceText(sources, id) {
    var src = sources[id] || {};
    return [src.publisher || src.name || "a source (" + id + ")", src.date || "date unknown"].join(", ");
  }
  // One source as a list item, linked to its page when it has a web address (and `linked`
  // is not false: a tooltip cannot be clicked).
  function sourceLine(sources, id, linked) {
    var src = sources[id] || {};
    var line = el("li");
    var href = linked === false ? null : safeHref(src.url);
    if (href) {
      var a = el("a", sourceText(sources, id), "source-link");
      a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
      line.appendChild(a);
    } else {
      line.textContent = sourceText(sources, id);
    }
    if (src.name && src.name !== src.publisher) { line.title = src.name; }
    return line;
  }

  function valueText(value, brief) {
    var text = Array.isArray(value) ? value.join(", ") : (value !== null && typeof value === "object" ? JSON.stringify(value) : String(value));
    return brief ? clip(text, TIP_VALUE_CHARS) : text;
  }
  // A node or relationship as text: its title, values, other stated values and sources.
  // `brief` (tooltips) shortens long values and lists a few sources.
  function describe(sources, title, labels, props, srcs, alternatives, brief) {
    var box = el("div", null, "tip");
    box.appendChild(el("b", title));
    if (labels) { box.appendChild(el("div", labels.join(", "), "muted")); }
    var list = el("ul", null, "kv");
    props = props || {};
    Object.keys(props).sort().forEach(function (key) {
      if (HIDDEN_PROPERTIES[key]) { return; }
      var value = props[key];
      if (value === null || value === undefined || value === "") { return; }
      if (Array.isArray(value) && !value.length) { return; }
      list.appendChild(el("li", key + ": " + valueText(value, brief)));
    });
    if (labels && labels.indexOf("Source") >= 0 && !props.date) { list.appendChild(el("li", "date: date unknown")); }
    box.appendChild(list);
    if (alternatives && alternatives.length) {
      // Values other dossiers state, not shown above: each with who states it and on what.
      box.appendChild(el("div", "Also stated", "muted"));
      var alt = el("ul", null, "kv alternatives");
      alternatives.forEach(function (a) {
        var item = el("li", a.property + ": " + valueText(a.value, brief) + " (" + a.dossiers.join(", ") + ")");
        var cited = el("ul", null, "kv");
        a.sources.slice(0, brief ? TIP_SOURCES : undefined).forEach(function (id) { cited.appendChild(sourceLine(sources, id)); });
        item.appendChild(cited);
        alt.appendChild(item);
      });
      box.appendChild(alt);
    }
    if (srcs && srcs.length) {
      box.appendChild(el("div", "Sources", "muted"));
      var srcList = el("ul", null, "kv sources");
      var shown = brief ? srcs.slice(0, TIP_SOURCES) : srcs;
      shown.forEach(function (id) { srcList.appendChild(sourceLine(sources, id)); });
      if (shown.length < srcs.length) { srcList.appendChild(el("li", (srcs.length - shown.length) + " more: click to see them all", "muted")); }
      box.appendChild(srcList);
    }
    return box;
  }
