/** Why a package is refused as a whole; the message is for the user, and says what to do where there is something to do. */
export class AnkiPackageError extends Error {
	override name = 'AnkiPackageError';
}
