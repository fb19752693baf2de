// Runs the coach's rules (static/coach/logic.mjs) on landmark sequences written by the Python
// tests: JSON on standard input, JSON on standard output. Each case is either
// {measure: [frames]} (every measure of each frame, raw) or {spec, holdS, fps, frames}
// (the tracker run over the frames, as the browser would run it).
import { readFileSync } from "node:fs";
import { createTracker, MEASURES } from "../../../src/sciatica_coach/coach/static/coach/logic.mjs";

function asLandmarks(frame) {
  // A landmark left out (null) is one the model did not see.
  return frame === null ? null : frame.map((p) => (p === null
    ? { x: 0, y: 0, z: 0, visibility: 0 }
    : { x: p[0], y: p[1], z: p[2], visibility: p[3] }));
}

function run(c) {
  if (c.list) return Object.keys(MEASURES);
  const aspect = c.aspect || 640 / 480;
  if (c.measure) {
    return c.measure.map((frame) => Object.fromEntries(
      Object.entries(MEASURES).map(([name, fn]) => [name, fn(asLandmarks(frame), aspect)])));
  }
  const tracker = createTracker(c.spec, { holdS: c.holdS, aspect });
  const events = [];
  let maxProgress = -Infinity;
  c.frames.forEach((frame, i) => {
    const t = (i * 1000) / c.fps;
    const out = tracker.update(asLandmarks(frame), t);
    if (out.progress !== null) maxProgress = Math.max(maxProgress, out.progress);
    out.events.forEach((e) => events.push({ ...e, t: Math.round(t) }));
  });
  return {
    count: tracker.count(),
    cues: events.filter((e) => e.type === "cue").map((e) => e.cue),
    events,
    maxProgress,
  };
}

const input = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.cases.map(run)));
