// Unit tests of the camera coach's rules (src/sciatica_coach/coach/static/coach/logic.mjs),
// with Node's own test runner: `node --test tests/js/`. The Python tests
// (tests/unit/coach/test_tracker.py) run the same rules on sequences made from the pictures.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CUE_GAP_MS, LANDMARK, MEASURES, angleBetween, createTracker, progressOf, turn,
} from "../../src/sciatica_coach/coach/static/coach/logic.mjs";

// A frame with every landmark at the centre, then the named ones moved (x, y in 0..1).
function frame(points) {
  const f = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5, visibility: 1 }));
  for (const [name, [x, y]] of Object.entries(points)) f[LANDMARK[name]] = { x, y, visibility: 1 };
  return f;
}

// One leg seen from the front of someone standing: hips level, the left leg out by `degrees`.
function legs(degrees, { lean = 0 } = {}) {
  const r = (degrees * Math.PI) / 180;
  const leanX = Math.sin((lean * Math.PI) / 180) * 0.2;
  return frame({
    left_shoulder: [0.55 + leanX, 0.3], right_shoulder: [0.45 + leanX, 0.3],
    left_hip: [0.53, 0.5], right_hip: [0.47, 0.5],
    left_knee: [0.53 + Math.sin(r) * 0.12, 0.5 + Math.cos(r) * 0.12], right_knee: [0.47, 0.62],
    left_ankle: [0.53 + Math.sin(r) * 0.24, 0.5 + Math.cos(r) * 0.24], right_ankle: [0.47, 0.74],
  });
}

const ABDUCTION = {
  view: "front",
  measures: [{ measure: "leg_spread", start: 0, end: 28 }],
  compensations: [{ cue: "upright", measure: "trunk_tilt", above: 8, relative: true }],
};

test("angles are measured between vectors, and turns are signed anticlockwise", () => {
  assert.equal(Math.round(angleBetween({ x: 1, y: 0 }, { x: 0, y: 1 })), 90);
  assert.equal(Math.round(turn({ x: 1, y: 0 }, { x: 0, y: -1 })), 90); // y down: up is -y
  assert.equal(Math.round(turn({ x: 1, y: 0 }, { x: 0, y: 1 })), -90);
});

test("the aspect ratio makes angles true on a wide image", () => {
  const f = legs(20);
  // Squeezed into a 4:3 frame's coordinates, the spread is still read as 20 degrees.
  const squeezed = f.map((p) => ({ ...p, x: 0.5 + (p.x - 0.5) * 0.75 }));
  assert.ok(Math.abs(MEASURES.leg_spread(squeezed, 4 / 3) - 20) < 0.5);
});

test("progress is led by the measure that lags most", () => {
  const spec = { measures: [{ measure: "a", start: 0, end: 10 }, { measure: "b", start: 100, end: 0 }] };
  assert.equal(progressOf(spec, { a: 5, b: 20 }), 0.5);
  assert.equal(progressOf(spec, { a: 5, b: null }), null);
});

test("a hidden landmark makes the measure unknown, not zero", () => {
  const f = legs(20);
  f[LANDMARK.left_ankle].visibility = 0.1;
  assert.equal(MEASURES.leg_spread(f, 1), null);
});

function play(tracker, poses, t0 = 0, stepMs = 100) {
  const events = [];
  poses.forEach((pose, i) => {
    for (const e of tracker.update(pose, t0 + i * stepMs).events) events.push({ ...e, t: t0 + i * stepMs });
  });
  return events;
}

function rep(degrees, holdFrames, { lean = 0 } = {}) {
  const up = [5, 10, 15, 20, 25].map((d) => legs(Math.min(d, degrees) , { lean: lean * d / 25 }));
  return [
    ...Array(10).fill(legs(0)), ...up, ...Array(holdFrames).fill(legs(degrees, { lean })),
    ...up.reverse(), ...Array(10).fill(legs(0)),
  ];
}

test("a repetition counts once reached, held for the dose and left", () => {
  const tracker = createTracker(ABDUCTION, { holdS: 2, aspect: 1 });
  const events = play(tracker, [...rep(28, 20), ...rep(28, 20)]);
  assert.deepEqual(events.filter((e) => e.type === "rep").map((e) => e.count), [1, 2]);
  assert.equal(events.filter((e) => e.type === "cue").length, 0);
});

test("a hold cut short is not counted", () => {
  const tracker = createTracker(ABDUCTION, { holdS: 5, aspect: 1 });
  const events = play(tracker, rep(28, 20));
  assert.equal(tracker.count(), 0);
  assert.deepEqual(events.filter((e) => e.type === "short").length, 1);
});

test("leaning sideways against the person's own upright draws one cue, then a pause", () => {
  const tracker = createTracker(ABDUCTION, { holdS: 2, aspect: 1 });
  const events = play(tracker, [...rep(28, 60, { lean: 20 }), ...rep(28, 60, { lean: 20 })]);
  const cues = events.filter((e) => e.type === "cue");
  assert.ok(cues.length >= 2);
  assert.ok(cues.every((c) => c.cue === "upright"));
  for (let i = 1; i < cues.length; i++) assert.ok(cues[i].t - cues[i - 1].t >= CUE_GAP_MS);
  assert.equal(tracker.count(), 2);
});

test("no body for a while is reported once, and its return once", () => {
  const tracker = createTracker(ABDUCTION, { holdS: 2, aspect: 1 });
  const events = play(tracker, [legs(0), ...Array(30).fill(null), legs(0)]);
  assert.deepEqual(events.map((e) => e.type), ["lost", "found"]);
});
