import { describe, expect, test } from 'vitest';
import type { AnkiNoteType } from './collection';
import { STOCK } from './fixture-writer';
import { renderFromTemplates, unsupportedTag } from './render';

const noteType = (qfmt: string, afmt: string, fields = ['Front', 'Back', 'Hint']): AnkiNoteType => ({
	id: 1,
	name: 'Mine',
	cloze: false,
	fields,
	templates: [{ name: 'Card 1', qfmt, afmt }]
});

describe('renderFromTemplates', () => {
	test('shows a section only when its field has text, and an inverted one only when it has none', () => {
		const type = noteType('{{Front}}{{#Hint}} ({{Hint}}){{/Hint}}{{^Hint}} (no hint){{/Hint}}', '{{Back}}');
		expect(renderFromTemplates(type, ['sol', 'sun', 'star'], 0)).toMatchObject({ front: 'sol (star)' });
		expect(renderFromTemplates(type, ['sol', 'sun', '<br>'], 0)).toMatchObject({ front: 'sol (no hint)' });
	});

	test('takes the back after the answer rule, and a typed answer from {{type:…}}', () => {
		expect(renderFromTemplates({ cloze: false, ...STOCK.typeIn }, ['Capital?', '<b>Madrid</b>'], 0)).toEqual({
			front: 'Capital?\n\n',
			back: '\n\n<b>Madrid</b>',
			typeAnswer: 'Madrid'
		});
	});

	test('a typed cloze asks for the blanks of its number', () => {
		const typedCloze = {
			...STOCK.cloze,
			templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}{{type:cloze:Text}}', afmt: '{{cloze:Text}}' }]
		};
		expect(renderFromTemplates(typedCloze, ['{{c1::uno}} y {{c1::dos}}, {{c2::tres}}', ''], 0)).toMatchObject({
			front: '[…] y […], tres',
			typeAnswer: 'uno, dos',
			cloze: { number: 1, answers: ['uno', 'dos'] }
		});
	});

	test('the text: filter gives the field without its markup', () => {
		expect(renderFromTemplates(noteType('{{text:Front}}', '{{Back}}'), ['<i>gato</i>', 'cat', ''], 0)).toMatchObject({
			front: 'gato'
		});
	});
});

describe('unsupportedTag', () => {
	test('accepts the stock note types', () => {
		for (const stock of Object.values(STOCK)) expect(unsupportedTag({ cloze: false, ...stock })).toBeUndefined();
	});

	test('names a filter it does not render, or a field the note type lacks', () => {
		expect(unsupportedTag(noteType('{{tts en_US:Front}}', '{{Back}}'))).toBe('{{tts en_US:Front}}');
		expect(unsupportedTag(noteType('{{Front}}', '{{Extra}}'))).toBe('{{Extra}}');
	});
});
