/*
 * Python Backend Atlas: the compare tool (features first, then key facts and trade-offs, the
 * differences marked), loaded by atlas.js only on the page that has it. Names, former names and
 * any case resolve to entries; what cannot be compared is said. Data text is set as textContent.
 */
(function () {
  "use strict";

  var el = window.AtlasUtil.el;
  var params = window.AtlasUtil.params;
  var writeUrl = window.AtlasUtil.writeUrl;


  var SUPPORT = {
    "yes": ["✓", "Yes"],
    "partial": ["◐", "Partial"],
    "via-plugin": ["⊕", "Via plugin"],
    "no": ["✗", "No"]
  };
  var MAX_PICK = 4;
  // Fields of every kind that are page furniture, not facts to compare.
  var SKIPPED_FIELDS = ["id", "name", "kind", "features", "description", "sources", "summary",
    "aliases", "as_of", "category", "url"];
  // Key facts first (in this order when present), prose lists last.
  var PROSE_FIELDS = ["best_for", "strengths", "weaknesses", "alternatives"];

  function humanize(value) {
    var words = String(value).replace(/[_-]/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function label(data, value) {
    var labels = data.labels || {};
    return Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : humanize(value);
  }

  function isUrl(text) { return /^https?:\/\//.test(text); }

  // Data text with `code spans`: the spans become <code>, the rest stays text.
  function richText(text) {
    var parts = String(text).split("`");
    if (parts.length % 2 === 0) return document.createTextNode(text);
    var span = el("span");
    parts.forEach(function (part, i) {
      span.appendChild(i % 2 ? el("code", part) : document.createTextNode(part));
    });
    return span;
  }

  function slug(text) { return String(text).toLowerCase().replace(/[^a-z0-9]+/g, ""); }

  function resolver(data) {
    var byKey = {};
    data.entities.forEach(function (e) {
      [e.id, e.name].concat(e.aliases || []).forEach(function (name) {
        var key = slug(name);
        if (key && !byKey[key]) byKey[key] = e;
      });
    });
    return function (text) { return byKey[slug(text)] || null; };
  }

  function entityLink(state, entity, text) {
    var link = el("a", text || entity.name);
    link.href = new URL(entity.url, state.siteRoot).href;
    return link;
  }

  // One value as DOM: entity ids become links, URLs links, enum tokens their words, lists lists.
  function valueNode(state, key, value) {
    var byId = state.byId;
    if (value === null || value === undefined || value === "" ||
        (Array.isArray(value) && !value.length)) return null;
    if (Array.isArray(value)) {
      var items = value.map(function (item) { return valueNode(state, key, item); })
        .filter(Boolean);
      if (!items.length) return null;
      var short = value.every(function (item) {
        return typeof item === "string" && (byId[item] || item.length <= 24);
      });
      if (short) {
        var span = el("span");
        items.forEach(function (node, i) {
          if (i) span.appendChild(document.createTextNode(", "));
          span.appendChild(node);
        });
        return span;
      }
      var list = el("ul", null, "atlas-compare__list");
      items.forEach(function (node) { var li = el("li"); li.appendChild(node); list.appendChild(li); });
      return list;
    }
    if (typeof value === "object") {
      if (value.url && isUrl(value.url)) {
        var a = el("a", value.title || value.url);
        a.href = value.url;
        return a;
      }
      var parts = el("span");
      Object.keys(value).sort().forEach(function (k, i) {
        if (value[k] === null || value[k] === "") return;
        if (i) parts.appendChild(document.createTextNode("; "));
        parts.appendChild(document.createTextNode(humanize(k) + ": "));
        parts.appendChild(valueNode(state, k, value[k]) || document.createTextNode("—"));
      });
      return parts;
    }
    var text = String(value);
    if (byId[text] && state.references.indexOf(key) !== -1) return entityLink(state, byId[text]);
    if (isUrl(text)) {
      var url = el("a", text.replace(/^https?:\/\//, "").replace(/\/$/, ""));
      url.href = text;
      return url;
    }
    if (state.enumFields[key]) return document.createTextNode(label(state.data, text));
    return richText(text);
  }

  function featureNode(state, feature) {
    var box = el("span");
    if (!feature) {
      box.appendChild(el("span", "– Not recorded", "atlas-support atlas-support--unknown"));
      return box;
    }
    var support = SUPPORT[feature.value] || ["?", feature.value];
    var badge = el("span", null, "atlas-support atlas-support--" + feature.value);
    var symbol = el("span", support[0], "atlas-support__symbol");
    symbol.setAttribute("aria-hidden", "true");
    badge.appendChild(symbol);
    badge.appendChild(document.createTextNode(" " + support[1]));
    box.appendChild(badge);
    var extra = [];
    if (feature.via && feature.via.length) {
      var via = el("span", "via ");
      feature.via.forEach(function (id, i) {
        if (i) via.appendChild(document.createTextNode(", "));
        via.appendChild(state.byId[id] ? entityLink(state, state.byId[id]) : document.createTextNode(id));
      });
      extra.push(via);
    }
    if (feature.plugin && feature.plugin.length) extra.push(el("span", "plugin: " + feature.plugin.join(", ")));
    if (feature.since) extra.push(el("span", "since " + feature.since));
    if (feature.note) extra.push(richText(feature.note));
    if (feature.source && isUrl(feature.source)) {
      var src = el("a", "source");
      src.href = feature.source;
      extra.push(src);
    }
    if (extra.length) {
      var small = el("small", null, "atlas-compare__note");
      extra.forEach(function (node, i) {
        if (i) small.appendChild(document.createTextNode(" · "));
        small.appendChild(node);
      });
      box.appendChild(small);
    }
    return box;
  }

  function compareSections(state) {
    var kindInfo = state.data.kinds[state.kind];
    var sections = [];
    var byGroup = {};
    (kindInfo.features || []).forEach(function (feature) {
      var group = feature.group || "Features";
      if (!byGroup[group]) {
        byGroup[group] = { title: group, rows: [] };
        sections.push(byGroup[group]);
      }
      byGroup[group].rows.push({
        key: feature.key, label: feature.label, help: feature.description, feature: true,
        get: function (e) { return e.features ? e.features[feature.key] : null; }
      });
    });
    var facts = { title: "Key facts", rows: [] };
    var prose = { title: "Strengths, weaknesses and alternatives", rows: [] };
    kindInfo.fields.forEach(function (field) {
      if (SKIPPED_FIELDS.indexOf(field.key) !== -1) return;
      var row = { key: field.key, label: field.label, get: function (e) { return e[field.key]; } };
      (PROSE_FIELDS.indexOf(field.key) !== -1 ? prose : facts).rows.push(row);
    });
    prose.rows.sort(function (a, b) { return PROSE_FIELDS.indexOf(a.key) - PROSE_FIELDS.indexOf(b.key); });
    return sections.concat([facts, prose]);
  }

  function signature(row, entity) {
    var value = row.get(entity);
    if (row.feature) return value ? value.value : "unknown";
    return JSON.stringify(value === undefined ? null : value);
  }

  function isEmpty(value) {
    return value === null || value === undefined || value === "" ||
      (Array.isArray(value) && !value.length);
  }

  function renderTable(state) {
    var result = state.result;
    state.references = state.kind ? (state.data.kinds[state.kind].references || []) : [];
    result.replaceChildren();
    var picked = state.picked.map(function (id) { return state.byId[id]; });
    if (!state.kind) {
      state.status.textContent = "Choose what to compare.";
      return;
    }
    if (picked.length < 2) {
      state.status.textContent = picked.length === 1
        ? "Choose one to three more to compare with " + picked[0].name + "."
        : "Choose two to four entries to compare.";
      return;
    }
    var table = el("table", null, "atlas-compare__table");
    table.style.setProperty("--atlas-picked", String(picked.length));
    table.appendChild(el("caption", "Comparing " + picked.map(function (e) { return e.name; }).join(", ")));
    var head = el("thead");
    var headRow = el("tr");
    var corner = el("th", "Field");
    corner.scope = "col";
    headRow.appendChild(corner);
    picked.forEach(function (entity) {
      var th = el("th");
      th.scope = "col";
      th.appendChild(entityLink(state, entity));
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el("tbody");
    var summary = el("tr", null, "atlas-compare__summary");
    var summaryHead = el("th", "Summary");
    summaryHead.scope = "row";
    summary.appendChild(summaryHead);
    picked.forEach(function (entity) {
      var td = el("td");
      td.appendChild(richText(entity.summary));
      summary.appendChild(td);
    });
    body.appendChild(summary);
    var differing = 0;
    var compared = 0;
    var only = state.onlyDiff.checked;
    compareSections(state).forEach(function (section) {
      var rows = [];
      section.rows.forEach(function (row) {
        var values = picked.map(function (entity) { return row.get(entity); });
        if (!row.feature && values.every(isEmpty)) return;
        var sigs = picked.map(function (entity) { return signature(row, entity); });
        var differs = sigs.some(function (s) { return s !== sigs[0]; });
        compared += 1;
        if (differs) differing += 1;
        if (only && !differs) return;
        var tr = el("tr", null, differs ? "atlas-differs" : "atlas-same");
        var th = el("th", null);
        th.scope = "row";
        th.appendChild(document.createTextNode(row.label));
        if (row.help) th.title = row.help.replace(/`/g, "");
        if (differs) {
          var mark = el("span", " ≠", "atlas-diff-mark");
          mark.title = "The entries differ here";
          var words = el("span", " (differs)", "md-visually-hidden atlas-sr");
          th.appendChild(mark);
          th.appendChild(words);
        }
        tr.appendChild(th);
        values.forEach(function (value) {
          var td = el("td");
          var node = row.feature ? featureNode(state, value) : valueNode(state, row.key, value);
          td.appendChild(node || document.createTextNode("—"));
          tr.appendChild(td);
        });
        rows.push(tr);
      });
      if (!rows.length) return;
      var groupRow = el("tr", null, "atlas-compare__group");
      var groupHead = el("th", section.title);
      groupHead.scope = "colgroup";
      groupHead.colSpan = picked.length + 1;
      groupRow.appendChild(groupHead);
      body.appendChild(groupRow);
      rows.forEach(function (tr) { body.appendChild(tr); });
    });
    table.appendChild(body);
    var wrap = el("div", null, "atlas-compare__scroll");
    wrap.appendChild(table);
    result.appendChild(wrap);
    state.status.textContent = "Comparing " + picked.length + " entries: " + differing +
      " of " + compared + " rows differ" + (only ? " (only those are shown)." : ".");
  }

  function syncUrl(state) {
    var values = { ids: state.picked, kind: state.picked.length ? "" : state.kind,
      diff: state.onlyDiff.checked ? "1" : "" };
    writeUrl(values);
  }

  function renderMessages(state) {
    var box = state.messages;
    box.replaceChildren();
    state.notes.forEach(function (note) {
      var p = el("p", null, "atlas-compare__message");
      note.forEach(function (part) {
        p.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
      });
      box.appendChild(p);
    });
    box.hidden = !state.notes.length;
  }

  // Sections in the site's order (frameworks, servers, ...), not the JSON's alphabetical one.
  function kindOrder(data) {
    return Object.keys(data.kinds).sort(function (a, b) {
      return (data.kinds[a].order || 0) - (data.kinds[b].order || 0);
    });
  }

  function renderKinds(state) {
    var box = state.kinds;
    box.replaceChildren();
    box.hidden = !!state.kind;
    if (state.kind) return;
    box.appendChild(el("h2", "What do you want to compare?"));
    var list = el("ul", null, "atlas-kinds atlas-compare__kinds");
    kindOrder(state.data).forEach(function (kind) {
      var count = state.data.counts[kind] || 0;
      if (count < 2) return;
      var li = el("li");
      var pick = el("button", state.data.kinds[kind].title, "atlas-compare__kind");
      pick.type = "button";
      pick.addEventListener("click", function () { setKind(state, kind); state.kindSelect.focus(); });
      li.appendChild(pick);
      li.appendChild(el("span", " " + count + " entries", "atlas-count"));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function setKind(state, kind) {
    state.kind = kind;
    state.kindSelect.value = kind;
    state.picked = [];
    state.notes = [];
    update(state);
  }

  function renderChoices(state) {
    var box = state.choices;
    box.replaceChildren();
    box.hidden = !state.kind;
    if (!state.kind) return;
    box.appendChild(el("legend", "Entries (choose 2 to 4)"));
    var entities = state.data.entities.filter(function (e) { return e.kind === state.kind; });
    entities.sort(function (a, b) { return a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1; });
    entities.forEach(function (entity) {
      var choice = el("label", null, "atlas-choice");
      var input = el("input");
      input.type = "checkbox";
      input.value = entity.id;
      input.checked = state.picked.indexOf(entity.id) !== -1;
      input.disabled = !input.checked && state.picked.length >= MAX_PICK;
      input.addEventListener("change", function () {
        if (input.checked) state.picked.push(entity.id);
        else state.picked = state.picked.filter(function (id) { return id !== entity.id; });
        state.notes = [];
        update(state);
        var again = state.choices.querySelector('input[value="' + CSS.escape(entity.id) + '"]');
        if (again) again.focus();
      });
      choice.appendChild(input);
      choice.appendChild(document.createTextNode(" " + entity.name));
      box.appendChild(choice);
    });
  }

  function update(state) {
    state.kindSelect.value = state.kind || "";
    renderMessages(state);
    renderKinds(state);
    renderChoices(state);
    renderTable(state);
    syncUrl(state);
  }

  // Ids from the address: names and former names match too, in any case ("FastAPI", "starlite").
  function initialPick(data, resolve) {
    var search = params();
    var asked = (search.get("ids") || "").split(",").map(function (t) { return t.trim(); })
      .filter(Boolean);
    var found = [];
    var notes = [];
    asked.forEach(function (text) {
      var entity = resolve(text);
      if (!entity) {
        notes.push(["There is no entry called “" + text + "” in the Atlas; it is left out."]);
        return;
      }
      if (found.indexOf(entity) !== -1) return;
      var named = [entity.id, entity.name.toLowerCase()].indexOf(text.toLowerCase()) !== -1;
      if (!named) notes.push(["“" + text + "” is " + entity.name + " (its former or other name)."]);
      found.push(entity);
    });
    var kind = found.length ? found[0].kind : (data.kinds[search.get("kind")] ? search.get("kind") : "");
    var picked = [];
    found.forEach(function (entity) {
      if (entity.kind !== kind) {
        var other = data.kinds[entity.kind];
        notes.push([entity.name + " is one of the " + other.title.toLowerCase() + ", not the " +
          data.kinds[kind].title.toLowerCase() + ": only entries of one section are compared. ",
          { compare: entity, text: "Compare " + other.title.toLowerCase() + " instead" }, "."]);
        return;
      }
      if (picked.length < MAX_PICK) picked.push(entity.id);
      else notes.push(["At most " + MAX_PICK + " entries at once: " + entity.name + " is left out."]);
    });
    return { kind: kind, picked: picked, notes: notes };
  }

  function buildCompare(root, data, apiUrl) {
    var byId = {};
    data.entities.forEach(function (e) { byId[e.id] = e; });
    var start = initialPick(data, resolver(data));
    root.replaceChildren();
    var state = {
      data: data, byId: byId, kind: start.kind, picked: start.picked, notes: [],
      siteRoot: new URL("../../", apiUrl), enumFields: data.enum_fields || {}
    };
    state.notes = start.notes.map(function (note) {
      return note.map(function (part) {
        if (typeof part === "string") return part;
        var link = el("a", part.text);
        link.href = "?ids=" + encodeURIComponent(part.compare.id);
        return link;
      });
    });
    if (!data.enum_fields) {
      ["camp", "interfaces", "handlers", "status", "protocols", "roles", "implementation_language",
        "auth_type", "hosting", "deployment_type", "workers_model"].forEach(function (k) {
        state.enumFields[k] = true;
      });
    }
    var form = el("form", null, "atlas-compare__form");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var kindLabel = el("label", "Section ");
    var kindSelect = el("select");
    var placeholder = el("option", "Choose…");
    placeholder.value = "";
    kindSelect.appendChild(placeholder);
    kindOrder(data).forEach(function (kind) {
      var option = el("option", data.kinds[kind].title + " (" + (data.counts[kind] || 0) + ")");
      option.value = kind;
      kindSelect.appendChild(option);
    });
    kindLabel.appendChild(kindSelect);
    var choices = el("fieldset", null, "atlas-compare__choices");
    var diffLabel = el("label", null, "atlas-compare__only");
    var onlyDiff = el("input");
    onlyDiff.type = "checkbox";
    onlyDiff.checked = params().get("diff") === "1";
    diffLabel.appendChild(onlyDiff);
    diffLabel.appendChild(document.createTextNode(" Show only rows that differ"));
    var messages = el("div", null, "atlas-compare__messages");
    messages.setAttribute("role", "status");
    var kinds = el("div", null, "atlas-compare__pick-kind");
    form.appendChild(kindLabel);
    form.appendChild(diffLabel);
    form.appendChild(choices);
    var status = el("p", null, "atlas-compare__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var result = el("div", null, "atlas-compare__result");
    root.appendChild(messages);
    root.appendChild(kinds);
    root.appendChild(form);
    root.appendChild(status);
    root.appendChild(result);
    state.kindSelect = kindSelect;
    state.choices = choices;
    state.status = status;
    state.result = result;
    state.onlyDiff = onlyDiff;
    state.messages = messages;
    state.kinds = kinds;
    kindSelect.addEventListener("change", function () { setKind(state, kindSelect.value); });
    onlyDiff.addEventListener("change", function () { renderTable(state); syncUrl(state); });
    update(state);
  }

  window.AtlasCompare = function (root) {
    var apiUrl = new URL(root.getAttribute("data-api"), window.location.href);
    fetch(apiUrl.href)
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { buildCompare(root, data, apiUrl); })
      .catch(function (error) {
        root.replaceChildren(el("p", "Could not load the data for the compare tool (" + error.message + ")."));
      });
  };
})();
