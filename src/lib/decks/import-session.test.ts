// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { StudyDatabase } from '$lib/db/db';
import { readUserDeck } from '$lib/db/user-decks';
import { ImportSession } from './import-session.svelte';

const QUIZLET = Array.from({ length: 20 }, (_, i) => `Country ${i + 1}\tCity ${i + 1}`).join('\n');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('ImportSession', () => {
	it('previews Quizlet rows and re-parses when the separators change', () => {
		const session = new ImportSession();
		session.text = 'a - 1; b - 2; c - 3';
		expect(session.format).toBe('quizlet');
		session.termSeparator = ' - ';
		session.rowSeparator = ';';
		expect(session.preview.cards.map((c) => [c.front, c.back])).toEqual([
			['a', '1'],
			['b', '2'],
			['c', '3']
		]);
	});

	it('maps CSV columns as the preview chooses', () => {
		const session = new ImportSession();
		session.text = 'front,back,notes\nq1,a1,why 1\nq2,a2,why 2\n';
		expect(session.format).toBe('csv');
		expect(session.preview.cards[0]).toMatchObject({ front: 'q1', back: 'a1', explanation: 'why 1' });
		session.mapping = { front: 1, back: 0 };
		expect(session.preview.cards[0]).toMatchObject({ front: 'a1', back: 'q1' });
		expect(session.preview.cards[0]!.explanation).toBeUndefined();
	});

	it('shows a file that is not text as a problem, with no card', () => {
		const session = new ImportSession();
		session.readFile('deck.txt', new Uint8Array([0x41, 0, 0x42]));
		expect(session.preview.cards).toEqual([]);
		expect(session.preview.problems[0]!.message).toMatch(/NUL byte/);
		expect(session.canImport).toBe(false);
	});

	it('keeps markup from an Anki HTML note as plain text', () => {
		const session = new ImportSession();
		session.text =
			'#separator:tab\n#html:true\n<b>Front</b> <img src=x onerror=alert(1)>\tBack<script>alert(1)</script>\n';
		expect(session.preview.cards[0]).toMatchObject({ front: 'Front', back: 'Back' });
	});

	it('writes nothing until confirmed, then the deck and every card', async () => {
		const db = new StudyDatabase('import-session');
		const session = new ImportSession();
		session.readFile('Capitals.txt', bytes(QUIZLET));
		expect(session.title).toBe('Capitals');
		expect(await db.userDecks.count()).toBe(0);
		const { deck } = await session.confirm(db, 1000);
		const stored = await readUserDeck(db, deck.id);
		expect(stored?.deck.title).toBe('Capitals');
		expect(stored?.cards.map((c) => c.front)).toEqual(Array.from({ length: 20 }, (_, i) => `Country ${i + 1}`));
	});
});
