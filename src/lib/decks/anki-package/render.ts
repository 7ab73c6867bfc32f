/**
 * An Anki card's front and back, rendered from its note type's templates as Anki does for the subset
 * of the template language that carries the content: {{Field}}, {{FrontSide}}, {{type:Field}},
 * {{cloze:Text}}, the `text:` and `hint:` filters, and sections {{#Field}}…{{/Field}} and
 * {{^Field}}…{{/Field}}. That covers Basic, Basic (and reversed card), Basic (optional reversed card),
 * Basic (type in the answer) and Cloze, under any name or language, and most note types people make.
 * A note type whose templates use anything else (other filters such as furigana or tts, a field that
 * does not exist) is rendered from its fields instead: the first as the front, the others as the back.
 * Templates are never run: scripts and CSS in them are dropped with the rest of the markup.
 */
import { expandCloze, type ClozeSides } from '../import/cloze';
import { htmlToPlainText } from '../import/html-text';
import type { ClozeBlank } from '../import/result';
import type { AnkiNoteType } from './collection';

export interface RenderedCard {
	front: string;
	back: string;
	/** The answer a typed question expects, for a {{type:Field}} template: plain text. */
	typeAnswer?: string;
	cloze?: ClozeBlank;
}

export type RenderFailure = { problem: string };

const TAG = /\{\{\s*([#^/]?)\s*([^}]*?)\s*\}\}/g;
const SIMPLE_FILTERS = new Set(['type', 'cloze', 'text', 'hint']);
// Anki's answer templates repeat the question and mark where the answer starts with this rule.
const ANSWER_MARKER = /<hr[^>]*\bid\s*=\s*["']?answer\b["']?[^>]*>/i;

/** The first tag of the note type's templates that the renderer does not handle, or undefined. */
export function unsupportedTag(noteType: AnkiNoteType): string | undefined {
	const fields = new Set(noteType.fields);
	for (const template of noteType.templates)
		for (const side of [template.qfmt, template.afmt])
			for (const [tag, , name = ''] of side.matchAll(TAG)) {
				if (name === 'FrontSide') continue;
				const parts = name.split(':');
				const field = parts.at(-1) as string;
				const filters = parts.slice(0, -1);
				if (!fields.has(field) || filters.some((filter) => !SIMPLE_FILTERS.has(filter))) return tag;
			}
	return undefined;
}

/** Anki counts a field holding only markup without text, such as `<br>`, as empty; an image is not empty. */
const isFieldEmpty = (value: string) => htmlToPlainText(value) === '' && !/<img\b/i.test(value);

interface Side {
	fields: Map<string, string>;
	question: boolean;
	/** This card's cloze sides, when the note type is a cloze one. */
	cloze?: ClozeSides;
	typeAnswer?: string;
}

function replaceTag(name: string, side: Side): string {
	if (name === 'FrontSide') return '';
	const parts = name.split(':');
	const value = side.fields.get(parts.at(-1) as string) ?? '';
	const filters = parts.slice(0, -1);
	if (filters[0] === 'type') {
		const answer = filters[1] === 'cloze' ? (side.cloze?.cloze.answers.join(', ') ?? '') : htmlToPlainText(value);
		if (side.question) {
			side.typeAnswer = answer;
			return '';
		}
		return filters[1] === 'cloze' ? '' : value;
	}
	if (filters.includes('cloze')) return side.cloze ? (side.question ? side.cloze.front : side.cloze.back) : '';
	if (filters.includes('text')) return htmlToPlainText(value);
	return value;
}

function renderTemplate(template: string, side: Side): string {
	let output = '';
	let last = 0;
	// Open sections, innermost last; text is written only while every one of them is shown.
	const sections: { name: string; shown: boolean }[] = [];
	const shown = () => sections.every((section) => section.shown);
	for (const match of template.matchAll(TAG)) {
		const [tag, kind, name = ''] = match;
		if (shown()) output += template.slice(last, match.index);
		last = match.index + tag.length;
		if (kind === '#' || kind === '^') {
			const empty = isFieldEmpty(side.fields.get(name) ?? '');
			sections.push({ name, shown: kind === '#' ? !empty : empty });
		} else if (kind === '/') {
			const open = sections.findLastIndex((section) => section.name === name);
			if (open !== -1) sections.splice(open);
		} else if (shown()) output += replaceTag(name, side);
	}
	if (shown()) output += template.slice(last);
	return output;
}

/** The card's sides from the templates, or why the card cannot be made. */
export function renderFromTemplates(
	noteType: AnkiNoteType,
	values: string[],
	ord: number
): RenderedCard | RenderFailure {
	const fields = new Map(noteType.fields.map((name, i) => [name, values[i] ?? '']));
	let cloze: ClozeSides | undefined;
	let template = noteType.templates[ord];
	if (noteType.cloze) {
		template = noteType.templates[0];
		const clozeProblems: { line: number; message: string }[] = [];
		const clozeFields = (template?.qfmt.match(/\{\{[^}]*cloze:([^}]+?)\s*\}\}/g) ?? []).map((tag) =>
			tag.replace(/^\{\{[^}]*cloze:|\s*\}\}$/g, '')
		);
		for (const name of clozeFields) {
			cloze = expandCloze(fields.get(name) ?? '', 0, true, clozeProblems).find(
				(sides) => sides.cloze.number === ord + 1
			);
			if (cloze) break;
		}
		if (!cloze)
			return {
				problem:
					clozeProblems[0]?.message ??
					`it has no cloze deletion c${ord + 1}, though the package has a card for it: left out`
			};
	}
	if (!template)
		return { problem: `its note type "${noteType.name}" has no template ${ord + 1}: this card is left out` };
	const question: Side = { fields, question: true, ...(cloze && { cloze }) };
	const front = renderTemplate(template.qfmt, question);
	const answer = renderTemplate(template.afmt, { fields, question: false, ...(cloze && { cloze }) });
	const marker = answer.search(ANSWER_MARKER);
	const back = marker === -1 ? answer : answer.slice(marker).replace(ANSWER_MARKER, '');
	return {
		front,
		back,
		...(question.typeAnswer !== undefined && { typeAnswer: question.typeAnswer }),
		...(cloze && { cloze: cloze.cloze })
	};
}

/** The card of a note type the templates cannot render: the first field as the front, the others as the back. */
export function renderFromFields(values: string[]): RenderedCard {
	const [front = '', ...others] = values;
	return { front, back: others.filter((value) => !isFieldEmpty(value)).join('<br>') };
}
