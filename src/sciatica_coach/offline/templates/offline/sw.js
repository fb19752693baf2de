{% autoescape off %}// Sciatica Coach service worker, version {{ version }}.
// The app shell comes from the cache; pages come from the network, with the last copy kept so
// Today and the session player open with no connection. A session started offline runs in the
// offline player, which keeps the log on the phone until it can be sent.
//
// Personal pages are kept in a cache named after the signed-in account ("account-" and an opaque
// key from the server, never the username), and only while the server says that account is
// signed in here: a logout, an expired session, a lost cookie or another person signing in
// drops them. Offline, a browser with no account cache gets the offline notice, never a page.
"use strict";
const VERSION = "{{ version }}";
const SHELL_CACHE = "shell-" + VERSION;
const ACCOUNT_PREFIX = "account-";
const SHELL = {{ shell_json }};
const OFFLINE_NOTICE = "{{ offline_url }}";
const SESSION_STATE = "{{ session_url }}";
const LOGIN_PATH = "{{ login_url }}";
const OFFLINE_PLAYER = (slot) => "/offline/session/" + slot + "/";
// The camera coach's files, kept once a person has used it so it also runs offline. Nothing
// personal: the pose model, its scripts and the coach's table. Kept across releases (the model
// lives in a folder named after its version); the coach's own scripts are fetched fresh online.
const COACH_CACHE = "coach";
const COACH_MODEL = /^\/static\/coach\/vendor\//;
const COACH_FILES = /^\/(static\/coach\/|coach\/table\.json$)/;
// The model this release uses; a model kept from an earlier release (megabytes) is dropped.
const POSE_MODEL_NOW = "{{ pose_model_url }}";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll([...SHELL, OFFLINE_NOTICE])).then(() => self.skipWaiting()));
});

const accountCaches = () => caches.keys().then((keys) => keys.filter((key) => key.startsWith(ACCOUNT_PREFIX)));

// Keep the pages of this account only (none when account is null).
function keepOnly(account) {
  const kept = account ? ACCOUNT_PREFIX + account : null;
  return accountCaches().then((keys) => Promise.all(keys.filter((key) => key !== kept).map((key) => caches.delete(key))));
}

// Ask the server who is signed in here, and forget everyone else. Unreachable: change nothing.
function checkAccount() {
  return fetch(SESSION_STATE, { credentials: "same-origin", cache: "no-store" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error("no answer"))))
    .then((state) => {
      const account = state.signed_in ? state.account : null;
      return keepOnly(account).then(() => account);
    });
}

function dropOldPoseModels() {
  return caches.open(COACH_CACHE).then((cache) => cache.keys().then((requests) => Promise.all(
    requests
      .filter((request) => {
        const path = new URL(request.url).pathname;
        return COACH_MODEL.test(path) && !path.startsWith(POSE_MODEL_NOW);
      })
      .map((request) => cache.delete(request))
  ))).catch(() => null);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL_CACHE && k !== COACH_CACHE && !k.startsWith(ACCOUNT_PREFIX)).map((k) => caches.delete(k))))
      .then(() => dropOldPoseModels())
      .then(() => checkAccount().catch(() => null))
      .then(() => self.clients.claim())
  );
});

// Keep the offline players of Today's sessions fresh, with their pictures. This runs a little
// after Today has loaded, so it never competes with the page or a session's last save.
const REFRESH_DELAY_MS = 2000;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = (items) => Array.from(new Set(items));

function refreshPlayers(cacheName, todayHtml) {
  const slots = unique(Array.from(todayHtml.matchAll(/\/session\/([a-z]+)\/start\//g), (m) => m[1]));
  return caches.open(cacheName).then((cache) => Promise.all(slots.map((slot) =>
    // Not following a redirect: signed out by now, the answer would be the login page, whose
    // fresh CSRF cookie would replace the one of a login form open in a tab, and fail it.
    fetch(OFFLINE_PLAYER(slot), { credentials: "same-origin", redirect: "manual" })
      .then((response) => {
        if (!response.ok || response.redirected) return null;
        return response.clone().text().then((html) => {
          const pictures = unique(html.match(/\/exercises\/[a-z0-9_]+\/[a-z]+\.svg/g) || []);
          const missing = pictures.map((url) => caches.match(url).then((hit) => (hit ? null : cache.add(url))));
          return Promise.all([cache.put(OFFLINE_PLAYER(slot), response), ...missing]);
        });
      })
      .catch(() => null)
  )));
}

// The model (a versioned folder) from the cache first; the coach's scripts and table from the
// network first. Either way a copy is kept for the next time there is no connection.
function coachFile(request, versioned) {
  return caches.open(COACH_CACHE).then((cache) => {
    const fetchAndKeep = () => fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (versioned) return cache.match(request).then((hit) => hit || fetchAndKeep());
    return fetchAndKeep().catch(() => cache.match(request).then((hit) => hit || Response.error()));
  });
}

// Today, kept for the account the server says is signed in now (asked again, so a page that
// arrives just as someone else signs in is never kept under the wrong name).
function keepToday(copy, html) {
  return checkAccount().then((account) => {
    if (!account) return null;
    const name = ACCOUNT_PREFIX + account;
    return caches.open(name)
      .then((cache) => cache.put("/today/", new Response(html, { headers: copy.headers })))
      .then(() => wait(REFRESH_DELAY_MS))
      .then(() => refreshPlayers(name, html));
  }).catch(() => null);
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  // "forget" is sent on logout; {account} by pwa.js after its own start-up check.
  if (data === "forget") {
    event.waitUntil(keepOnly(null));
  } else if (data.type === "account") {
    event.waitUntil(keepOnly(data.account || null));
  }
});

// Offline: a page of the account kept here, else Today, else the notice. No account: the notice.
function offlineAnswer(pathname, fallback) {
  const notice = () => caches.match(OFFLINE_NOTICE).then(
    (hit) => hit || new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain" } })
  );
  return accountCaches().then((names) => {
    if (!names.length) return notice();
    return caches.open(names[0]).then((cache) =>
      cache.match(fallback).then((hit) => hit || cache.match("/today/")).then((hit) => hit || notice())
    );
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== "GET") return;
  if (COACH_FILES.test(url.pathname)) {
    event.respondWith(coachFile(request, COACH_MODEL.test(url.pathname)));
    return;
  }
  if (url.pathname.startsWith("/static/") || /^\/exercises\/[a-z0-9_]+\/[a-z]+\.svg$/.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  if (request.mode !== "navigate") return;
  const start = url.pathname.match(/^\/session\/([a-z]+)\/start\/$/);
  event.respondWith(
    fetch(request).then((response) => {
      if (response.redirected && new URL(response.url).pathname.startsWith(LOGIN_PATH)) {
        // Sent to the login page: whoever was signed in here is not any more.
        event.waitUntil(keepOnly(null));
      } else if (url.pathname === "/today/" && response.ok && !response.redirected) {
        const copy = response.clone();
        event.waitUntil(copy.text().then((html) => keepToday(copy, html)));
      }
      return response;
    }).catch(() => offlineAnswer(url.pathname, start ? OFFLINE_PLAYER(start[1]) : url.pathname))
  );
});
{% endautoescape %}
