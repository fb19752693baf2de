// The offline session: the check before, the guided player (app.js), the check after, all on the
// phone. The log is kept in this browser (pwa.js) and sent when there is a connection.
"use strict";

(function () {
  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }
  function localDate() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function readCheck(form, prefix) {
    var value = function (name) {
      var input = form.querySelector("input[name='" + prefix + "-" + name + "']:checked");
      return input ? input.value : null;
    };
    var flags = Array.prototype.map.call(
      form.querySelectorAll("input[name='" + prefix + "-red_flags']:checked"),
      function (input) { return input.value; }
    );
    var leg = value("pain_leg"), back = value("pain_back"), extent = value("extent");
    var missing = [["pain_leg", leg], ["pain_back", back], ["extent", extent]].filter(function (pair) {
      return pair[1] === null;
    }).map(function (pair) { return pair[0]; });
    form.querySelectorAll("[name^='" + prefix + "-']").forEach(function (input) {
      var name = input.name.slice(prefix.length + 1);
      input.setAttribute("aria-invalid", String(missing.indexOf(name) >= 0));
    });
    if (missing.length) return null;
    return { pain_leg: parseInt(leg, 10), pain_back: parseInt(back, 10), extent: extent, red_flags: flags };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector("[data-offline-session]");
    if (!root || !window.SciaticaOffline) return;
    var data = JSON.parse(document.getElementById("offline-data").textContent);
    var stages = {};
    root.querySelectorAll("[data-stage]").forEach(function (stage) { stages[stage.getAttribute("data-stage")] = stage; });
    var entry = {
      account: data.account,  // whose log this is: never sent while someone else is signed in
      complete: false,
      updated: Date.now(),
      payload: {
        client_id: newId(), plan_id: data.plan_id, date: localDate(), slot: data.slot,
        before: null, step: 0, exercises_done: [], after: null, spreading: false
      }
    };
    var statuses = root.querySelectorAll("[data-sync-status]");
    function tell(text) { statuses.forEach(function (node) { node.textContent = text; }); }

    function show(name) {
      Object.keys(stages).forEach(function (key) { stages[key].hidden = key !== name; });
      var heading = stages[name].querySelector("h1");
      if (heading) heading.focus();
      window.scrollTo(0, 0);
    }
    function save(complete) {
      entry.updated = Date.now();
      entry.complete = complete;
      window.SciaticaOffline.put(entry);
    }
    function send() {
      tell(data.text.saved);
      window.SciaticaOffline.flush();
    }
    function stop(flags) {
      // The engine ordered the flags most urgent first, with the advice for each.
      var worst = data.flags.filter(function (flag) { return flags.indexOf(flag.id) >= 0; })[0];
      var stage = stages.stop;
      stage.querySelector("[data-stop-heading]").textContent = data.text.headings[worst.urgency];
      var list = stage.querySelector("[data-stop-advice]");
      list.textContent = "";
      worst.advice.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      show("stop");
      send();
    }
    function checkForm(prefix, onValid) {
      var form = root.querySelector("form[data-check='" + prefix + "']");
      var error = form.querySelector("[data-check-error]");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var check = readCheck(form, prefix);
        error.hidden = !!check;
        if (!check) { error.focus(); return; }
        onValid(check);
      });
    }

    checkForm("before", function (check) {
      entry.payload.before = check;
      if (check.red_flags.length) { save(true); stop(check.red_flags); return; }
      save(false);
      show("play");
    });
    checkForm("after", function (check) {
      entry.payload.after = check;
      save(true);
      if (check.red_flags.length) { stop(check.red_flags); return; }
      var further = data.spreads[entry.payload.before.extent].indexOf(check.extent) >= 0;
      stages.done.querySelector("[data-spreading-advice]").hidden = !(further || entry.payload.spreading);
      show("done");
      send();
    });

    var player = root.querySelector("[data-player]");
    player.addEventListener("player:progress", function (event) {
      entry.payload.step = event.detail.step;
      entry.payload.exercises_done = event.detail.done;
      save(false);
    });
    player.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-finish], a[data-stop]");
      if (!link) return;
      event.preventDefault();
      entry.payload.spreading = link.hasAttribute("data-stop");
      stages.after.querySelector("[data-spreading-note]").hidden = !entry.payload.spreading;
      save(false);
      show("after");
    });
    document.addEventListener("offline:sync", function (event) {
      if (event.detail.id !== entry.payload.client_id) return;
      tell(event.detail.sent ? data.text.sent : data.text.later);
    });
  });
})();
