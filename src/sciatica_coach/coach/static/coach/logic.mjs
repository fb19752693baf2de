// The camera coach's rules, as pure functions: landmarks in, repetitions, holds and cues out.
// No DOM, no camera, no model: the browser (coach.mjs) and the tests (Node) run the same code.
//
// A frame is MediaPipe Pose's 33 landmarks ({x, y, visibility}, x and y from 0 to 1 of the
// image, y down) or null when no body was found. An exercise's spec (coach/data/exercises.toml,
// served as JSON) names the measures that define its movement, each with its value at the
// start position and at the position the instructions ask for; progress is how far the body has
// gone from one to the other, 0 to 1, taking the measure that lags most. The coach counts a
// repetition when the position is reached (progress 0.6: never more than the instructions ask),
// held for the dose's hold, and left again (back under 0.25).
"use strict";

export const REACH = 0.6; // progress that counts as in position
export const LEAVE = 0.45; // below this the position is lost (hysteresis against jitter)
export const REST = 0.25; // back at the start: the repetition is complete
export const HOLD_CREDIT = 0.8; // a hold counts at 80% of the dose: the model sees it late
export const SMOOTH_MS = 120; // time constant of the smoothing of every measure
export const BASELINE_MS = 1000; // time constant of the resting value a relative check uses
export const CUE_PERSIST_MS = 400; // a fault must last this long before it is named
export const CUE_GAP_MS = 5000; // at most one cue at a time, and this long between two
export const LOST_MS = 1500; // no body for this long: say so
export const SHORT_MS = 1000; // a hold shorter than this was jitter, not an attempt worth a word
export const POSTURE_TILT = 55; // trunk degrees from upright: "lying" past it, "upright" short of it
export const MIN_VISIBILITY = 0.3; // below this MediaPipe is guessing; a limb behind the body is often 0.3 to 0.7

export const LANDMARK = {
  nose: 0, left_ear: 7, right_ear: 8,
  left_shoulder: 11, right_shoulder: 12, left_elbow: 13, right_elbow: 14,
  left_wrist: 15, right_wrist: 16, left_hip: 23, right_hip: 24,
  left_knee: 25, right_knee: 26, left_ankle: 27, right_ankle: 28,
  left_heel: 29, right_heel: 30, left_foot_index: 31, right_foot_index: 32,
};

// The lines drawn over the preview: pairs of landmark indexes.
export const SKELETON = [
  [11, 12], [11, 13], [13, 15], [12, 14], [14, 16], [11, 23], [12, 24], [23, 24],
  [23, 25], [25, 27], [24, 26], [26, 28], [27, 29], [29, 31], [28, 30], [30, 32], [27, 31], [28, 32],
  [0, 7], [0, 8],
];

var DEG = 180 / Math.PI;

