// Heat or cold countdown. It stops by itself at the safe limit and says so clearly.
// Screen readers hear only a few announcements (start, every five minutes, the last minute,
// the stop), not every second; the visible clock is hidden from them.
"use strict";

(function () {
  function setup(form) {
    var box = form.querySelector("[data-timer]");
    var clock = box.querySelector("[data-time]");
    var announce = box.querySelector("[data-announce]");
    var limitMessage = box.querySelector("[data-limit-message]");
    var startButton = box.querySelector("[data-start]");
    var pauseButton = box.querySelector("[data-pause]");
    var stopButton = box.querySelector("[data-stop]");
    var minutesInput = form.querySelector("input[name=minutes]");
    var limit = parseInt(form.getAttribute("data-limit-seconds"), 10) || 1200;
    var texts = {};
    box.querySelector("template[data-texts]").content.querySelectorAll("[data-key]")
      .forEach(function (node) { texts[node.getAttribute("data-key")] = node.textContent; });

    var elapsedBefore = 0; // seconds run before the latest start or resume
    var runningSince = null; // Date.now() when it last started running
    var ticking = null;
    var lastAnnounced = null;

    function elapsed() {
      var extra = runningSince === null ? 0 : (Date.now() - runningSince) / 1000;
      return Math.min(limit, elapsedBefore + extra);
    }
    function say(text) { announce.textContent = text; }
    function show(secondsLeft) {
      var left = Math.max(0, Math.ceil(secondsLeft));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    }
    function announceSparingly(secondsLeft) {
      var minutesLeft = Math.ceil(secondsLeft / 60);
      if (minutesLeft === lastAnnounced) return;
      if (minutesLeft === 1) say(texts.one_left);
      else if (minutesLeft % 5 === 0 && minutesLeft * 60 < limit) {
        say(texts.left.replace("%(minutes)s", String(minutesLeft)));
      } else return;
      lastAnnounced = minutesLeft;
    }
    function recordMinutes() {
      var minutes = Math.max(1, Math.round(elapsed() / 60));
      minutesInput.value = String(Math.min(minutes, Math.round(limit / 60)));
    }
    function tick() {
      var left = limit - elapsed();
      show(left);
      if (left <= 0) { finish(true); return; }
      announceSparingly(left);
    }
    function setRunningButtons(running) {
      startButton.hidden = running;
      pauseButton.hidden = !running;
      stopButton.hidden = !running;
    }
    function start() {
      elapsedBefore = 0;
      lastAnnounced = null;
      runningSince = Date.now();
      limitMessage.hidden = true;
      limitMessage.textContent = "";
      pauseButton.textContent = texts.pause;
      pauseButton.setAttribute("aria-pressed", "false");
      setRunningButtons(true);
      say(texts.started);
      show(limit);
      ticking = setInterval(tick, 250);
      pauseButton.focus();
    }
    function togglePause() {
      if (runningSince !== null) {
        elapsedBefore = elapsed();
        runningSince = null;
        pauseButton.textContent = texts.resume;
        pauseButton.setAttribute("aria-pressed", "true");
        say(texts.paused);
      } else {
        runningSince = Date.now();
        pauseButton.textContent = texts.pause;
        pauseButton.setAttribute("aria-pressed", "false");
        say(texts.resumed);
      }
    }
    function finish(atLimit) {
      clearInterval(ticking);
      ticking = null;
      recordMinutes();
      elapsedBefore = 0;
      runningSince = null;
      setRunningButtons(false);
      if (atLimit) {
        show(0);
        say("");
        limitMessage.textContent = limitMessage.getAttribute("data-text");
        limitMessage.hidden = false;
        limitMessage.focus();
        if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
      } else {
        say(texts.stopped);
        startButton.focus();
      }
    }

    box.hidden = false;
    startButton.addEventListener("click", start);
    pauseButton.addEventListener("click", togglePause);
    stopButton.addEventListener("click", function () { finish(false); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-heat-cold]");
    if (form) setup(form);
  });
})();
