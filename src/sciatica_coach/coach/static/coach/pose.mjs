// Loads MediaPipe Pose (the lite model) from this site's own static files, and draws what it
// finds. Used by the coach in the player and by the team's check page; nothing here sends
// anything anywhere: the model runs in this page, on this device.
import { SKELETON } from "./logic.mjs";

export var VENDOR = new URL("vendor/mediapipe-pose-0.5.1675469404/", import.meta.url).href;

var scriptLoaded = null;
function loadScript() {
  // pose.js is a classic script that defines window.Pose; it then adds its own WebAssembly
  // loader scripts, from the folder locateFile names (ours, never a CDN).
  if (!scriptLoaded) {
    scriptLoaded = new Promise(function (resolve, reject) {
      if (window.Pose) { resolve(); return; }
      var script = document.createElement("script");
      script.src = VENDOR + "pose.js";
      script.onload = function () { resolve(); };
      script.onerror = function () { scriptLoaded = null; reject(new Error("pose.js did not load")); };
      document.head.appendChild(script);
    });
  }
  return scriptLoaded;
}

// A ready model. `still` for single images (the check page), else tracking from frame to frame.
export function loadPose(onResults, still) {
  return loadScript().then(function () {
    var pose = new window.Pose({ locateFile: function (file) { return VENDOR + file; } });
    pose.setOptions({
      modelComplexity: 0, // the lite model: the only one shipped
      smoothLandmarks: !still,
      enableSegmentation: false,
      staticImageMode: !!still,
      minDetectionConfidence: 0.5,
      minTrackingConfidence: 0.5,
      selfieMode: false,
    });
    pose.onResults(onResults);
    return pose.initialize().then(function () { return pose; });
  });
}

// Draws the image (mirrored when `mirror`, as a selfie preview is) and the body over it.
export function drawResults(canvas, image, landmarks, mirror) {
  var ctx = canvas.getContext("2d");
  var w = canvas.width, h = canvas.height;
  ctx.save();
  ctx.clearRect(0, 0, w, h);
  if (mirror) { ctx.translate(w, 0); ctx.scale(-1, 1); }
  if (image) ctx.drawImage(image, 0, 0, w, h);
  if (landmarks) {
    var seen = function (p) { return p && (p.visibility === undefined || p.visibility > 0.5); };
    ctx.lineWidth = Math.max(3, w / 160);
    ctx.lineCap = "round";
    ctx.strokeStyle = "#ffd23f";
    SKELETON.forEach(function (pair) {
      var a = landmarks[pair[0]], b = landmarks[pair[1]];
      if (!seen(a) || !seen(b)) return;
      ctx.beginPath();
      ctx.moveTo(a.x * w, a.y * h);
      ctx.lineTo(b.x * w, b.y * h);
      ctx.stroke();
    });
    ctx.fillStyle = "#0b5d57";
    landmarks.forEach(function (p) {
      if (!seen(p)) return;
      ctx.beginPath();
      ctx.arc(p.x * w, p.y * h, Math.max(3, w / 120), 0, 2 * Math.PI);
      ctx.fill();
    });
  }
  ctx.restore();
}
