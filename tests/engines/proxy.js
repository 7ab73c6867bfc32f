// A proxy in front of the static server, for the engine checks. It does two things a plain server
// cannot: it goes "offline" by dropping every connection (WebKitGTK has no offline switch, so the
// server really stops answering, for every engine alike), and it puts the probe (probe.js) at the
// top of every HTML page, so script errors and downloads can be read from the page in any engine.
import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import { probe } from './probe.js';

const probeSource = `(${probe})();`;
const probeHash = createHash('sha256').update(probeSource).digest('base64');

/**
 * The page with the probe as its first script; its hash joins the page's own Content-Security-Policy,
 * so the probe runs under the same policy as the app (and from the service worker's precache too).
 * @param {string} html
 */
export function withProbe(html) {
	return html
		.replace('<head>', `<head><script>${probeSource}</script>`)
		.replace(/(http-equiv="content-security-policy" content="[^"]*script-src )/i, `$1'sha256-${probeHash}' `);
}

/**
 * Starts the proxy on `port`, forwarding to the static server at `targetPort`.
 * @param {number} targetPort @param {number} port
 */
export async function startProxy(targetPort, port) {
	let offline = false;
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	const server = createServer((req, res) => {
		const { 'accept-encoding': _encoding, ...headers } = req.headers;
		const forwarded = request(
			{ host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, headers },
			(answer) => {
				const type = String(answer.headers['content-type'] ?? '');
				if (!type.startsWith('text/html')) {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					return;
				}
				/** @type {Buffer[]} */
				const chunks = [];
				answer.on('data', (chunk) => chunks.push(chunk));
				answer.on('end', () => {
					const body = withProbe(Buffer.concat(chunks).toString('utf8'));
					res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
					res.end(body);
				});
			}
		);
		forwarded.on('error', () => res.destroy());
		req.pipe(forwarded);
	});
	server.on('connection', (socket) => {
		if (offline) {
			socket.destroy();
			return;
		}
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(undefined));
	});
	return {
		/** Drops every open connection and refuses new ones, or answers again. @param {boolean} on */
		setOffline(on) {
			offline = on;
			if (on) for (const socket of sockets) socket.destroy();
		},
		close: () => {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(() => resolve(undefined)));
		}
	};
}
