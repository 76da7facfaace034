/*
 * Python Backend Atlas: the feature matrices (sort, filters, column groups, state in the URL) and
 * the compare tool. Plain browser JavaScript, no library. Pages work without it: the tables are
 * complete HTML. Everything from data is written with textContent, never as HTML.
 */
(function () {
  "use strict";

  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // ---------- Matrices: sorting ----------

  // "0.165.0" after "0.23.1": compare dotted versions part by part, as numbers where they are.
  function versionParts(text) {
    return text.trim().toLowerCase().split(/[^0-9a-z]+/).filter(Boolean).map(function (part) {
      return /^\d+$/.test(part) ? Number(part) : part;
    });
  }

  function compareVersions(a, b) {
    var x = versionParts(a);
    var y = versionParts(b);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      if (x[i] === undefined) return -1;
      if (y[i] === undefined) return 1;
      if (x[i] === y[i]) continue;
      if (typeof x[i] === typeof y[i]) return x[i] < y[i] ? -1 : 1;
      return typeof x[i] === "number" ? 1 : -1;  // 1.0 after 1.0rc1
    }
    return 0;
  }

  function cellKey(row, index) {
    var cell = row.cells[index];
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
  }

  function columnHeaders(table) {
    var rows = table.tHead.rows;
    return rows[rows.length - 1].cells;
  }

  function sortTable(table, index, direction) {
    var headers = columnHeaders(table);
    var th = headers[index];
    if (!th) return;
    var type = th.getAttribute("data-sort-type") || "text";
    each(headers, function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", direction);
    var factor = direction === "ascending" ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index);
      var y = cellKey(b, index);
      var order;
      if (type === "number") order = Number(x) - Number(y);
      else if (type === "version") order = compareVersions(x, y);
      else order = x.trim().toLowerCase() < y.trim().toLowerCase() ? -1
        : (x.trim().toLowerCase() > y.trim().toLowerCase() ? 1 : 0);
      if (order !== 0) return order * factor;
      return Number(a.getAttribute("data-atlas-order")) - Number(b.getAttribute("data-atlas-order"));
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function nextDirection(th) {
    var previous = th.getAttribute("aria-sort");
    // A new column starts with the most support first (features) or from A to Z (text);
    // selecting the same column again reverses it.
    if (previous === "ascending") return "descending";
    if (previous === "descending") return "ascending";
    return th.getAttribute("data-sort-type") === "number" ? "descending" : "ascending";
  }

  // ---------- Matrices: filters, column groups and the URL ----------

  function params() { return new URLSearchParams(window.location.search); }

  function listParam(search, name) {
    var raw = search.get(name);
    return raw ? raw.split(",").filter(Boolean) : [];
  }

  function writeUrl(values) {
    var url = new URL(window.location.href);
    Object.keys(values).forEach(function (key) {
      var value = values[key];
      if (value === "" || value === null || (Array.isArray(value) && !value.length)) {
        url.searchParams.delete(key);
      } else {
        url.searchParams.set(key, Array.isArray(value) ? value.join(",") : value);
      }
    });
    // Lists read "a,b" in the address bar, not "a%2Cb".
    url.search = url.searchParams.toString().replace(/%2C/gi, ",");
    window.history.replaceState(window.history.state, "", url.href);
  }

  function Matrix(table, form) {
    this.table = table;
    this.form = form;
    this.headers = columnHeaders(table);
    this.status = form ? form.querySelector(".atlas-filter-status") : null;
  }

  Matrix.prototype.facets = function () {
    return this.form ? this.form.querySelectorAll("select[data-facet]") : [];
  };

  Matrix.prototype.needs = function () {
    return this.form ? this.form.querySelectorAll("input[data-need]") : [];
  };

  Matrix.prototype.groupToggles = function () {
    return this.form ? this.form.querySelectorAll("input[data-group-toggle]") : [];
  };

  Matrix.prototype.onlyDiff = function () {
    return this.form ? this.form.querySelector("input[data-only-diff]") : null;
  };

  Matrix.prototype.filterRows = function () {
    var facets = this.facets();
    var needed = [];
    each(this.needs(), function (box) { if (box.checked) needed.push(box.value); });
    var rows = this.table.tBodies[0].rows;
    var shown = 0;
    var strictBox = this.form && this.form.querySelector("input[data-need-builtin]");
    var strict = !!(strictBox && strictBox.checked);
    // "Built in only" reads each needed feature's cell: its class names the value.
    var columnOf = {};
    each(this.headers, function (th, index) { columnOf[th.getAttribute("data-key")] = index; });
    var builtIn = function (row, feature) {
      var cell = row.cells[columnOf[feature]];
      return !!cell && (cell.classList.contains("atlas-support--yes") ||
        cell.classList.contains("atlas-support--partial"));
    };
    each(rows, function (row) {
      var visible = Array.prototype.every.call(facets, function (select) {
        if (!select.value) return true;
        var tokens = row.getAttribute("data-facet-" + select.getAttribute("data-facet")) || "";
        return tokens.split(" ").indexOf(select.value) !== -1;
      }) && needed.every(function (feature) {
        if (strict) return builtIn(row, feature);
        return (row.getAttribute("data-facet-feature") || "").split(" ").indexOf(feature) !== -1;
      });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var count = this.form && this.form.querySelector("[data-need-count]");
    if (count) count.textContent = needed.length ? String(needed.length) : "none";
    var toggles = this.groupToggles();
    var on = Array.prototype.filter.call(toggles, function (box) { return box.checked; }).length;
    var cols = this.form && this.form.querySelector("[data-cols-count]");
    if (cols) cols.textContent = on === toggles.length ? "all" : on + " of " + toggles.length;
    return { shown: shown, total: rows.length, needed: needed };
  };

  Matrix.prototype.showColumns = function () {
    var hiddenGroups = {};
    each(this.groupToggles(), function (box) { if (!box.checked) hiddenGroups[box.value] = true; });
    var only = this.onlyDiff();
    var diff = only && only.checked;
    var rows = Array.prototype.filter.call(this.table.tBodies[0].rows, function (r) { return !r.hidden; });
    var hide = [];
    var hiddenCount = 0;
    each(this.headers, function (th, index) {
      var group = th.getAttribute("data-group");
      var off = !!(group && hiddenGroups[group]);
      if (!off && diff && th.hasAttribute("data-feature") && rows.length > 1) {
        var first = cellKey(rows[0], index);
        off = rows.every(function (row) { return cellKey(row, index) === first; });
      }
      hide[index] = off;
      if (off) hiddenCount += 1;
    });
    // Nothing hidden now or before: leave the ~800 cells alone (no style work on page load).
    if (!hiddenCount && !this.columnsHidden) return 0;
    this.columnsHidden = hiddenCount > 0;
    each(this.table.querySelectorAll("tr"), function (row) {
      if (row.parentNode.tagName === "THEAD" && row !== columnHeadersRow(row)) return;
      each(row.cells, function (cell, index) { cell.classList.toggle("atlas-col-off", !!hide[index]); });
    });
    // The group row: a group's heading spans its visible columns, or goes when none is left.
    var groupRow = this.table.tHead.rows.length > 1 ? this.table.tHead.rows[0] : null;
    if (groupRow) {
      var start = 0;
      each(groupRow.cells, function (cell) {
        var span = Number(cell.getAttribute("data-span") || cell.colSpan || 1);
        if (!cell.hasAttribute("data-span")) cell.setAttribute("data-span", String(span));
        var visible = 0;
        for (var i = start; i < start + span; i++) if (!hide[i]) visible += 1;
        cell.classList.toggle("atlas-col-off", visible === 0);
        cell.colSpan = Math.max(visible, 1);
        start += span;
      });
    }
    return hiddenCount;
  };

  function columnHeadersRow(row) {
    var head = row.parentNode;
    return head.rows[head.rows.length - 1];
  }

  Matrix.prototype.apply = function (save) {
    var rows = this.filterRows();
    var hidden = this.showColumns();
    if (this.status) {
      var text = "Showing " + rows.shown + " of " + rows.total + ".";
      if (hidden) text += " " + hidden + " column" + (hidden === 1 ? "" : "s") + " hidden.";
      this.status.textContent = text;
    }
    if (save) this.save();
  };

  Matrix.prototype.save = function () {
    var values = {};
    each(this.facets(), function (select) { values[select.getAttribute("data-facet")] = select.value; });
    var needed = [];
    each(this.needs(), function (box) { if (box.checked) needed.push(box.value); });
    values.has = needed;
    var strictBox = this.form ? this.form.querySelector("input[data-need-builtin]") : null;
    values.builtin = strictBox && strictBox.checked ? "1" : "";
    var off = [];
    each(this.groupToggles(), function (box) { if (!box.checked) off.push(box.value); });
    values.hide = off;
    var only = this.onlyDiff();
    values.diff = only && only.checked ? "1" : "";
    var sorted = "";
    each(this.headers, function (th) {
      var dir = th.getAttribute("aria-sort");
      if (dir && th.getAttribute("data-key")) {
        sorted = th.getAttribute("data-key") + (dir === "descending" ? "-desc" : "");
      }
    });
    values.sort = sorted === "name" ? "" : sorted;
    writeUrl(values);
  };

  Matrix.prototype.restore = function () {
    var search = params();
    each(this.facets(), function (select) {
      var wanted = search.get(select.getAttribute("data-facet"));
      if (wanted !== null && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });
    var has = listParam(search, "has");
    var strictBox = this.form ? this.form.querySelector("input[data-need-builtin]") : null;
    if (strictBox) strictBox.checked = search.get("builtin") === "1";
    each(this.needs(), function (box) { box.checked = has.indexOf(box.value) !== -1; });
    var off = listParam(search, "hide");
    each(this.groupToggles(), function (box) { box.checked = off.indexOf(box.value) === -1; });
    var only = this.onlyDiff();
    if (only) only.checked = search.get("diff") === "1";
    var sort = search.get("sort");
    if (sort) {
      var desc = /-desc$/.test(sort);
      var key = sort.replace(/-desc$/, "");
      var self = this;
      each(this.headers, function (th, index) {
        if (th.getAttribute("data-key") === key) {
          sortTable(self.table, index, desc ? "descending" : "ascending");
        }
      });
    }
  };

  function wrapForScroll(table) {
    var parent = table.parentNode;
    if (parent.classList.contains("atlas-matrix-scroll")) return parent;
    var wrap = el("div", null, "atlas-matrix-scroll");
    parent.insertBefore(wrap, table);
    wrap.appendChild(table);
    return wrap;
  }

  function enhanceMatrix(table) {
    if (table.hasAttribute("data-atlas-ready")) return;
    table.setAttribute("data-atlas-ready", "");
    wrapForScroll(table);
    var form = document.querySelector('form.atlas-filters[data-matrix="' + table.id + '"]');
    var matrix = new Matrix(table, form);
    each(table.tBodies[0].rows, function (row, i) { row.setAttribute("data-atlas-order", String(i)); });
    each(matrix.headers, function (th, index) {
      var button = el("button", null, "atlas-sort");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortTable(table, index, nextDirection(th));
        matrix.save();
      });
    });
    var hint = table.caption && table.caption.querySelector(".atlas-hint");
    if (table.caption && !hint) {
      hint = el("span", " Select a column heading to sort by it.", "atlas-hint");
      table.caption.appendChild(hint);
    }
    if (form) {
      form.hidden = false;
      form.addEventListener("change", function () { matrix.apply(true); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      var reset = form.querySelector("[data-reset]");
      if (reset) {
        reset.addEventListener("click", function () {
          each(matrix.facets(), function (s) { s.value = ""; });
          each(matrix.needs(), function (b) { b.checked = false; });
          var strictReset = form.querySelector("input[data-need-builtin]");
          if (strictReset) strictReset.checked = false;
          each(matrix.groupToggles(), function (b) { b.checked = true; });
          var only = matrix.onlyDiff();
          if (only) only.checked = false;
          matrix.apply(true);
        });
      }
    }
    matrix.restore();
    matrix.apply(false);
    // The second header row sticks just below the group row.
    var headRows = table.tHead.rows;
    if (headRows.length > 1) {
      // Measured after the next frame, so loading the page forces no extra layout.
      window.requestAnimationFrame(function () {
        table.style.setProperty("--atlas-head-top", headRows[0].getBoundingClientRect().height + "px");
      });
    }
  }


  // ---------- Compare tool: its own script, fetched only on the page that has the tool ----------

  window.AtlasUtil = { el: el, params: params, writeUrl: writeUrl };
  var compareLoading = null;

  function loadCompare(root) {
    if (window.AtlasCompare) return Promise.resolve(window.AtlasCompare);
    if (!compareLoading) {
      compareLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root.getAttribute("data-script");
        script.onload = function () { resolve(window.AtlasCompare); };
        script.onerror = function () { compareLoading = null; reject(new Error("script did not load")); };
        document.head.appendChild(script);
      });
    }
    return compareLoading;
  }

  function enhanceCompare(root) {
    if (root.hasAttribute("data-atlas-ready")) return;
    root.setAttribute("data-atlas-ready", "");
    loadCompare(root).then(function (start) { start(root); }).catch(function (error) {
      root.replaceChildren(el("p", "Could not load the compare tool (" + error.message + ")."));
    });
  }

  // ---------- Wiring (re-run after every instant navigation) ----------

  function enhance() {
    document.querySelectorAll("table[data-atlas-matrix]").forEach(enhanceMatrix);
    document.querySelectorAll("#atlas-compare[data-api][data-script]").forEach(enhanceCompare);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
