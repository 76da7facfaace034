/* Decision wizard: one question at a time over the tree embedded in the decision page.
 * Answers live in the URL (?path=0-1-0) so a result can be shared; the browser's back button and
 * our own Back / Restart buttons move through them. Data text is only ever set as textContent. */
(function () {
  "use strict";

  function readPath() {
    var raw = new URLSearchParams(window.location.search).get("path");
    if (!raw) return [];
    return raw.split("-").map(function (x) { return parseInt(x, 10); })
      .filter(function (x) { return !isNaN(x) && x >= 0; });
  }

  function walk(tree, path) {
    var questionId = tree.start;
    var trail = [];
    for (var i = 0; i < path.length; i++) {
      var question = tree.questions[questionId];
      var option = question && question.options[path[i]];
      if (!option) break;
      trail.push({ question: question.text, answer: option.label });
      if (option.result) return { result: option.result, trail: trail };
      questionId = option.next;
    }
    return { question: questionId, trail: trail.slice(0, Math.min(trail.length, path.length)) };
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function button(label, onClick, disabled) {
    var b = el("button", label, "md-button");
    b.type = "button";
    b.disabled = !!disabled;
    b.addEventListener("click", onClick);
    return b;
  }

  function render(mount, tree, path) {
    var state = walk(tree, path);
    var valid = path.slice(0, state.trail.length);
    mount.replaceChildren();

    if (state.trail.length) {
      mount.appendChild(el("h3", "Your answers"));
      var list = el("ol", null, "atlas-wizard-trail");
      state.trail.forEach(function (step) {
        var item = el("li");
        item.appendChild(el("span", step.question + " "));
        item.appendChild(el("strong", step.answer));
        list.appendChild(item);
      });
      mount.appendChild(list);
    }

    var go = function (next) {
      history.pushState({ atlasPath: next }, "", next.length ? "?path=" + next.join("-") : "?");
      render(mount, tree, next);
    };

    if (state.result) {
      mount.appendChild(el("h3", "Recommended: " + tree.recommendations[state.result], "atlas-wizard-result"));
      var source = document.getElementById("r-" + state.result);
      if (source) {
        var copy = source.cloneNode(true);
        copy.removeAttribute("id");
        var heading = copy.querySelector("h3");
        if (heading) heading.remove();
        copy.classList.add("atlas-wizard-stack");
        mount.appendChild(copy);
      }
    } else {
      var question = tree.questions[state.question];
      var fieldset = el("fieldset", null, "atlas-wizard-question");
      fieldset.appendChild(el("legend", question.text));
      if (question.help) fieldset.appendChild(el("p", question.help));
      question.options.forEach(function (option, index) {
        fieldset.appendChild(button(option.label, function () { go(valid.concat([index])); }));
      });
      mount.appendChild(fieldset);
    }

    var nav = el("p", null, "atlas-wizard-nav");
    nav.appendChild(button("Back", function () { go(valid.slice(0, -1)); }, valid.length === 0));
    nav.appendChild(button("Restart", function () { go([]); }, valid.length === 0));
    mount.appendChild(nav);
  }

  function linkDiagram() {
    // Diagram nodes carry their outline anchor in data-target (no SVG links: see render_decision).
    document.querySelectorAll(".atlas-diagram [data-target]").forEach(function (node) {
      node.addEventListener("click", function () {
        window.location.hash = node.getAttribute("data-target");
      });
    });
  }

  function start() {
    linkDiagram();
    var mount = document.getElementById("atlas-wizard");
    if (!mount || !mount.dataset.tree) return;
    var tree = JSON.parse(mount.dataset.tree);
    render(mount, tree, readPath());
    window.__atlasWizardRender = function () { render(mount, tree, readPath()); };
  }

  if (!window.__atlasWizardPopstate) {
    window.__atlasWizardPopstate = true;
    window.addEventListener("popstate", function () {
      if (document.getElementById("atlas-wizard") && window.__atlasWizardRender) {
        window.__atlasWizardRender();
      }
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
