// The movement test, one step at a time. Without this script the page is an ordinary form with
// every step listed; with it, the before questions come first, then each step with its
// countdown or counter, then the after questions. "My symptoms are spreading: stop here" stays a
// real submit button: the server answers with the rest advice and the after questions.
"use strict";

(function () {
  function guide(root) {
    var before = root.querySelector("[data-stage=before]");
    var stepsStage = root.querySelector("[data-stage=steps]");
    var after = root.querySelector("[data-stage=after]");
    var steps = Array.prototype.slice.call(root.querySelectorAll("[data-mt-step]"));
    var missing = root.querySelector("[data-before-missing]");
    var ticking = null;
    var current = -1;

    root.querySelectorAll("[data-js-only]").forEach(function (el) { el.hidden = false; });
    root.querySelectorAll("[data-list-only]").forEach(function (el) { el.hidden = true; });
    if (!root.hasAttribute("data-guided") || !stepsStage) return; // timers only: all is shown
    root.querySelector("[data-begin]").hidden = false;
    stepsStage.hidden = true;
    after.hidden = true;

    function answered(name) { return root.querySelector("input[name=" + name + "]:checked"); }
    function stopTimer() { if (ticking) { clearInterval(ticking); ticking = null; } }
    function show(index) {
      stopTimer();
      current = index;
      steps.forEach(function (step, i) { step.hidden = i !== index; });
      if (index >= steps.length) {
        stepsStage.hidden = true;
        after.hidden = false;
        after.querySelector("h2").focus();
        return;
      }
      stepsStage.hidden = false;
      steps[index].querySelector("h3").focus();
    }
    function begin() {
      var unanswered = ["extent_before", "leg_pain_before"].filter(function (n) { return !answered(n); });
      if (unanswered.length) {
        missing.hidden = false;
        root.querySelector("input[name=" + unanswered[0] + "]").focus();
        return;
      }
      missing.hidden = true;
      before.hidden = true;
      show(0);
    }
    function startHold(step) {
      var display = step.querySelector("[data-time]");
      var status = step.querySelector("[data-time-status]");
      var left = parseInt(step.getAttribute("data-hold"), 10);
      stopTimer();
      status.textContent = "";
      display.textContent = String(left);
      ticking = setInterval(function () {
        left -= 1;
        display.textContent = String(Math.max(left, 0));
        if (left <= 0) {
          stopTimer();
          status.textContent = status.getAttribute("data-done-text");
        }
      }, 1000);
    }
    function countUp(step) {
      var counter = step.querySelector("[data-count]");
      var reps = parseInt(step.getAttribute("data-reps"), 10);
      var count = Math.min(reps, parseInt(counter.textContent, 10) + 1);
      counter.textContent = String(count);
      if (count >= reps) {
        var status = step.querySelector("[data-count-status]");
        status.textContent = status.getAttribute("data-done-text");
      }
    }

    // The reminder to answer first goes as soon as both answers are there.
    before.addEventListener("change", function () {
      if (answered("extent_before") && answered("leg_pain_before")) missing.hidden = true;
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var step = button.closest("[data-mt-step]");
      if (button.hasAttribute("data-begin")) begin();
      else if (button.hasAttribute("data-timer-start")) startHold(step);
      else if (button.hasAttribute("data-count-up")) countUp(step);
      else if (button.hasAttribute("data-next")) show(current + 1);
      else if (button.name === "stop") stopTimer();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector("[data-movement-test]");
    if (root) guide(root);
  });
})();
