// Offline support for the standalone page only, never in the iframe embed.
// The service worker precaches the whole build, answer files included, so it
// is registered only once the first screen is interactive (the app dispatches
// "pyprep:interactive") and the page is idle: precaching never competes with
// the first card.
if ("serviceWorker" in navigator && !new URLSearchParams(location.search).has("embed")) {
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 200));
  const register = () =>
    idle(() => {
      navigator.serviceWorker.register("./sw.js").catch((e) => console.warn("pyprep: no offline support:", e));
    });
  // The app may have started before this script ran: it marks <html> too.
  if (document.documentElement.hasAttribute("data-pyprep-interactive")) register();
  else addEventListener("pyprep:interactive", register, { once: true });
}
