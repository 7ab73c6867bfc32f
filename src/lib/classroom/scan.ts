/**
 * Reading QR codes with the camera: the browser's BarcodeDetector where it has one,
 * otherwise the `barcode-detector` polyfill, loaded only when scanning starts, with its
 * ZXing WebAssembly served from this site (never from a CDN).
 */

interface Detected {
	rawValue: string;
}
interface Detector {
	detect(source: CanvasImageSource): Promise<Detected[]>;
}

async function makeDetector(): Promise<Detector> {
	const native = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
	if (native) return new native({ formats: ['qr_code'] });
	const [{ BarcodeDetector, setZXingModuleOverrides }, { default: wasmUrl }] = await Promise.all([
		import('barcode-detector/ponyfill'),
		import('zxing-wasm/reader/zxing_reader.wasm?url')
	]);
	setZXingModuleOverrides({
		locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
	});
	return new BarcodeDetector({ formats: ['qr_code'] });
}

/**
 * Shows the back camera in the video and calls `onCode` with each QR code read
 * (the same code once every few seconds at most). Returns a function that stops it.
 */
export async function startScanning(video: HTMLVideoElement, onCode: (text: string) => void): Promise<() => void> {
	const detector = await makeDetector();
	const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
	video.srcObject = stream;
	await video.play();
	let stopped = false;
	const seen = new Map<string, number>();
	const tick = async () => {
		if (stopped) return;
		try {
			if (video.readyState >= 2) {
				for (const found of await detector.detect(video)) {
					const last = seen.get(found.rawValue) ?? 0;
					if (Date.now() - last > 3000) onCode(found.rawValue);
					seen.set(found.rawValue, Date.now());
				}
			}
		} catch {
			// A frame that cannot be read: try the next one.
		}
		if (!stopped) setTimeout(tick, 250);
	};
	void tick();
	return () => {
		stopped = true;
		for (const track of stream.getTracks()) track.stop();
		video.srcObject = null;
	};
}
