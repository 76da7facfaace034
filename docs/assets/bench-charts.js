/*
 * Python Backend Atlas: draw benchmark charts. plotly.js is fetched only on pages that have a
 * chart, after the reader's first interaction (scroll, key, pointer) or a click on "Draw the
 * interactive chart", for the charts near the viewport; the figure JSON sits in the page. Until a
 * chart is drawn (or without JavaScript) its data table stays open below it.
 */
(function () {
  "use strict";
  var loading = null;

  function loadPlotly(src) {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { loading = null; reject(new Error("plotly.js did not load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // The figure follows the page's colour scheme: transparent backgrounds, the theme's text colour
  // and faint grid lines, read from Material's CSS variables (and again when the scheme changes).
  function themed(layout) {
    var style = getComputedStyle(document.body);
    var fg = style.getPropertyValue("--md-default-fg-color").trim() || "#000";
    var faint = style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd";
    var out = Object.assign({}, layout, {
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: Object.assign({}, layout.font || {}, {color: fg})
    });
    ["xaxis", "yaxis"].forEach(function (axis) {
      out[axis] = Object.assign({}, layout[axis] || {}, {gridcolor: faint, linecolor: faint,
                                                         zerolinecolor: faint});
    });
    return out;
  }

  function retheme() {
    if (!window.Plotly) return;
    document.querySelectorAll('.atlas-plot[data-drawn="yes"]').forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-figure"));
      if (source) window.Plotly.relayout(el, themed(JSON.parse(source.textContent).layout));
    });
  }

  if (!window.__atlasChartTheme && "MutationObserver" in window) {
    window.__atlasChartTheme = true;
    new MutationObserver(retheme).observe(document.body,
      {attributes: true, attributeFilter: ["data-md-color-scheme"]});
  }

  function draw(el) {
    if (el.hasAttribute("data-drawn")) return;
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source) return;
    el.setAttribute("data-drawn", "pending");
    loadPlotly(el.getAttribute("data-plotly-src")).then(function (Plotly) {
      var figure = JSON.parse(source.textContent);
      el.textContent = "";
      return Plotly.newPlot(el, figure.data, themed(figure.layout),
                            {responsive: true, displaylogo: false});
    }).then(function () {
      el.setAttribute("data-drawn", "yes");
      var table = el.parentNode.querySelector("details.atlas-chart-data");
      if (table) table.removeAttribute("open");
    }).catch(function () { el.removeAttribute("data-drawn"); });
  }

  function observe(plots) {
    if (!("IntersectionObserver" in window)) { plots.forEach(draw); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target); }
      });
    }, {rootMargin: "300px"});
    plots.forEach(function (plot) { observer.observe(plot); });
  }

  function addButton(plot) {
    var note = plot.querySelector(".atlas-plot-note");
    if (!note || note.querySelector("button")) return;
    note.textContent = "The table below has every number. ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button atlas-plot-draw";
    button.textContent = "Draw the interactive chart";
    button.addEventListener("click", function () { draw(plot); });
    note.appendChild(button);
  }

  // plotly.js is large (1.4 MB compressed): like an embed facade, it is fetched only once the
  // reader interacts with the page (or asks for a chart), so reading the page costs nothing.
  var INTERACTIONS = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"];

  function init() {
    var plots = Array.prototype.slice.call(document.querySelectorAll(".atlas-plot[data-figure]"));
    if (!plots.length) return;
    plots.forEach(addButton);
    if (window.Plotly) { observe(plots); return; }
    var started = false;
    var start = function () {
      if (started) return;
      started = true;
      INTERACTIONS.forEach(function (name) { window.removeEventListener(name, start); });
      observe(plots);
    };
    INTERACTIONS.forEach(function (name) {
      window.addEventListener(name, start, {passive: true});
    });
  }

  // Material's instant navigation swaps pages without a reload: run again on every page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
