// Installable app: registers the service worker, and sends sessions done offline once the phone
// is back online. Each offline session carries an id made on the phone; the server stores an id
// only once, so sending twice (a retry, two tabs) never makes two logs.
"use strict";

(function () {
  var KEY = "sciatica-coach:offline-sessions";
  var ABANDONED_MS = 2 * 60 * 60 * 1000; // an unfinished session left this long is sent as it is
  var SYNC_URL = "/offline/sessions/";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function store(queue) { window.localStorage.setItem(KEY, JSON.stringify(queue)); }
  function put(entry) { var queue = load(); queue[entry.payload.client_id] = entry; store(queue); }
  function remove(id) { var queue = load(); delete queue[id]; store(queue); }
  function pending() { return Object.keys(load()).length; }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function announce(detail) {
    document.dispatchEvent(new CustomEvent("offline:sync", { detail: detail }));
  }

  function send(entry) {
    return fetch(SYNC_URL, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(entry.payload)
    }).then(function (response) {
      if (response.ok) {
        remove(entry.payload.client_id);
        announce({ id: entry.payload.client_id, sent: true });
        return true;
      } else if (response.status !== 401 && response.status !== 403 && response.status < 500) {
        // Refused for good (the answer names the field): keeping it would retry forever.
        remove(entry.payload.client_id);
        announce({ id: entry.payload.client_id, sent: false, refused: true });
        return true;
      }
      announce({ id: entry.payload.client_id, sent: false });
      // Signed out (401, 403): kept, but not retried until someone signs in again.
      return response.status === 401 || response.status === 403;
    }).catch(function () { announce({ id: entry.payload.client_id, sent: false }); return false; });
  }

  // A phone that has just come back online often cannot reach the server for a moment (the
  // connection is still coming up, the service worker still sees it offline): a send that fails
  // then is tried again a little later, waiting longer each time, instead of waiting for the next
  // page to be opened.
  var RETRY_FIRST_MS = 2000;
  var RETRY_MAX_MS = 60000;
  var retryDelay = RETRY_FIRST_MS;
  var retryTimer = null;
  function retryLater() {
    if (retryTimer) return;
    retryTimer = window.setTimeout(function () { retryTimer = null; flush(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }

  // Who the server says is signed in here: an opaque key per account (never the username), null
  // when no one is, undefined until asked. A log queued by one account is only ever sent while
  // that same account is signed in; another account signing in here drops it.
  var SESSION_URL = "/accounts/session/";
  var account;
  function checkSession() {
    if (!navigator.onLine) return Promise.resolve(account);
    return fetch(SESSION_URL, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (state) {
      if (!state) return account;
      account = state.signed_in ? state.account : null;
      if (navigator.serviceWorker && navigator.serviceWorker.controller) {
        navigator.serviceWorker.controller.postMessage({ type: "account", account: account });
      }
      if (account) {
        var queue = load();
        Object.keys(queue).forEach(function (id) {
          if (queue[id].account && queue[id].account !== account) delete queue[id];
        });
        store(queue);
      }
      return account;
    }, function () { return account; });
  }
  function mine(entry) { return !!account && (!entry.account || entry.account === account); }

  var flushing = null;
  function flush() {
    if (flushing) return flushing;
    if (!navigator.onLine) return Promise.resolve();
    if (account === undefined) {
      // Not known yet (the server could not be asked): try again a little later.
      return checkSession().then(function () {
        if (account === undefined) { retryLater(); return null; }
        return flush();
      });
    }
    var now = Date.now();
    var queue = load();
    var ready = Object.keys(queue).map(function (id) { return queue[id]; }).filter(function (entry) {
      return mine(entry) && (entry.complete || now - entry.updated > ABANDONED_MS);
    });
    var failed = false;
    flushing = ready.reduce(function (chain, entry) {
      return chain.then(function () {
        return send(entry).then(function (done) { failed = failed || !done; });
      });
    }, Promise.resolve()).then(function () {
      flushing = null;
      if (failed) { retryLater(); } else { retryDelay = RETRY_FIRST_MS; }
    }, function () { flushing = null; });
    return flushing;
  }

  // Session steps whose save did not reach the server (app.js keeps them): send the last one.
  var PROGRESS_KEY = "sciatica-coach:session-progress";
  function flushProgress() {
    if (!navigator.onLine) return;
    var all;
    try { all = JSON.parse(window.localStorage.getItem(PROGRESS_KEY)) || {}; } catch (e) { return; }
    Object.keys(all).forEach(function (progressUrl) {
      var entry = all[progressUrl];
      var body = new FormData();
      body.append("csrfmiddlewaretoken", entry.token);
      body.append("step", String(entry.step));
      entry.done.forEach(function (id) { body.append("done", id); });
      fetch(progressUrl, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
        if (response.status >= 500 || response.status === 401 || response.status === 403) return;
        var now = JSON.parse(window.localStorage.getItem(PROGRESS_KEY)) || {};
        if (now[progressUrl] && now[progressUrl].step === entry.step) {
          delete now[progressUrl];
          window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(now));
        }
      }).catch(function () {});
    });
  }

  function forget() {
    window.localStorage.removeItem(KEY);
    window.localStorage.removeItem(PROGRESS_KEY);
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage("forget");
    }
  }

  window.SciaticaOffline = {
    put: put, flush: flush, pending: pending, forget: forget, checkSession: checkSession,
    account: function () { return account; }
  };

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  window.addEventListener("online", function () {
    checkSession().then(function () { flush(); if (account) flushProgress(); });
  });
  document.addEventListener("DOMContentLoaded", function () {
    // The start-up check: forget what belongs to anyone no longer signed in, then send.
    checkSession().then(function () {
      flush();
      // Not on the player itself: there, its own saves are the newer word.
      if (account && !document.querySelector("[data-progress-url]:not([data-progress-url=''])")) flushProgress();
    });
    // Logging out on a shared phone must leave none of this person's health data behind.
    document.querySelectorAll("form[data-logout]").forEach(function (logout) {
      logout.addEventListener("submit", function (event) {
        var unsent = pending();
        if (unsent && !window.confirm(logout.getAttribute("data-unsent-warning").replace("%s", unsent))) {
          event.preventDefault();
          return;
        }
        forget();
      });
    });
  });
})();
