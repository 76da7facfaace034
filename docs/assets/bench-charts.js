/*
 * Python Backend Atlas: draw benchmark charts. plotly.js is fetched only on pages that have a
 * chart, when the first chart comes near the viewport; the figure JSON sits in the page. Until a
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

  function draw(el) {
    if (el.hasAttribute("data-drawn")) return;
    var source = document.getElementById(el.getAttribute("data-figure"));
    if (!source) return;
    el.setAttribute("data-drawn", "pending");
    loadPlotly(el.getAttribute("data-plotly-src")).then(function (Plotly) {
      var figure = JSON.parse(source.textContent);
      el.textContent = "";
      return Plotly.newPlot(el, figure.data, figure.layout,
                            {responsive: true, displaylogo: false});
    }).then(function () {
      el.setAttribute("data-drawn", "yes");
      var table = el.parentNode.querySelector("details.atlas-chart-data");
      if (table) table.removeAttribute("open");
    }).catch(function () { el.removeAttribute("data-drawn"); });
  }

  function init() {
    var plots = Array.prototype.slice.call(document.querySelectorAll(".atlas-plot[data-figure]"));
    if (!plots.length) return;
    if (!("IntersectionObserver" in window)) { plots.forEach(draw); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.unobserve(entry.target); draw(entry.target); }
      });
    }, {rootMargin: "300px"});
    plots.forEach(function (plot) { observer.observe(plot); });
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
