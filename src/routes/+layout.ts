// The whole app is prerendered to static files; pages that need the device's data read it in the browser.
export const prerender = true;
