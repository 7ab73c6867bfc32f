/** `npm run validate`: checks the question bank and prints every problem. */
import { describeProblems, loadDecks } from './load';

const { decks, problems } = loadDecks(process.argv[2] ?? 'questions');
if (problems.length > 0) {
	console.error(describeProblems(problems));
	process.exit(1);
}
for (const deck of decks) {
	const questions = deck.facts.reduce((n, f) => n + f.questions.length, 0);
	console.log(`${deck.id}: ${deck.facts.length} facts, ${questions} questions — valid`);
}
