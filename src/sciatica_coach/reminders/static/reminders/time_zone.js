// Fill the hidden time zone field with this device's zone (used when the visible one is empty).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var hidden = document.querySelector("input[name=browser_time_zone]");
  if (!hidden || !window.Intl || !Intl.DateTimeFormat) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  hidden.value = zone;
  var note = document.querySelector("[data-detected-zone]");
  if (note) {
    note.textContent = note.getAttribute("data-text").replace("%(zone)s", zone);
    note.hidden = false;
  }
});
