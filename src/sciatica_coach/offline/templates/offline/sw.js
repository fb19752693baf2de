{% autoescape off %}// Sciatica Coach service worker, version {{ version }}.
// The app shell comes from the cache; pages come from the network, with the last copy kept so
// Today and the session player open with no connection. A session started offline runs in the
// offline player, which keeps the log on the phone until it can be sent.
"use strict";
const VERSION = "{{ version }}";
const SHELL_CACHE = "shell-" + VERSION;
const PAGE_CACHE = "pages-" + VERSION;
const SHELL = {{ shell_json }};
const OFFLINE_PLAYER = (slot) => "/offline/session/" + slot + "/";
// The camera coach's files, kept once a person has used it so it also runs offline. Nothing
// personal: the pose model, its scripts and the coach's table. Kept across releases (the model
// lives in a folder named after its version); the coach's own scripts are fetched fresh online.
const COACH_CACHE = "coach";
const COACH_MODEL = /^\/static\/coach\/vendor\//;
const COACH_FILES = /^\/(static\/coach\/|coach\/table\.json$)/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => ![SHELL_CACHE, PAGE_CACHE, COACH_CACHE].includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// Keep the offline players of Today's sessions fresh, with their pictures. This runs a little
// after Today has loaded, so it never competes with the page or a session's last save.
const REFRESH_DELAY_MS = 2000;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = (items) => Array.from(new Set(items));

function refreshPlayers(todayHtml) {
  const slots = unique(Array.from(todayHtml.matchAll(/\/session\/([a-z]+)\/start\//g), (m) => m[1]));
  return caches.open(PAGE_CACHE).then((cache) => Promise.all(slots.map((slot) =>
    fetch(OFFLINE_PLAYER(slot), { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok || response.redirected) return null;
        return response.clone().text().then((html) => {
          const pictures = unique(html.match(/\/exercises\/[a-z0-9_]+\/[a-z]+\.svg/g) || []);
          const missing = pictures.map((url) => cache.match(url).then((hit) => (hit ? null : cache.add(url))));
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

self.addEventListener("message", (event) => {
  // Sent on logout: health data must not stay in this browser's caches.
  if (event.data === "forget") {
    event.waitUntil(caches.delete(PAGE_CACHE));
  }
});

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
      if (url.pathname === "/today/" && response.ok && !response.redirected) {
        const copy = response.clone();
        event.waitUntil(copy.text().then((html) =>
          caches.open(PAGE_CACHE)
            .then((cache) => cache.put("/today/", new Response(html, { headers: copy.headers })))
            .then(() => wait(REFRESH_DELAY_MS))
            .then(() => refreshPlayers(html))
        ));
      }
      return response;
    }).catch(() => {
      const fallback = start ? OFFLINE_PLAYER(start[1]) : url.pathname;
      return caches.match(fallback).then((hit) => hit || caches.match("/today/")).then(
        (hit) => hit || new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain" } })
      );
    })
  );
});
{% endautoescape %}
