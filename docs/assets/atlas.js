/*
 * Python Backend Atlas: sortable and filterable matrices, and the compare tool.
 * Plain browser JavaScript, no library. Pages work without it: the tables are complete HTML.
 * Everything from data is written with textContent, never as HTML.
 */
(function () {
  "use strict";

  // ---------- Matrices: sorting ----------

  function sortKey(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return numeric ? Number(raw) : raw.trim().toLowerCase();
  }

  function sortRows(table, index, th) {
    var numeric = th.getAttribute("data-sort-type") === "number";
    var previous = th.getAttribute("aria-sort");
    // A new column starts with the most support first (features) or from A to Z (text);
    // selecting the same column again reverses it.
    var direction = numeric ? "descending" : "ascending";
    if (previous === "ascending") direction = "descending";
    if (previous === "descending") direction = "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", direction);
    var factor = direction === "ascending" ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a, index, numeric);
      var y = sortKey(b, index, numeric);
      if (x < y) return -factor;
      if (x > y) return factor;
      return Number(a.getAttribute("data-atlas-order")) - Number(b.getAttribute("data-atlas-order"));
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function enhanceMatrix(table) {
    if (table.hasAttribute("data-atlas-ready")) return;
    table.setAttribute("data-atlas-ready", "");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) {
      row.setAttribute("data-atlas-order", String(i));
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "atlas-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortRows(table, index, th); });
    });
    if (table.caption) {
      var hint = document.createElement("span");
      hint.className = "atlas-hint";
      hint.textContent = " Select a column heading to sort by it.";
      table.caption.appendChild(hint);
    }
  }

  // ---------- Matrices: filters ----------

  function enhanceFilters(form) {
    if (form.hasAttribute("data-atlas-ready")) return;
    var table = document.getElementById(form.getAttribute("data-matrix"));
    if (!table) return;
    form.setAttribute("data-atlas-ready", "");
    form.hidden = false;
    var status = form.querySelector(".atlas-filter-status");
    function apply() {
      var rows = table.tBodies[0].rows;
      var shown = 0;
      var selects = form.querySelectorAll("select[data-facet]");
      Array.prototype.forEach.call(rows, function (row) {
        var visible = Array.prototype.every.call(selects, function (select) {
          if (!select.value) return true;
          var tokens = (row.getAttribute("data-facet-" + select.getAttribute("data-facet")) || "");
          return tokens.split(" ").indexOf(select.value) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (status) status.textContent = "Showing " + shown + " of " + rows.length + ".";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  // ---------- Compare tool ----------

  var SUPPORT = {
    "yes": "✓ Yes",
    "partial": "◐ Partial",
    "via-plugin": "⊕ Via plugin",
    "no": "✗ No"
  };
  var SKIPPED_FIELDS = ["id", "name", "description", "sources", "kind"];
  var MAX_PICK = 4;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function formatValue(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) {
      return value.map(function (item) {
        return typeof item === "object" && item !== null ? (item.title || JSON.stringify(item)) : String(item);
      }).join(", ");
    }
    if (typeof value === "object") {
      if (typeof value.value === "string" && SUPPORT[value.value]) {
        var text = SUPPORT[value.value];
        if (value.note) text += " — " + value.note;
        if (value.via && value.via.length) text += " (via " + value.via.join(", ") + ")";
        return text;
      }
      return Object.keys(value).sort().map(function (key) { return key + ": " + value[key]; }).join("; ");
    }
    return String(value);
  }

  function compareRows(kindInfo) {
    var rows = [{ label: "Summary", get: function (e) { return e.summary; } }];
    kindInfo.fields.forEach(function (field) {
      if (SKIPPED_FIELDS.indexOf(field.key) !== -1 || field.key === "summary") return;
      rows.push({ label: field.label, get: function (e) { return e[field.key]; } });
    });
    kindInfo.features.forEach(function (feature) {
      rows.push({
        label: feature.label,
        feature: true,
        get: function (e) {
          var value = e.features ? e.features[feature.key] : null;
          return value || { value: "unknown" };
        }
      });
    });
    return rows;
  }

  function cellText(row, entity) {
    var value = row.get(entity);
    if (row.feature && value.value === "unknown") return "– Not recorded";
    var text = formatValue(value);
    return text === "" ? "—" : text;
  }

  function renderTable(state) {
    var result = state.result;
    result.replaceChildren();
    var picked = state.picked.map(function (id) { return state.byId[id]; });
    if (picked.length < 2) {
      state.status.textContent = "Choose at least two entries to compare (up to four).";
      return;
    }
    var kindInfo = state.data.kinds[state.kind];
    var table = el("table");
    table.appendChild(el("caption", "Comparing " + picked.map(function (e) { return e.name; }).join(", ")));
    var head = el("thead");
    var headRow = el("tr");
    var corner = el("th", "Field");
    corner.scope = "col";
    headRow.appendChild(corner);
    picked.forEach(function (entity) {
      var th = el("th");
      th.scope = "col";
      var link = el("a", entity.name);
      link.href = new URL(entity.url, state.siteRoot).href;
      th.appendChild(link);
      headRow.appendChild(th);
    });
    var diffHead = el("th", "Same or different");
    diffHead.scope = "col";
    headRow.appendChild(diffHead);
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el("tbody");
    var differing = 0;
    var compared = 0;
    compareRows(kindInfo).forEach(function (row) {
      var texts = picked.map(function (entity) { return cellText(row, entity); });
      if (!row.feature && texts.every(function (t) { return t === "—"; })) return;
      var differs = texts.some(function (t) { return t !== texts[0]; });
      compared += 1;
      if (differs) differing += 1;
      if (state.onlyDiff.checked && !differs) return;
      var tr = el("tr", null, differs ? "atlas-differs" : "atlas-same");
      var th = el("th", row.label);
      th.scope = "row";
      tr.appendChild(th);
      texts.forEach(function (text) { tr.appendChild(el("td", text)); });
      tr.appendChild(el("td", differs ? "≠ Differs" : "= Same", "atlas-diff-flag"));
      body.appendChild(tr);
    });
    table.appendChild(body);
    result.appendChild(table);
    state.status.textContent = "Comparing " + picked.length + " entries: " + differing +
      " of " + compared + " rows differ.";
  }

  function syncUrl(state) {
    var url = new URL(window.location.href);
    if (state.picked.length) url.searchParams.set("ids", state.picked.join(","));
    else url.searchParams.delete("ids");
    window.history.replaceState(window.history.state, "", url.href);
  }

  function renderChoices(state) {
    var box = state.choices;
    box.replaceChildren();
    box.appendChild(el("legend", "Entries (choose 2 to 4)"));
    var entities = state.data.entities.filter(function (e) { return e.kind === state.kind; });
    entities.sort(function (a, b) { return a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1; });
    entities.forEach(function (entity) {
      var label = el("label", null, "atlas-choice");
      var input = el("input");
      input.type = "checkbox";
      input.value = entity.id;
      input.checked = state.picked.indexOf(entity.id) !== -1;
      input.disabled = !input.checked && state.picked.length >= MAX_PICK;
      input.addEventListener("change", function () {
        if (input.checked) state.picked.push(entity.id);
        else state.picked = state.picked.filter(function (id) { return id !== entity.id; });
        update(state);
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + entity.name));
      box.appendChild(label);
    });
  }

  function update(state) {
    renderChoices(state);
    renderTable(state);
    syncUrl(state);
  }

  function initialPick(data, byId) {
    var ids = (new URLSearchParams(window.location.search).get("ids") || "").split(",");
    ids = ids.map(function (id) { return id.trim(); }).filter(function (id) { return byId[id]; });
    var kind = ids.length ? byId[ids[0]].kind : Object.keys(data.kinds)[0];
    ids = ids.filter(function (id, i) { return byId[id].kind === kind && ids.indexOf(id) === i; });
    return { kind: kind, picked: ids.slice(0, MAX_PICK) };
  }

  function buildCompare(root, data, apiUrl) {
    var byId = {};
    data.entities.forEach(function (e) { byId[e.id] = e; });
    var start = initialPick(data, byId);
    root.replaceChildren();
    var form = el("form", null, "atlas-compare__form");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var kindLabel = el("label", "Section ");
    var kindSelect = el("select");
    Object.keys(data.kinds).forEach(function (kind) {
      var option = el("option", data.kinds[kind].title + " (" + (data.counts[kind] || 0) + ")");
      option.value = kind;
      kindSelect.appendChild(option);
    });
    kindSelect.value = start.kind;
    kindLabel.appendChild(kindSelect);
    var choices = el("fieldset", null, "atlas-compare__choices");
    var diffLabel = el("label", null, "atlas-compare__only");
    var onlyDiff = el("input");
    onlyDiff.type = "checkbox";
    diffLabel.appendChild(onlyDiff);
    diffLabel.appendChild(document.createTextNode(" Show only rows that differ"));
    form.appendChild(kindLabel);
    form.appendChild(choices);
    form.appendChild(diffLabel);
    var status = el("p", null, "atlas-compare__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var result = el("div", null, "atlas-compare__result");
    root.appendChild(form);
    root.appendChild(status);
    root.appendChild(result);
    var state = {
      data: data, byId: byId, kind: start.kind, picked: start.picked,
      choices: choices, status: status, result: result, onlyDiff: onlyDiff,
      siteRoot: new URL("../../", apiUrl)
    };
    kindSelect.addEventListener("change", function () {
      state.kind = kindSelect.value;
      state.picked = [];
      update(state);
    });
    onlyDiff.addEventListener("change", function () { renderTable(state); });
    update(state);
  }

  function enhanceCompare(root) {
    if (root.hasAttribute("data-atlas-ready")) return;
    root.setAttribute("data-atlas-ready", "");
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
  }

  // ---------- Wiring (re-run after every instant navigation) ----------

  function enhance() {
    document.querySelectorAll("table[data-atlas-matrix]").forEach(enhanceMatrix);
    document.querySelectorAll("form.atlas-filters[data-matrix]").forEach(enhanceFilters);
    document.querySelectorAll("#atlas-compare[data-api]").forEach(enhanceCompare);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
