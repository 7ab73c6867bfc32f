/**
 * `npm run validate`: checks the question bank and prints every problem and every lint warning.
 * Exits 1 on a problem; warnings alone leave it at 0, since they do not stop the build.
 */
import { describeProblems, describeWarnings, loadDecks } from './load';

const { decks, problems, warnings } = loadDecks(process.argv[2] ?? 'questions');
if (warnings.length > 0) console.warn(describeWarnings(warnings));
if (problems.length > 0) {
	console.error(describeProblems(problems));
	process.exit(1);
}
for (const deck of decks) {
	const questions = deck.facts.reduce((n, f) => n + f.questions.length, 0);
	console.log(`${deck.id}: ${deck.facts.length} facts, ${questions} questions — valid`);
}
