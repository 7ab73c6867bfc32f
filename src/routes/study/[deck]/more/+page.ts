// The deck's custom study, as its study page loads the deck (prerendered for bundled decks, from the app shell for a user's).
export { entries, load } from '../+page';
