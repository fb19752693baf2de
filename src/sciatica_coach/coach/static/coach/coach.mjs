// The camera coach in the guided player. app.js imports this module only when the person turns
// "Use camera" on, so no page carries it otherwise. Frames go from the camera to the model, in
// memory, and are dropped: nothing is recorded, stored or sent. The camera stops whenever it is
// not needed: switched off, paused, the page hidden or left, an exercise the coach cannot follow.
import { createTracker } from "./logic.mjs";
import { drawResults, loadPose } from "./pose.mjs";

var CUE_SHOWN_MS = 4000;
var MIN_FRAME_MS = 1000 / 15; // 15 frames a second are plenty to count; more only drains a battery

function element(tag, attributes, text) {
  var node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
  if (text) node.textContent = text;
  return node;
}

// `box` is the [data-coach] element in the player; `player` is what app.js lends the coach:
// {step(), paused(), countUp(), hold(held), say(text)}.
export function attach(box, player) {
  var root = box.closest("[data-player]");
  var stats = { switchedOnAt: null, firstLandmarksAt: null, frames: 0, startedAt: null };
  box.coachStats = stats;
  var table = null, texts = null, pose = null, stream = null, tracker = null;
  var wanted = false, busy = false, loop = null, cueTimer = null, spec = null, loading = null;
  var lastLandmarks = false;

  var stylesheet = element("link", { rel: "stylesheet", href: new URL("coach.css", import.meta.url).href });
  document.head.appendChild(stylesheet);
  var panel = element("div", { class: "coach-panel" });
  var video = element("video", { playsinline: "", muted: "", class: "coach-video" });
  video.muted = true;
  var canvas = element("canvas", { class: "coach-preview", role: "img", width: "640", height: "480" });
  var status = element("p", { class: "coach-status", role: "status" });
  var cue = element("p", { class: "coach-cue", "aria-live": "polite", "data-coach-cue": "" });
  panel.append(video, canvas, status, cue);
  panel.hidden = true;
  canvas.hidden = true;
  box.appendChild(panel);

  function text(key) { return (texts && texts.states[key]) || ""; }
  function setStatus(key, extra) {
    status.textContent = extra || text(key);
    status.setAttribute("data-state", key);
  }

  function load() {
    if (!loading) {
      var url = box.getAttribute("data-coach-table");
      loading = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("table " + response.status);
          return response.json();
        })
        .then(function (data) {
          table = data.exercises;
          texts = data;
          canvas.setAttribute("aria-label", text("traced"));
          return loadPose(onResults, false);
        })
        .then(function (ready) { pose = ready; })
        .catch(function (error) { loading = null; throw error; });
    }
    return loading;
  }

  function stopCamera() {
    if (loop) { cancelAnimationFrame(loop); loop = null; }
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); stream = null; }
    video.srcObject = null;
    canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
    canvas.hidden = true;
    if (root) root.classList.remove("coach-watching");
    player.hold(false);
  }

  function startCamera() {
    if (stream) return Promise.resolve();
    return navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } },
    }).then(function (got) {
      // Paused, hidden or switched off while the camera was starting: let it go at once.
      if (!shouldWatch()) { got.getTracks().forEach(function (t) { t.stop(); }); return; }
      stream = got;
      video.srcObject = got;
      return video.play().then(function () {
        if (stream !== got) return;  // stopped (paused, hidden) while the video was starting
        canvas.width = video.videoWidth || 640;
        canvas.height = video.videoHeight || 480;
        canvas.hidden = false;
        if (root) root.classList.add("coach-watching");
        stats.startedAt = stats.startedAt || performance.now();
        frameLoop();
      }, function (error) {
        // Stopping the camera while play() waits rejects it ("interrupted by a new load
        // request"): that is a pause, not a missing camera, and must not switch the coach off.
        if (stream !== got) return;
        throw error;
      });
    });
  }

  var lastSent = 0;
  function frameLoop() {
    loop = requestAnimationFrame(function (now) {
      if (!stream) return;
      if (!busy && pose && video.readyState >= 2 && now - lastSent >= MIN_FRAME_MS) {
        busy = true;
        lastSent = now;
        pose.send({ image: video }).catch(function () {}).then(function () { busy = false; });
      }
      frameLoop();
    });
  }

  function onResults(results) {
    if (!stream || !tracker) return;
    var landmarks = results.poseLandmarks || null;
    stats.frames += 1;
    if (landmarks && stats.firstLandmarksAt === null) stats.firstLandmarksAt = performance.now();
    // The frame is drawn and forgotten: the model's copy goes when this callback returns.
    drawResults(canvas, results.image, landmarks, true);
    if (landmarks && !lastLandmarks) setStatus("watching");
    lastLandmarks = !!landmarks;
    var out = tracker.update(landmarks, performance.now());
    out.events.forEach(handle);
  }

  function handle(event) {
    if (event.type === "reached") { player.hold(true); setStatus("reached"); }
    else if (event.type === "left") { player.hold(false); setStatus("watching"); }
    else if (event.type === "rep") { player.countUp(); setStatus("watching"); }
    else if (event.type === "short") setStatus("short");
    else if (event.type === "lost") setStatus("lost");
    else if (event.type === "found") setStatus("found");
    else if (event.type === "cue") showCue(texts.cues[event.cue] || "");
  }

  // At most one cue at a time: a new one replaces the old, and each clears itself.
  function showCue(words) {
    if (!words) return;
    clearTimeout(cueTimer);
    cue.textContent = words;
    player.say(words);
    cueTimer = setTimeout(function () { cue.textContent = ""; }, CUE_SHOWN_MS);
  }

  function shouldWatch() {
    return wanted && needed() && !player.paused() && !document.hidden;
  }

  function needed() {
    var step = player.step();
    return !!(step && table && table[step.getAttribute("data-exercise")]);
  }

  // Brings the camera in line with the state of the player: on only when it is of use.
  function sync() {
    clearTimeout(cueTimer);
    cue.textContent = "";
    if (!wanted) { stopCamera(); return; }
    panel.hidden = false;
    if (!table) return;
    var step = player.step();
    var id = step && step.getAttribute("data-exercise");
    var nextSpec = step ? table[id] : null;
    if (nextSpec !== spec || !tracker) {
      spec = nextSpec;
      tracker = spec ? createTracker(spec, {
        holdS: parseInt(step.getAttribute("data-hold"), 10) || 0,
        aspect: (video.videoWidth || 640) / (video.videoHeight || 480),
      }) : null;
    }
    if (!step) { stopCamera(); setStatus("off"); return; }
    if (!spec) { stopCamera(); setStatus("not_followed"); return; }
    if (player.paused()) { stopCamera(); setStatus("paused"); return; }
    if (document.hidden) { stopCamera(); setStatus("hidden"); return; }
    setStatus("setup", texts.setup[spec.view]);
    lastLandmarks = false;
    startCamera().catch(function () { fail("no_camera"); });
  }

  function fail(key) {
    wanted = false;
    if (root) root.classList.remove("coach-on");
    stopCamera();
    panel.hidden = false;
    setStatus(key);
    var toggle = box.querySelector("[data-coach-switch]");
    if (toggle) toggle.checked = false;
  }

  document.addEventListener("visibilitychange", function () { if (wanted) sync(); });
  window.addEventListener("pagehide", function () { wanted = false; stopCamera(); });

  return {
    on: function () {
      wanted = true;
      if (root) root.classList.add("coach-on");
      stats.switchedOnAt = performance.now();
      stats.firstLandmarksAt = null;
      panel.hidden = false;
      status.textContent = box.getAttribute("data-loading-text") || "";
      load().then(sync).catch(function () { fail("failed"); });
    },
    off: function () {
      wanted = false;
      if (root) root.classList.remove("coach-on");
      stopCamera();
      panel.hidden = true;
    },
    // The player moved to another step (or to the end) or was paused or resumed.
    changed: function () {
      if (!wanted) return;
      tracker = null;
      sync();
    },
  };
}
