// The team's check page: the pose model on one still picture, on this device.
import { drawResults, loadPose } from "./pose.mjs";

var NAMES = [
  "nose", "left eye (inner)", "left eye", "left eye (outer)", "right eye (inner)", "right eye",
  "right eye (outer)", "left ear", "right ear", "mouth (left)", "mouth (right)", "left shoulder",
  "right shoulder", "left elbow", "right elbow", "left wrist", "right wrist", "left pinky",
  "right pinky", "left index", "right index", "left thumb", "right thumb", "left hip", "right hip",
  "left knee", "right knee", "left ankle", "right ankle", "left heel", "right heel",
  "left foot index", "right foot index",
];

var box = document.querySelector("[data-coach-check]");
var canvas = box.querySelector("[data-check-canvas]");
var status = box.querySelector("[data-check-status]");
var tableBody = box.querySelector("[data-check-table] tbody");
var pose = null, loadMs = 0, current = null;

function format(template, values) {
  return template.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
}

function show(results, ms) {
  var landmarks = results.poseLandmarks || null;
  drawResults(canvas, current, landmarks, false);
  box.setAttribute("data-landmarks", landmarks ? String(landmarks.length) : "0");
  tableBody.textContent = "";
  box.querySelector("[data-check-table]").hidden = !landmarks;
  if (!landmarks) { status.textContent = box.getAttribute("data-none-text"); return; }
  status.textContent = format(box.getAttribute("data-found-text"),
    { count: landmarks.length, ms: Math.round(ms), load: Math.round(loadMs) });
  landmarks.forEach(function (p, i) {
    var row = document.createElement("tr");
    [NAMES[i], p.x.toFixed(3), p.y.toFixed(3), p.visibility.toFixed(2)].forEach(function (text, j) {
      var cell = document.createElement(j ? "td" : "th");
      if (!j) cell.setAttribute("scope", "row");
      cell.textContent = text;
      row.appendChild(cell);
    });
    tableBody.appendChild(row);
  });
}

var latest = null;
function ready() {
  if (pose) return Promise.resolve(pose);
  status.textContent = box.getAttribute("data-loading-text");
  var started = performance.now();
  return loadPose(function (results) { latest = results; }, true).then(function (p) {
    loadMs = performance.now() - started;
    pose = p;
    return p;
  });
}

function run(image) {
  current = image;
  canvas.width = image.width;
  canvas.height = image.height;
  drawResults(canvas, image, null, false);
  return ready().then(function (p) {
    var started = performance.now();
    latest = null;
    return p.send({ image: canvas }).then(function () {
      var ms = performance.now() - started;
      drawResults(canvas, image, null, false);
      show(latest || {}, ms);
    });
  }).catch(function () { status.textContent = box.getAttribute("data-failed-text"); });
}

box.querySelector("[data-check-sample]").addEventListener("click", function (event) {
  var image = new Image();
  image.onload = function () { run(image); };
  image.src = event.currentTarget.getAttribute("data-src");
});
box.querySelector("[data-check-file]").addEventListener("change", function (event) {
  var file = event.target.files && event.target.files[0];
  if (!file) return;
  // Decoded here, from the file in memory: no upload, and no blob: address the policy would need.
  createImageBitmap(file).then(function (bitmap) {
    var scale = Math.min(1, 640 / Math.max(bitmap.width, bitmap.height));
    var sized = document.createElement("canvas");
    sized.width = Math.round(bitmap.width * scale);
    sized.height = Math.round(bitmap.height * scale);
    sized.getContext("2d").drawImage(bitmap, 0, 0, sized.width, sized.height);
    bitmap.close();
    run(sized);
  });
});
