/** The synthetic deck of the bench: many facts, each with one card and two questions. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const factId = (i: number) => `f-${String(i).padStart(5, '0')}`;

/** Writes `<bank>/<deckId>/deck.yaml` and `facts.yaml`, replacing whatever `bank` held. */
export function writeDeck(bank: string, deckId: string, count: number) {
	const dir = join(bank, deckId);
	rmSync(bank, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'deck.yaml'),
		stringify({
			id: deckId,
			title: 'Bench deck',
			description: 'Twenty thousand synthetic facts for the performance bench.',
			source: {
				title: 'Synthetic source',
				publisher: 'Steppe Cards bench',
				publisherShort: 'Bench',
				keywords: ['bench'],
				paragraphs: [1, 2, 3, 4, 5].map((n) => ({ n, topic: `Synthetic paragraph ${n}` }))
			}
		})
	);
	const facts = Array.from({ length: count }, (_, i) => ({
		id: factId(i),
		statement: `Synthetic fact number ${i} states something worth remembering.`,
		paragraphs: [(i % 5) + 1],
		countries: ['regional'],
		themes: ['history'],
		cards: [{ front: `What does synthetic fact ${i} say?`, back: `Answer number ${i}.` }],
		questions: [
			{
				id: 'true-or-false',
				type: 'true-false',
				prompt: `Synthetic fact ${i} is about the number ${i}.`,
				answer: true,
				explanation: `It is: fact ${i} carries the number ${i}.`
			},
			{
				id: 'which',
				type: 'multiple-choice',
				prompt: `Which number does synthetic fact ${i} carry?`,
				options: [String(i), String(i + 1), String(i + 2)],
				answer: String(i),
				explanation: `Fact ${i} carries ${i}.`
			}
		]
	}));
	// JSON is YAML, and much faster to write and read for 20,000 facts.
	writeFileSync(join(dir, 'facts.yaml'), JSON.stringify({ facts }));
}
