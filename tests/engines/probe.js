// The probe the proxy puts at the top of every page (as its source text, so it must use nothing
// from outside itself). WebDriver sessions cannot read the console of every engine, so the page
// keeps its own record: script errors, unhandled rejections and console.error calls, and the
// files it hands to the browser to download (the bytes of the blob behind a download link).

/** @typedef {{ errors: string[], downloads: { name: string, text: string }[] }} ProbeRecord */

export function probe() {
	/** @type {ProbeRecord} */
	const record = { errors: [], downloads: [] };
	Object.defineProperty(window, '__engineProbe', { value: record });
	/** @param {unknown} reason */
	const describe = (reason) => (reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
	addEventListener('error', (event) => record.errors.push(`error: ${event.message}`));
	addEventListener('unhandledrejection', (event) =>
		record.errors.push(`unhandled rejection: ${describe(event.reason)}`)
	);
	const consoleError = console.error.bind(console);
	console.error = (...args) => {
		record.errors.push(`console.error: ${args.map(describe).join(' ')}`);
		consoleError(...args);
	};
	/** @type {Map<string, Blob>} */
	const blobs = new Map();
	const createObjectURL = URL.createObjectURL.bind(URL);
	URL.createObjectURL = (object) => {
		const url = createObjectURL(object);
		if (object instanceof Blob) blobs.set(url, object);
		return url;
	};
	const click = HTMLAnchorElement.prototype.click;
	HTMLAnchorElement.prototype.click = function () {
		const blob = this.download ? blobs.get(this.href) : undefined;
		if (blob) void blob.text().then((text) => record.downloads.push({ name: this.download, text }));
		click.call(this);
	};
}
