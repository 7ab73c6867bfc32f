// `npm test`: type check, unit tests, build, browser tests (Chromium, then Firefox and WebKit); then one summed line
// `N passed, N failed` over all of them. Every step runs even when an earlier one
// fails, so a single run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-results/summary';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** @param {string} command @param {Record<string, string>} env */
const run = (command, env = {}) =>
	spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

let passed = 0;
let failed = 0;
/** @param {boolean} ok */
const count = (ok) => (ok ? passed++ : failed++);

// Lint, the type check and the build are counted as one check each: a broken one must fail the run.
count(run('npm run lint'));
count(run('npm run check'));

run(`npx vitest run --reporter=default --reporter=json --outputFile=${out}/vitest.json`);
if (existsSync(`${out}/vitest.json`)) {
	const report = JSON.parse(readFileSync(`${out}/vitest.json`, 'utf8'));
	passed += report.numPassedTests;
	failed +=
		report.numFailedTests + (report.numTotalTestSuites > 0 && !report.success && report.numFailedTests === 0 ? 1 : 0);
} else failed++;

const built = run('npm run build');
count(built);
if (built) {
	run('npx playwright test', { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` });
	if (existsSync(`${out}/playwright.json`)) {
		const { stats, errors = [] } = JSON.parse(readFileSync(`${out}/playwright.json`, 'utf8'));
		passed += stats.expected + stats.flaky;
		// A run that could not start (its web server, say) has errors and no test: each error is a failure.
		failed += stats.unexpected + (stats.skipped > 0 ? stats.skipped : 0) + errors.length;
	} else failed++;
	// The same app in Firefox ESR and WebKitGTK, each check counted (tests/engines).
	for (const engine of ['firefox', 'webkit']) {
		run(`node tests/engines/run.js ${engine}`);
		const file = `${out}/engine-${engine}.json`;
		if (existsSync(file)) {
			const summary = JSON.parse(readFileSync(file, 'utf8'));
			passed += summary.passed;
			failed += summary.failed;
		} else failed++;
	}
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