// --- Geometry, in image pixels (x scaled by the aspect ratio so that angles are true). ---
function point(frame, name, aspect) {
  var p = frame[LANDMARK[name]];
  if (!p || !((p.visibility === undefined ? 1 : p.visibility) >= MIN_VISIBILITY)) return null;
  return { x: p.x * aspect, y: p.y };
}
function mid(a, b) {
  if (!a || !b) return a || b;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
function sub(a, b) { return { x: a.x - b.x, y: a.y - b.y }; }
function length(v) { return Math.hypot(v.x, v.y); }
function dist(a, b) { return length(sub(a, b)); }
// The angle between two vectors, 0 to 180 degrees.
export function angleBetween(u, v) {
  var n = length(u) * length(v);
  if (!n) return null;
  return Math.acos(Math.max(-1, Math.min(1, (u.x * v.x + u.y * v.y) / n))) * DEG;
}
// The turn from u to v, -180 to 180 degrees, anticlockwise as seen (y up) positive.
export function turn(u, v) {
  var a = Math.atan2(-v.y, v.x) - Math.atan2(-u.y, u.x);
  a = ((a * DEG + 540) % 360) - 180;
  return a;
}
function sides(frame, aspect, names) {
  return ["left", "right"].map(function (side) {
    var got = {};
    for (var i = 0; i < names.length; i++) {
      got[names[i]] = point(frame, side + "_" + names[i], aspect);
      if (!got[names[i]]) return null;
    }
    return got;
  }).filter(Boolean);
}
function pair(frame, aspect, name) {
  return mid(point(frame, "left_" + name, aspect), point(frame, "right_" + name, aspect));
}
function maxOf(values) {
  values = values.filter(function (v) { return v !== null && v !== undefined && !isNaN(v); });
  return values.length ? Math.max.apply(null, values) : null;
}
function required(list) {
  for (var i = 0; i < list.length; i++) if (!list[i]) return false;
  return true;
}

// --- The measures an exercise can be defined by. Each takes a frame and the aspect ratio and
// gives a number, or null when the landmarks it needs are not seen. ---
export var MEASURES = {
  // The arm raised forward, against the trunk: 0 by the side, 90 straight down on hands and
  // knees, 180 reaching ahead in line with the body. The higher of the two arms.
  shoulder_flexion: function (f, a) {
    return maxOf(sides(f, a, ["shoulder", "hip", "wrist"]).map(function (s) {
      return angleBetween(sub(s.hip, s.shoulder), sub(s.wrist, s.shoulder));
    }));
  },
  // How far the knee is bent: 0 straight, 90 at a right angle. The more bent of the two.
  knee_bend: function (f, a) {
    return maxOf(sides(f, a, ["hip", "knee", "ankle"]).map(function (s) {
      return 180 - angleBetween(sub(s.hip, s.knee), sub(s.ankle, s.knee));
    }));
  },
  // The angle at the hip between trunk and thigh: 90 sitting or on hands and knees, 180 in a
  // straight line. The more open of the two hips.
  hip_opening: function (f, a) {
    return maxOf(sides(f, a, ["shoulder", "hip", "knee"]).map(function (s) {
      return angleBetween(sub(s.shoulder, s.hip), sub(s.knee, s.hip));
    }));
  },
  // How far the hips are off the straight line from shoulders to knees, in degrees: negative
  // below it (resting on the floor, sagging), 0 on it, positive above it (arching in a bridge).
  hip_line: function (f, a) {
    var s = pair(f, a, "shoulder"), h = pair(f, a, "hip"), k = pair(f, a, "knee");
    if (!required([s, h, k])) return null;
    var bend = 180 - angleBetween(sub(s, h), sub(k, h));
    var lineX = k.x - s.x;
    if (Math.abs(lineX) < 1e-6) return null;
    var lineY = s.y + ((h.x - s.x) / lineX) * (k.y - s.y);
    return h.y < lineY ? bend : -bend;
  },
  // The angle between the two thighs, seen from the front of someone lying on their side.
  knee_opening: function (f, a) {
    var h = pair(f, a, "hip"), l = point(f, "left_knee", a), r = point(f, "right_knee", a);
    if (!required([h, l, r])) return null;
    return angleBetween(sub(l, h), sub(r, h));
  },
  // The angle between the two legs (hip to ankle), seen from the front.
  leg_spread: function (f, a) {
    var l = sides(f, a, ["hip", "ankle"]);
    if (l.length < 2) return null;
    return angleBetween(sub(l[0].ankle, l[0].hip), sub(l[1].ankle, l[1].hip));
  },
  // How high the hips are above the ankles, in shin lengths: about 0.9 sitting, 1.9 standing.
  hip_height: function (f, a) {
    var legs = sides(f, a, ["hip", "knee", "ankle"]);
    if (!legs.length) return null;
    var shin = legs.reduce(function (t, s) { return t + dist(s.knee, s.ankle); }, 0) / legs.length;
    var hip = pair(f, a, "hip"), ankle = pair(f, a, "ankle");
    return shin ? (ankle.y - hip.y) / shin : null;
  },
  // The angle between the shin and the foot (heel to toes): it opens as the heel rises.
  ankle_angle: function (f, a) {
    return maxOf(sides(f, a, ["knee", "ankle", "heel", "foot_index"]).map(function (s) {
      return angleBetween(sub(s.knee, s.ankle), sub(s.foot_index, s.heel));
    }));
  },
  // The trunk leaning back from the line of the thighs, in degrees (forward is negative); which
  // way is forward comes from the feet.
  trunk_extension: function (f, a) {
    var s = pair(f, a, "shoulder"), h = pair(f, a, "hip"), k = pair(f, a, "knee");
    var heel = pair(f, a, "heel"), toe = pair(f, a, "foot_index");
    if (!required([s, h, k, heel, toe]) || toe.x === heel.x) return null;
    var facing = toe.x > heel.x ? 1 : -1;
    return turn(sub(h, k), sub(s, h)) * facing;
  },
  // How far the head hangs below the line of the back, in degrees (up is negative).
  head_drop: function (f, a) {
    var s = pair(f, a, "shoulder"), h = pair(f, a, "hip"), e = pair(f, a, "ear");
    if (!required([s, h, e])) return null;
    var facing = s.x > h.x ? 1 : -1;
    return -turn(sub(s, h), sub(e, s)) * facing;
  },

  // --- Measures of compensations. ---
  // Seen from the side, how far one hip is above the other, in trunk lengths: the pelvis rolls.
  hip_tilt: function (f, a) {
    var l = point(f, "left_hip", a), r = point(f, "right_hip", a);
    var s = pair(f, a, "shoulder");
    if (!required([l, r, s])) return null;
    var trunk = dist(mid(l, r), s);
    return trunk ? Math.abs(l.y - r.y) / trunk : null;
  },
  // Lying on the side, seen from the front: the hips' spread against the shoulders'. It shrinks
  // when the top hip rolls back.
  hip_stack: function (f, a) {
    var lh = point(f, "left_hip", a), rh = point(f, "right_hip", a);
    var ls = point(f, "left_shoulder", a), rs = point(f, "right_shoulder", a);
    if (!required([lh, rh, ls, rs])) return null;
    var shoulders = dist(ls, rs);
    return shoulders ? dist(lh, rh) / shoulders : null;
  },
  // Seen from the front, how far a knee has come in from the line from hip to ankle, toward the
  // other leg, in leg lengths. The larger of the two.
  knee_in: function (f, a) {
    var legs = sides(f, a, ["hip", "knee", "ankle"]);
    if (legs.length < 2) return null;
    var middle = (legs[0].hip.x + legs[1].hip.x) / 2;
    return maxOf(legs.map(function (s) {
      var span = s.ankle.y - s.hip.y;
      if (Math.abs(span) < 1e-6) return null;
      var along = (s.knee.y - s.hip.y) / span;
      var lineX = s.hip.x + along * (s.ankle.x - s.hip.x);
      var inward = middle > s.hip.x ? 1 : -1;
      return ((s.knee.x - lineX) * inward) / dist(s.hip, s.ankle);
    }));
  },
  // How far the trunk tips from upright, in degrees: sideways seen from the front, forward or
  // back seen from the side.
  trunk_tilt: function (f, a) {
    var s = pair(f, a, "shoulder"), h = pair(f, a, "hip");
    if (!required([s, h])) return null;
    return Math.abs(turn({ x: 0, y: -1 }, sub(s, h)));
  },
  // Seen from the side, how far the body tips from upright over the feet, in degrees.
  body_lean: function (f, a) {
    var s = pair(f, a, "shoulder"), ankle = pair(f, a, "ankle");
    if (!required([s, ankle])) return null;
    return Math.abs(turn({ x: 0, y: -1 }, sub(s, ankle)));
  },
  // Seen from the side on hands and knees, how far the thighs slope from straight down.
  thigh_slope: function (f, a) {
    var h = pair(f, a, "hip"), k = pair(f, a, "knee");
    if (!required([h, k])) return null;
    return Math.abs(turn({ x: 0, y: 1 }, sub(k, h)));
  },
};

function median(values) {
  var sorted = values.slice().sort(function (a, b) { return a - b; });
  return sorted[Math.floor(sorted.length / 2)];
}

// How far along the movement a set of measured values is, 0 at the start and 1 at the end; the
// measure that lags most decides. Null when any measure is unseen.
export function progressOf(spec, values) {
  var least = Infinity;
  for (var i = 0; i < spec.measures.length; i++) {
    var m = spec.measures[i];
    var v = values[m.measure];
    if (v === null || v === undefined) return null;
    least = Math.min(least, (v - m.start) / (m.end - m.start));
  }
  return least;
}

// The coach for one exercise. `holdS` is the dose's hold in seconds; `aspect` the camera image's
// width over its height. `update(frame, ms)` takes one frame and its time and returns what
// happened: {progress, state, events}; events are {type: "reached" | "left" | "rep" | "short" |
// "cue" | "lost" | "found", ...}.
export function createTracker(spec, options) {
  options = options || {};
  var aspect = options.aspect || 4 / 3;
  var needMs = (options.holdS || 0) * 1000 * HOLD_CREDIT;
  var names = spec.measures.map(function (m) { return m.measure; });
  (spec.compensations || []).forEach(function (c) { if (names.indexOf(c.measure) < 0) names.push(c.measure); });
  var smooth = {}, recent = {}, baseline = {}, faultSince = {};
  var state = "rest", count = 0, heldMs = 0;
  var lastT = null, lastSeen = null, lost = false, lastCueT = -Infinity;

  function measure(frame, dt) {
    var values = {};
    names.forEach(function (name) {
      var raw = frame ? MEASURES[name](frame, aspect) : null;
      if (raw === null || raw === undefined || isNaN(raw)) { values[name] = null; return; }
      // The median of the last three readings first: one wild frame (a limb seen on the wrong
      // side for an instant) moves nothing, however few frames a second the phone manages.
      var last = (recent[name] = (recent[name] || []).concat([raw]).slice(-3));
      raw = median(last);
      var before = smooth[name];
      var k = before === undefined ? 1 : 1 - Math.exp(-dt / SMOOTH_MS);
      smooth[name] = before === undefined ? raw : before + (raw - before) * k;
      values[name] = smooth[name];
    });
    return values;
  }

  // Lying exercises need the trunk nearer flat than upright, and standing ones the reverse.
  function inPosture(frame) {
    if (!spec.posture) return true;
    var tilt = MEASURES.trunk_tilt(frame, aspect);
    if (tilt === null) return true;
    return spec.posture === "lying" ? tilt > POSTURE_TILT : tilt < POSTURE_TILT;
  }

  function checkFaults(values, progress, t, dt, events) {
    (spec.compensations || []).forEach(function (c) {
      var v = values[c.measure];
      if (v === null) { delete faultSince[c.cue]; return; }
      if (state === "rest" && progress < REST) {
        // At rest: learn the person's own neutral for the checks that compare with it.
        var b = baseline[c.measure];
        var k = b === undefined ? 1 : 1 - Math.exp(-dt / BASELINE_MS);
        baseline[c.measure] = b === undefined ? v : b + (v - b) * k;
        delete faultSince[c.cue];
        return;
      }
      if (c.relative) {
        if (baseline[c.measure] === undefined) return;
        v -= baseline[c.measure];
      }
      var fault = (c.above !== undefined && v > c.above) || (c.below !== undefined && v < c.below);
      if (!fault) { delete faultSince[c.cue]; return; }
      if (faultSince[c.cue] === undefined) faultSince[c.cue] = t;
      if (t - faultSince[c.cue] >= CUE_PERSIST_MS && t - lastCueT >= CUE_GAP_MS) {
        lastCueT = t;
        events.push({ type: "cue", cue: c.cue });
      }
    });
  }

  function update(frame, t) {
    var events = [];
    var dt = lastT === null ? 0 : Math.max(0, t - lastT);
    lastT = t;
    var values = measure(frame, dt);
    var progress = progressOf(spec, values);
    if (progress !== null && !inPosture(frame)) progress = 0;
    if (progress === null) {
      if (lastSeen !== null && !lost && t - lastSeen >= LOST_MS) {
        lost = true;
        events.push({ type: "lost" });
      }
      return { progress: null, state: state, count: count, events: events };
    }
    var sinceSeen = lastSeen === null ? 0 : Math.min(t - lastSeen, 1000);
    lastSeen = t;
    if (lost) { lost = false; events.push({ type: "found" }); }
    if (state === "rest" || state === "returning") {
      if (progress >= REACH) {
        state = "held";
        events.push({ type: "reached" });
      } else if (state === "returning" && progress <= REST) {
        state = "rest";
        if (heldMs >= needMs) {
          count += 1;
          events.push({ type: "rep", count: count });
        } else if (heldMs >= SHORT_MS) {
          events.push({ type: "short", heldMs: Math.round(heldMs) });
        }
        heldMs = 0;
      }
    } else if (state === "held") {
      heldMs += sinceSeen;
      if (progress < LEAVE) {
        state = "returning";
        events.push({ type: "left", heldMs: Math.round(heldMs) });
      }
    }
    checkFaults(values, progress, t, sinceSeen || dt, events);
    return { progress: progress, state: state, count: count, events: events, values: values };
  }

  return {
    update: update,
    count: function () { return count; },
    reset: function () {
      state = "rest"; count = 0; heldMs = 0; lastT = null; lastSeen = null; lost = false;
      smooth = {}; recent = {}; baseline = {}; faultSince = {}; lastCueT = -Infinity;
    },
  };
}
