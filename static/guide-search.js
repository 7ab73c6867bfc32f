// Filters the study guide's facts as you type. The guide is sent without the app's JavaScript
// (csr = false), so this is a file of its own: without JavaScript the guide is a plain list with its
// contents, and its style leaves out the search box, which could do nothing.
const form = document.querySelector('[data-guide-search]');
const input = form?.querySelector('input');
const status = form?.querySelector('[data-guide-matches]');

// Case and accents ignored, so "uzbek" finds "Uzbekistan" and "kabul" finds "Kābul".
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

if (form && input && status) {
	const sections = [...document.querySelectorAll('[data-guide-section]')].map((section) => ({
		section,
		groups: [...section.querySelectorAll('[data-guide-group]')].map((group) => ({
			group,
			facts: [...group.querySelectorAll('li')].map((item) => ({
				item,
				// The statement and its tags: the paragraph topics beside it would match facts that only share a paragraph.
				text: fold([...item.querySelectorAll('[data-guide-text]')].map((part) => part.textContent).join(' '))
			}))
		}))
	}));

	const show = () => {
		const words = fold(input.value).split(/\s+/).filter(Boolean);
		let matches = 0;
		for (const { section, groups } of sections) {
			let inSection = 0;
			for (const { group, facts } of groups) {
				let inGroup = 0;
				for (const { item, text } of facts) {
					const match = words.every((word) => text.includes(word));
					item.hidden = !match;
					if (match) inGroup++;
				}
				group.hidden = inGroup === 0;
				inSection += inGroup;
			}
			section.hidden = inSection === 0;
			matches += inSection;
		}
		status.textContent =
			words.length === 0 ? '' : matches === 0 ? `No fact matches “${input.value.trim()}”.` : `${matches} ${matches === 1 ? 'fact matches' : 'facts match'}.`;
	};

	form.addEventListener('submit', (event) => event.preventDefault());
	input.addEventListener('input', show);
	// A value the browser restored (back button) is applied at once.
	if (input.value) show();
}
