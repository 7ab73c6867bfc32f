/**
 * `npm run validate [-- <path>…]`: checks each path given, `questions` when none is.
 * - A folder: the question bank's root (a folder of deck folders) or one deck's folder (it holds
 *   deck.yaml); every problem and every lint warning is printed.
 * - A file: a deck file as the app's Import reads it (a deck exported with "Export as YAML" as it was
 *   downloaded, or a facts file), every problem with its line and card.
 * Exits 1 on a problem; lint warnings alone leave it at 0, since they do not stop the build. It lives in
 * decks, above content, because a deck file is read by the importer; its imports are relative, as tsx
 * knows no SvelteKit alias in a fresh clone.
 */
import { readFileSync, statSync } from 'node:fs';
import { describeProblems, describeWarnings, loadDecks } from '../content/load';
import { checkDeckFile } from './deck-file-check';

function validateBank(root: string): boolean {
	const { decks, problems, warnings } = loadDecks(root);
	if (warnings.length > 0) console.warn(describeWarnings(warnings));
	if (problems.length > 0) {
		console.error(describeProblems(problems));
		return false;
	}
	for (const deck of decks) {
		const questions = deck.facts.reduce((n, f) => n + f.questions.length, 0);
		console.log(`${deck.id}: ${deck.facts.length} facts, ${questions} questions — valid`);
	}
	return true;
}

function validateFile(path: string): boolean {
	const { problems, summary } = checkDeckFile(path, readFileSync(path));
	if (problems.length > 0) {
		console.error(`${problems.length} problem(s) in ${path}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
		return false;
	}
	console.log(summary);
	return true;
}

function validate(path: string): boolean {
	let isFolder: boolean;
	try {
		isFolder = statSync(path).isDirectory();
	} catch {
		console.error(`${path} › no such file or folder`);
		return false;
	}
	return isFolder ? validateBank(path) : validateFile(path);
}

const paths = process.argv.slice(2);
// Every path is checked, so one run reports all of them.
const valid = (paths.length > 0 ? paths : ['questions']).map(validate);
if (valid.includes(false)) process.exit(1);
