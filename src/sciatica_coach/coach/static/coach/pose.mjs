// Loads the pose model (MediaPipe's BlazePose GHUM lite, through MediaPipe Tasks on the CPU) from
// this site's own static files, and draws what it finds. Used by the coach in the player and by
// the team's check page; nothing here sends anything anywhere: the model runs in this page, on
// this device.
import { SKELETON } from "./logic.mjs";
import { FilesetResolver, PoseLandmarker } from "./vendor/mediapipe-tasks-vision-0.10.35/vision_bundle.mjs";

export var VENDOR = new URL("vendor/mediapipe-tasks-vision-0.10.35/", import.meta.url).href;

// A ready model. `still` for single images (the check page), else tracking from frame to frame.
// `send({image})` runs the model on a video, canvas or bitmap and calls
// `onResults({image, poseLandmarks})` before its promise settles; `close()` frees the model.
// The CPU (WebAssembly SIMD, XNNPACK) rather than WebGL: where WebGL is slow, in software, the
// CPU is ten times faster (docs/benchmarks.md), and a phone's CPU runs the lite model in real
// time. The WebAssembly comes without threads, so it needs no worker and no special headers.
export function loadPose(onResults, still) {
  // Picks the SIMD build of the WebAssembly, or the other one where SIMD is missing.
  return FilesetResolver.forVisionTasks(VENDOR.slice(0, -1)).then(function (fileset) {
    return PoseLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: VENDOR + "pose_landmarker_lite.task", delegate: "CPU" },
      runningMode: still ? "IMAGE" : "VIDEO",
      numPoses: 1,
      minPoseDetectionConfidence: 0.5,
      minPosePresenceConfidence: 0.5,
      minTrackingConfidence: 0.5,
      outputSegmentationMasks: false,
    });
  }).then(function (landmarker) {
    var last = 0;
    return {
      send: function (input) {
        try {
          var result;
          if (still) result = landmarker.detect(input.image);
          else {
            // Tracking needs times that only go up, in milliseconds.
            last = Math.max(performance.now(), last + 1);
            result = landmarker.detectForVideo(input.image, last);
          }
          onResults({ image: input.image, poseLandmarks: result.landmarks[0] || null });
          return Promise.resolve();
        } catch (error) {
          return Promise.reject(error);
        }
      },
      close: function () {
        landmarker.close();
        return Promise.resolve();
      },
    };
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
