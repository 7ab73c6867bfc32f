/**
 * `npm run fingerprint -- <article.txt> [deck folder]`: run by a maintainer when a deck's source
 * article changes. Writes `<deck folder>/source.fingerprint`, or prints it when no folder is given.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, formatFingerprint, WINDOW } from './fingerprint';

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const [articlePath, deckFolder] = process.argv.slice(2);
if (!articlePath)
	fail('usage: npm run fingerprint -- <article.txt> [deck folder, e.g. questions/central-asia-taliban]');
if (!existsSync(articlePath) || !statSync(articlePath).isFile()) fail(`no article file at ${articlePath}`);
if (deckFolder && !existsSync(join(deckFolder, 'deck.yaml')))
	fail(`${deckFolder} is not a deck folder: it has no deck.yaml`);

const hashes = fingerprint(readFileSync(articlePath, 'utf8'));
if (hashes.length === 0) fail(`${articlePath} has fewer than ${WINDOW} words: nothing to fingerprint`);
if (deckFolder) {
	const out = join(deckFolder, 'source.fingerprint');
	writeFileSync(out, formatFingerprint(hashes));
	console.log(`${out}: ${hashes.length} distinct windows of ${WINDOW} words`);
} else process.stdout.write(formatFingerprint(hashes));
