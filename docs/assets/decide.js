/* Decision wizard: one question at a time over the tree embedded in the decision page, then the
 * features the framework must have. Answers live in the URL (?path=0-1-0&need=websockets,openapi)
 * so a result can be shared; the browser's back button and our own Back / Restart buttons, kept
 * beside the question, move through them, and focus follows the question. Data text is only ever
 * set as textContent. */
(function () {
  "use strict";

  var SUPPORT = {
    "yes": ["✓", "Yes"], "partial": ["◐", "Partial"], "via-plugin": ["⊕", "Via plugin"],
    "no": ["✗", "No"]
  };

  function readState() {
    var search = new URLSearchParams(window.location.search);
    var raw = search.get("path");
    var path = !raw ? [] : raw.split("-").map(function (x) { return parseInt(x, 10); })
      .filter(function (x) { return !isNaN(x) && x >= 0; });
    var need = search.has("need")
      ? (search.get("need") || "").split(",").filter(Boolean) : null;
    return { path: path, need: need };
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

  function button(label, onClick, disabled, className) {
    var b = el("button", label, "md-button" + (className ? " " + className : ""));
    b.type = "button";
    b.disabled = !!disabled;
    b.addEventListener("click", onClick);
    return b;
  }

  function address(path, need) {
    var parts = [];
    if (path.length) parts.push("path=" + path.join("-"));
    if (need !== null) parts.push("need=" + need.map(encodeURIComponent).join(","));
    return parts.length ? "?" + parts.join("&") : "?";
  }

  // Keep the wizard's heading in view and give it focus, so keyboard and screen-reader users
  // continue from the new question (not from a button that no longer exists).
  function focusStep(mount) {
    var heading = mount.querySelector("[data-step-heading]");
    if (!heading) return;
    heading.focus({ preventScroll: true });
    var top = mount.getBoundingClientRect().top;
    var header = document.querySelector(".md-header");
    var offset = header ? header.getBoundingClientRect().height + 8 : 8;
    if (top < offset || top > window.innerHeight * 0.5) {
      window.scrollTo({ top: window.scrollY + top - offset });
    }
  }

  function trailList(state) {
    var list = el("ol", null, "atlas-wizard-trail");
    state.trail.forEach(function (step) {
      var item = el("li");
      item.appendChild(el("span", step.question + " "));
      item.appendChild(el("strong", step.answer));
      list.appendChild(item);
    });
    return list;
  }

  function navBar(canGoBack, onBack, onRestart, stepText) {
    var nav = el("div", null, "atlas-wizard-nav");
    nav.appendChild(el("span", stepText, "atlas-wizard-step"));
    nav.appendChild(button("Back", onBack, !canGoBack));
    nav.appendChild(button("Restart", onRestart, !canGoBack));
    return nav;
  }

  function needsStep(mount, needs, chosen, onDone) {
    var fieldset = el("fieldset", null, "atlas-wizard-question atlas-wizard-needs");
    var legend = el("legend", "Which features must the framework have?");
    legend.setAttribute("data-step-heading", "");
    legend.tabIndex = -1;
    fieldset.appendChild(legend);
    fieldset.appendChild(el("p", "Tick any you cannot do without; the result says whether the " +
      "recommended framework has them and which frameworks have all of them."));
    var groups = el("div", null, "atlas-wizard-needs__groups");
    var byGroup = {};
    needs.features.forEach(function (feature) {
      if (!byGroup[feature.group]) {
        var box = el("fieldset");
        box.appendChild(el("legend", feature.group));
        byGroup[feature.group] = box;
        groups.appendChild(box);
      }
      var choice = el("label");
      var input = el("input");
      input.type = "checkbox";
      input.value = feature.key;
      input.checked = chosen.indexOf(feature.key) !== -1;
      choice.appendChild(input);
      choice.appendChild(document.createTextNode(" " + feature.label));
      byGroup[feature.group].appendChild(choice);
    });
    fieldset.appendChild(groups);
    var done = function () {
      var picked = [];
      groups.querySelectorAll("input:checked").forEach(function (box) { picked.push(box.value); });
      onDone(picked);
    };
    fieldset.appendChild(button("Show my stack", done, false, "md-button--primary"));
    return fieldset;
  }

  function needsCheck(needs, need, recId) {
    if (!need || !need.length || !needs.picks[recId]) return null;
    var label = {};
    needs.features.forEach(function (f) { label[f.key] = f.label; });
    var framework = needs.frameworks[needs.picks[recId]];
    var box = el("section", null, "atlas-wizard-check");
    box.setAttribute("aria-label", "Your must-have features");
    var list = el("ul");
    var missing = 0;
    need.forEach(function (key) {
      var value = framework.has[key];
      var support = SUPPORT[value] || ["–", "Not recorded"];
      if (!value || value === "no") missing += 1;
      var item = el("li");
      var mark = el("span", support[0] + " ", "atlas-support atlas-support--" + (value || "unknown"));
      mark.setAttribute("aria-hidden", "true");
      item.appendChild(mark);
      item.appendChild(document.createTextNode((label[key] || key) + ": " + support[1]));
      list.appendChild(item);
    });
    box.appendChild(el("h4", missing
      ? framework.name + " lacks " + missing + " of your " + need.length + " must-have features"
      : framework.name + " has all " + need.length + " of your must-have features"));
    box.appendChild(list);
    var builtIn = [];
    var withPlugins = [];
    Object.keys(needs.frameworks).forEach(function (id) {
      var has = needs.frameworks[id].has;
      var any = need.every(function (key) { return has[key] && has[key] !== "no"; });
      if (!any) return;
      var own = need.every(function (key) { return has[key] === "yes" || has[key] === "partial"; });
      (own ? builtIn : withPlugins).push(id);
    });
    var p = el("p");
    var names = function (title, ids) {
      if (!ids.length) return;
      p.appendChild(el("strong", title));
      ids.forEach(function (id, i) {
        p.appendChild(document.createTextNode(i ? ", " : " "));
        var a = el("a", needs.frameworks[id].name);
        a.href = needs.frameworks[id].url;
        p.appendChild(a);
      });
      p.appendChild(document.createTextNode(". "));
    };
    names("Frameworks with all of them built in (some partly):", builtIn);
    names("With a plugin for some:", withPlugins);
    if (!builtIn.length && !withPlugins.length) {
      p.appendChild(document.createTextNode("No framework in the data has all of them. "));
    }
    var matrix = el("a", "Compare them in the feature matrix");
    matrix.href = needs.matrix + "?has=" + need.join(",");
    p.appendChild(matrix);
    p.appendChild(document.createTextNode("."));
    box.appendChild(p);
    return box;
  }

  function render(mount, tree, needs, current, moveFocus) {
    var state = walk(tree, current.path);
    var valid = current.path.slice(0, state.trail.length);
    var need = current.need;
    mount.replaceChildren();

    var go = function (next, nextNeed) {
      var entry = { path: next, need: nextNeed === undefined ? null : nextNeed };
      history.pushState({ atlasPath: next }, "", address(entry.path, entry.need));
      render(mount, tree, needs, entry, true);
    };
    var askNeeds = !!(state.result && needs && need === null);
    var atResult = !!(state.result && !askNeeds);
    var back = function () {
      if (atResult && needs) go(valid, null);
      else go(valid.slice(0, -1));
    };
    var restart = function () { go([]); };
    var stepText = atResult ? "Your stack" : (askNeeds ? "Last step"
      : "Question " + (valid.length + 1));
    mount.appendChild(navBar(valid.length > 0, back, restart, stepText));

    if (state.trail.length) {
      var details = el("details", null, "atlas-wizard-answers");
      details.appendChild(el("summary", "Your answers (" + state.trail.length + ")"));
      details.appendChild(trailList(state));
      if (need && need.length) {
        var labels = {};
        needs.features.forEach(function (f) { labels[f.key] = f.label; });
        details.appendChild(el("p", "Must have: " + need.map(function (k) { return labels[k] || k; }).join(", ")));
      }
      mount.appendChild(details);
    }

    if (askNeeds) {
      mount.appendChild(needsStep(mount, needs, [], function (picked) { go(valid, picked); }));
    } else if (state.result) {
      var heading = el("h3", "Recommended: " + tree.recommendations[state.result], "atlas-wizard-result");
      heading.setAttribute("data-step-heading", "");
      heading.tabIndex = -1;
      mount.appendChild(heading);
      var check = needs ? needsCheck(needs, need, state.result) : null;
      if (check) mount.appendChild(check);
      var source = document.getElementById("r-" + state.result);
      if (source) {
        var copy = source.cloneNode(true);
        copy.removeAttribute("id");
        var title = copy.querySelector("h3");
        if (title) title.remove();
        var more = copy.querySelector("details");
        if (more) {
          // In the wizard the stack is the answer: show it, without the fold.
          while (more.firstChild) {
            if (more.firstChild.tagName === "SUMMARY") more.removeChild(more.firstChild);
            else more.parentNode.insertBefore(more.firstChild, more);
          }
          more.remove();
        }
        copy.classList.add("atlas-wizard-stack");
        mount.appendChild(copy);
      }
    } else {
      var question = tree.questions[state.question];
      var fieldset = el("fieldset", null, "atlas-wizard-question");
      var legend = el("legend", question.text);
      legend.setAttribute("data-step-heading", "");
      legend.tabIndex = -1;
      fieldset.appendChild(legend);
      if (question.help) fieldset.appendChild(el("p", question.help));
      question.options.forEach(function (option, index) {
        fieldset.appendChild(button(option.label, function () { go(valid.concat([index])); }));
      });
      mount.appendChild(fieldset);
    }
    if (moveFocus) focusStep(mount);
  }

  function openTarget() {
    // A stack reached through a link (#r-…) opens, so the reader lands on its picks.
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var fold = target && target.querySelector("details.atlas-stack-details");
    if (fold) fold.open = true;
  }

  function start() {
    openTarget();
    var mount = document.getElementById("atlas-wizard");
    if (!mount || !mount.dataset.tree) return;
    var tree = JSON.parse(mount.dataset.tree);
    var needs = mount.dataset.needs ? JSON.parse(mount.dataset.needs) : null;
    render(mount, tree, needs, readState(), false);
    window.__atlasWizardRender = function () { render(mount, tree, needs, readState(), true); };
  }

  if (!window.__atlasWizardPopstate) {
    window.__atlasWizardPopstate = true;
    window.addEventListener("popstate", function () {
      if (document.getElementById("atlas-wizard") && window.__atlasWizardRender) {
        window.__atlasWizardRender();
      }
    });
    window.addEventListener("hashchange", openTarget);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
