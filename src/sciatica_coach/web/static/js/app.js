// Small progressive enhancements; every page works without them except the timers.
// No inline script anywhere: the Content-Security-Policy allows scripts from this origin only.
"use strict";

(function () {
  // --- Body map: shade the parts the person chose (leg side and how far down). ---
  function bodyMap(form) {
    var levels = ["none", "back", "buttock", "thigh", "below_knee", "foot"];
    function update() {
      var side = (form.querySelector("input[name=leg_side]:checked") || {}).value || "none";
      var extent = (form.querySelector("input[name=extent]:checked") || {}).value || "none";
      var reach = levels.indexOf(extent);
      form.querySelectorAll(".zone").forEach(function (zone) {
        var zoneSide = zone.getAttribute("data-side");
        var level = levels.indexOf(zone.getAttribute("data-zone"));
        var sideOn = !zoneSide || side === "both" || side === zoneSide;
        zone.classList.toggle("on", level > 0 && level <= reach && sideOn);
      });
    }
    form.addEventListener("change", update);
    update();
  }

  // --- Speech: optional spoken cues, off until the person turns them on. ---
  // Only a voice that runs on the device: a network voice would send the cues off the machine.
  function localVoice() {
    if (!("speechSynthesis" in window)) return null;
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    var voices = window.speechSynthesis.getVoices().filter(function (v) { return v.localService; });
    return voices.filter(function (v) { return v.lang.slice(0, 2) === lang; })[0] || null;
  }
  function say(text, enabled) {
    var voice = enabled ? localVoice() : null;
    if (!voice) return;
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    window.speechSynthesis.speak(utterance);
  }

  // --- Guided session player. ---
  var PROGRESS_KEY = "sciatica-coach:session-progress";
  function player(root) {
    var steps = Array.prototype.slice.call(root.querySelectorAll("[data-step]"));
    var form = root.querySelector("[data-progress-form]");
    var url = root.getAttribute("data-progress-url");
    var position = root.querySelector("[data-position]");
    var finish = root.querySelector("[data-finish]");
    var speech = root.querySelector("[data-speech]");
    var pauseButton = root.querySelector("[data-pause]");
    var current = parseInt(root.getAttribute("data-start-step"), 10) || 0;
    var done = {};
    var paused = false;
    var ticking = null;
    // A hold the camera coach started: it waits while the person is out of position, and the
    // coach, not the timer, counts the repetition when they come back (coach/static/coach).
    var coachHold = false;
    var waiting = false;
    var coach = null;
    var positionText = position.textContent;
    var total = steps.length;

    function payload() {
      var data = form ? new FormData(form) : new FormData();
      data.append("step", String(current));
      Object.keys(done).forEach(function (id) { data.append("done", id); });
      return data;
    }
    function save() {
      // The offline page has no URL: it listens for this event and keeps the progress itself.
      root.dispatchEvent(new CustomEvent("player:progress", {
        detail: { step: current, done: Object.keys(done) }
      }));
      if (!url) return;
      // Kept on the phone until the server has it: if this save and the page-hide beacon are
      // both lost, the next page sends it (pwa.js). A late copy is harmless: same step, same list.
      var sent = remember();
      fetch(url, { method: "POST", body: payload(), credentials: "same-origin" })
        .then(function (response) { if (response.ok) forget(sent); })
        .catch(function () {});
    }
    function remember() {
      var token = form.querySelector("[name=csrfmiddlewaretoken]");
      var entry = { step: current, done: Object.keys(done), token: token ? token.value : "" };
      try {
        var all = JSON.parse(window.localStorage.getItem(PROGRESS_KEY)) || {};
        all[url] = entry;
        window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(all));
      } catch (e) { /* private mode: the server save and the beacon still run */ }
      return entry;
    }
    function forget(entry) {
      try {
        var all = JSON.parse(window.localStorage.getItem(PROGRESS_KEY)) || {};
        if (all[url] && all[url].step === entry.step && all[url].done.join() === entry.done.join()) {
          delete all[url];
          window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(all));
        }
      } catch (e) { /* nothing kept, nothing to forget */ }
    }
    function stopTimer() {
      if (ticking) { clearInterval(ticking); ticking = null; }
      coachHold = false;
      waiting = false;
    }
    function show(index, focus) {
      stopTimer();
      current = Math.max(0, Math.min(index, total));
      steps.forEach(function (step, i) { step.hidden = i !== current; });
      var atEnd = current >= total;
      finish.hidden = !atEnd;
      root.querySelector("[data-next]").hidden = atEnd;
      root.querySelector("[data-skip]").hidden = atEnd;
      // Nothing comes before the first exercise: a Back that did nothing there was a dead end.
      root.querySelector("[data-back]").hidden = current === 0;
      position.textContent = atEnd ? finish.textContent
        : positionText.replace(/\d+/, String(current + 1));
      if (coach) coach.changed();
      if (atEnd) { finish.focus(); return; }
      var step = steps[current];
      if (focus) step.querySelector("h1").focus();
      var cues = step.querySelector("[data-cues]");
      say(step.querySelector("h1").textContent + ". " + (cues ? cues.textContent : ""), speech.checked);
    }
    function startHold(step, byCoach) {
      var hold = parseInt(step.getAttribute("data-hold"), 10);
      var display = step.querySelector("[data-time]");
      var status = step.querySelector("[data-time-status]");
      var left = hold;
      stopTimer();
      coachHold = !!byCoach;
      display.textContent = String(left);
      say(step.querySelector("[data-timer-start]").textContent, speech.checked);
      ticking = setInterval(function () {
        if (paused || waiting) return;
        left -= 1;
        display.textContent = String(Math.max(left, 0));
        if (left <= 0) {
          var counted = !coachHold;  // the coach counts its holds when the person comes back
          stopTimer();
          status.textContent = display.getAttribute("data-done-text") || "Time";
          say(status.textContent, speech.checked);
          if (counted) countUp(step);
        }
      }, 1000);
    }
    function countUp(step) {
      var counter = step.querySelector("[data-count]");
      counter.textContent = String(parseInt(counter.textContent, 10) + 1);
    }

    root.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (!target) return;
      var step = steps[current];
      if (target.hasAttribute("data-timer-start")) startHold(step);
      else if (target.hasAttribute("data-count-up")) countUp(step);
      else if (target.hasAttribute("data-next")) {
        done[step.getAttribute("data-exercise")] = true;
        show(current + 1, true);
        save();
      } else if (target.hasAttribute("data-skip")) { show(current + 1, true); save(); }
      else if (target.hasAttribute("data-back")) { show(current - 1, true); save(); }
      else if (target.hasAttribute("data-pause")) {
        paused = !paused;
        root.classList.toggle("paused", paused);
        target.setAttribute("aria-pressed", String(paused));
        if (paused && "speechSynthesis" in window) window.speechSynthesis.cancel();
        if (coach) coach.changed();
      }
    });
    // The camera coach: its module and the pose model load only when the person turns it on.
    var coachBox = root.querySelector("[data-coach]");
    if (coachBox) coachSwitch(coachBox);
    function coachSwitch(box) {
      var toggle = box.querySelector("[data-coach-switch]");
      var media = navigator.mediaDevices;
      if (!media || !media.getUserMedia || !media.enumerateDevices || !window.WebAssembly) return;
      // Without a camera the switch never shows and the player stays as it was.
      media.enumerateDevices().then(function (devices) {
        box.hidden = !devices.some(function (d) { return d.kind === "videoinput"; });
      }).catch(function () {});
      var lent = {
        step: function () { return current < total ? steps[current] : null; },
        paused: function () { return paused; },
        countUp: function () {
          if (current >= total) return;
          if (coachHold) stopTimer();
          countUp(steps[current]);
          // Heard as well as seen: the count is spoken when spoken cues are on.
          say(steps[current].querySelector("[data-count]").textContent, speech.checked);
        },
        hold: function (held) {
          if (current >= total || !steps[current].querySelector("[data-time]")) return;
          if (held && !ticking) startHold(steps[current], true);
          // A hold started by hand that the coach now sees: the coach counts it, once.
          else if (held) coachHold = true;
          if (coachHold) waiting = !held;
        },
        say: function (text) { say(text, speech.checked); },
      };
      toggle.addEventListener("change", function () {
        if (coach) { if (toggle.checked) coach.on(); else coach.off(); return; }
        if (!toggle.checked) return;
        import(box.getAttribute("data-coach-script")).then(function (module) {
          coach = module.attach(box, lent);
          if (toggle.checked) coach.on();
        }).catch(function () {
          toggle.checked = false;
          box.querySelector("[data-coach-note]").textContent = box.getAttribute("data-failed-text");
        });
      });
    }
    // A closed tab or a phone call must not lose the session: send what we have.
    window.addEventListener("pagehide", function () {
      if (url && navigator.sendBeacon) navigator.sendBeacon(url, payload());
    });
    steps.forEach(function (step) {
      if (step.getAttribute("data-done") === "true") done[step.getAttribute("data-exercise")] = true;
    });
    show(current, false);
  }

  // --- Self-assessment tools: a stopwatch, a tally and a countdown that fill the inputs. ---
  // The stopwatch stops by itself at the engine's hold cap and the tally at its rep cap
  // (data-cap): a self-check is never done to exhaustion.
  function assessmentTools(root) {
    var running = null;
    function capReached(box) {
      var status = box.querySelector("[data-cap-status]");
      if (status) status.textContent = status.getAttribute("data-cap-text");
    }
    function stopStopwatch(seconds) {
      var button = running.button;
      var verb = button.querySelector("[data-verb]");
      var input = document.getElementById(button.getAttribute("data-stopwatch"));
      clearInterval(running.id);
      input.value = String(seconds);
      verb.textContent = button.getAttribute("data-start-label");
      running = null;
      return input;
    }
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var box = button.closest(".test-field");
      var display = box && box.querySelector("[data-time]");
      var cap = parseInt(button.getAttribute("data-cap"), 10) || Infinity;
      if (button.hasAttribute("data-stopwatch")) {
        // Only the visible word changes; the hidden rest of the name says which test and side.
        var verb = button.querySelector("[data-verb]");
        if (running && running.button === button) {
          var seconds = Math.min(cap, Math.round((Date.now() - running.start) / 1000));
          stopStopwatch(seconds).focus();
          return;
        }
        if (running) return;
        var status = box.querySelector("[data-cap-status]");
        if (status) status.textContent = "";
        button.setAttribute("data-start-label", verb.textContent);
        verb.textContent = button.getAttribute("data-stop-label");
        var start = Date.now();
        running = { button: button, start: start, id: setInterval(function () {
          var elapsed = Math.floor((Date.now() - start) / 1000);
          display.textContent = String(Math.min(elapsed, cap));
          if (elapsed >= cap) { stopStopwatch(cap); capReached(box); }
        }, 250) };
      } else if (button.hasAttribute("data-tally")) {
        var field = document.getElementById(button.getAttribute("data-tally"));
        var count = Math.min(cap, (parseInt(field.value, 10) || 0) + 1);
        field.value = String(count);
        if (count >= cap) capReached(box);
      } else if (button.hasAttribute("data-countdown-start")) {
        var left = parseInt(button.getAttribute("data-countdown-start"), 10);
        button.disabled = true;
        var id = setInterval(function () {
          left -= 1;
          display.textContent = String(Math.max(left, 0));
          if (left <= 0) { clearInterval(id); button.disabled = false; }
        }, 1000);
      }
    });
  }

  // A question that applies only after another answer is shown only then: the pregnancy warning
  // signs to people who are pregnant or gave birth recently, the days in both legs to people with
  // pain in both. Without script every question stays visible (each says when it applies), and
  // a ticked sign counts whether it was shown or not.
  function showWhen(form, selector, radioName, test) {
    var target = form.querySelector(selector);
    if (!target) return;
    function update() {
      var picked = form.querySelector("input[name='" + radioName + "']:checked");
      var shown = picked ? test(picked.value) : false;
      var ticked = target.querySelector("input:checked");
      target.hidden = !shown && !ticked;
    }
    form.addEventListener("change", update);
    update();
  }

  // A page waiting for the worker (the plan PDF): ask again every few seconds and open the
  // result once it is ready. Not a <meta refresh>, which reloads the page under a screen reader.
  function askAgain(root) {
    var url = root.getAttribute("data-ask-again");
    var seconds = Number(root.getAttribute("data-again-s")) || 3;
    function ask() {
      fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (response.status === 202) { setTimeout(ask, seconds * 1000); return; }
        window.location.assign(url);  // ready, or an answer the page itself should show
      }).catch(function () { setTimeout(ask, seconds * 1000); });
    }
    setTimeout(ask, seconds * 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var waiting = document.querySelector("[data-ask-again]");
    if (waiting) askAgain(waiting);
    var map = document.querySelector("[data-body-map]");
    if (map) bodyMap(map);
    var safety = document.querySelector("[data-safety-form]");
    if (safety) {
      showWhen(safety, "[data-pregnancy-only]", "safety-pregnancy_status",
        function (value) { return value !== "none"; });
    }
    if (map) {
      showWhen(map, "[data-both-legs-only]", "leg_side", function (value) { return value === "both"; });
    }
    var root = document.querySelector("[data-player]");
    if (root) player(root);
    if (document.querySelector(".self-test")) assessmentTools(document.querySelector("main"));
  });
})();
