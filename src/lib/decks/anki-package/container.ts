/**
 * The zip around an Anki collection: which collection file is the real one, and the media list.
 * Anki's exporters (rslib/src/import_export/package) write
 * - `collection.anki2` alone (schema 11, Anki before 2.1.28 and "legacy" exports);
 * - `collection.anki21` and a dummy `collection.anki2` (Anki 2.1.28–2.1.49);
 * - `meta` (PackageMetadata, version 3) and `collection.anki21b`, zstd-compressed, with a dummy
 *   `collection.anki2` whose one note asks to update Anki (Anki 2.1.50 and later).
 * The newest collection present is the real one; `meta`, when there, names it.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { decompress } from 'fzstd';
import { AnkiPackageError } from './errors';
import { protoFields, protoString, protoVarint } from './protobuf';

/** Largest package read, in bytes: a phone's memory holds the zip, the collection and the media at once. */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;
/** Largest total once unzipped: a zip that claims more is refused before anything is inflated (a "zip bomb"). */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

export const COLLECTION_FILES = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;
export type CollectionFile = (typeof COLLECTION_FILES)[number];
/** PackageMetadata.Version of each collection file. */
const VERSION_FILES: Record<number, CollectionFile> = {
	1: 'collection.anki2',
	2: 'collection.anki21',
	3: 'collection.anki21b'
};

export interface PackageContents {
	collectionFile: CollectionFile;
	/** The SQLite database, decompressed. */
	collection: Uint8Array;
	/** Media by file name, decompressed; a name the list gives but the zip lacks is in `absentMedia`. */
	media: Map<string, Uint8Array>;
	absentMedia: string[];
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END = 0x06054b50;

/**
 * True when an entry of the zip's central directory has the "encrypted" flag: fflate cannot read
 * those, and would fail with a message about compression that says nothing useful.
 */
function hasEncryptedEntry(zip: Uint8Array): boolean {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	// The end record is in the last 22 bytes plus up to 64 KB of comment.
	for (let end = zip.length - 22; end >= Math.max(0, zip.length - 22 - 65_535); end--) {
		if (view.getUint32(end, true) !== ZIP_END) continue;
		const entries = view.getUint16(end + 10, true);
		let offset = view.getUint32(end + 16, true);
		for (let i = 0; i < entries && offset + 46 <= zip.length; i++) {
			if (view.getUint32(offset, true) !== ZIP_CENTRAL_HEADER) return false;
			if (view.getUint16(offset + 8, true) & 1) return true;
			offset +=
				46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
		}
		return false;
	}
	return false;
}

/** Refuses a package over MAX_PACKAGE_BYTES; the worker asks before reading the file into memory. */
export function refuseOversized(size: number): void {
	if (size > MAX_PACKAGE_BYTES)
		throw new AnkiPackageError(
			`this package is ${megabytes(size)}, over the limit of ${megabytes(MAX_PACKAGE_BYTES)}: export fewer decks at a time, or without media`
		);
}

function unzip(zip: Uint8Array): Unzipped {
	refuseOversized(zip.length);
	if (zip.length < 4 || new DataView(zip.buffer, zip.byteOffset, 4).getUint32(0, true) !== ZIP_LOCAL_HEADER)
		throw new AnkiPackageError(
			'this file is not an Anki package: an .apkg or .colpkg file is a zip archive, and this one is not'
		);
	if (hasEncryptedEntry(zip))
		throw new AnkiPackageError(
			'this package is password-protected (an encrypted zip): Anki never writes those; export it again from Anki'
		);
	let claimed = 0;
	try {
		return unzipSync(zip, {
			filter: (file) => {
				claimed += file.originalSize;
				if (claimed > MAX_UNZIPPED_BYTES)
					throw new AnkiPackageError(
						`this package unpacks to more than ${megabytes(MAX_UNZIPPED_BYTES)}: export fewer decks at a time, or without media`
					);
				return true;
			}
		});
	} catch (error) {
		if (error instanceof AnkiPackageError) throw error;
		throw new AnkiPackageError(
			`this package is a damaged zip archive (${(error as Error).message}): export it again from Anki`
		);
	}
}

/** Zstd-compressed bytes decompressed; `what` names them in the message when they are damaged. */
function unzstd(bytes: Uint8Array, what: string): Uint8Array {
	try {
		return decompress(bytes);
	} catch (error) {
		throw new AnkiPackageError(`${what} is damaged: its zstd compression cannot be read (${(error as Error).message})`);
	}
}

/** A media file decompressed, or undefined when damaged: a damaged image is left out, not the package. */
function tryUnzstd(bytes: Uint8Array): Uint8Array | undefined {
	try {
		return decompress(bytes);
	} catch {
		return undefined;
	}
}

function packageVersion(files: Unzipped): number | undefined {
	const meta = files['meta'];
	if (!meta) return undefined;
	try {
		return protoVarint(protoFields(meta), 1) ?? 0;
	} catch {
		throw new AnkiPackageError('this package\'s "meta" entry is damaged: export it again from Anki');
	}
}

function chooseCollection(files: Unzipped, version: number | undefined): CollectionFile {
	const present = COLLECTION_FILES.filter((name) => files[name] !== undefined);
	if (version === undefined) {
		const newest = present[0];
		if (newest) return newest;
		throw new AnkiPackageError(
			`this zip holds no Anki collection (none of ${COLLECTION_FILES.join(', ')}): it is not an Anki package`
		);
	}
	const named = VERSION_FILES[version];
	if (!named)
		throw new AnkiPackageError(
			`this package is of format version ${version}, which this app does not know (it reads versions 1 to 3): a newer Anki may have written it; export it with "Support older Anki versions" ticked`
		);
	if (!present.includes(named))
		throw new AnkiPackageError(
			`this package's "meta" names ${named}, which is not in the zip: the package is incomplete; export it again`
		);
	return named;
}

/** The legacy media list: JSON `{"0": "name.jpg", …}`, zip entry name to file name. */
function legacyMediaList(bytes: Uint8Array): [string, string][] {
	const list: unknown = JSON.parse(new TextDecoder().decode(bytes));
	if (typeof list !== 'object' || list === null || Array.isArray(list)) throw new Error('not a JSON object');
	return Object.entries(list).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** The current media list: zstd-compressed MediaEntries; entry i is zip entry "i" unless it says otherwise. */
function mediaEntries(bytes: Uint8Array): [string, string][] {
	return protoFields(unzstd(bytes, 'the media list'))
		.filter((field) => field.number === 1 && field.bytes)
		.map((field, index) => {
			const entry = protoFields(field.bytes as Uint8Array);
			return [String(protoVarint(entry, 255) ?? index), protoString(entry, 1)];
		});
}

/** The package's real collection and its media, or an AnkiPackageError saying why it cannot be read. */
export function openPackage(zip: Uint8Array): PackageContents {
	const files = unzip(zip);
	const version = packageVersion(files);
	const collectionFile = chooseCollection(files, version);
	const compressed = collectionFile === 'collection.anki21b';
	const stored = files[collectionFile] as Uint8Array;
	const collection = compressed ? unzstd(stored, 'the collection') : stored;

	const media = new Map<string, Uint8Array>();
	const absentMedia: string[] = [];
	const list = files['media'];
	if (list && list.length > 0) {
		let entries: [string, string][];
		try {
			entries = compressed ? mediaEntries(list) : legacyMediaList(list);
		} catch (error) {
			if (error instanceof AnkiPackageError) throw error;
			throw new AnkiPackageError(
				`this package's media list is damaged (${(error as Error).message}): export it again from Anki`
			);
		}
		for (const [entry, name] of entries) {
			const bytes = files[entry];
			const contents = bytes && compressed ? tryUnzstd(bytes) : bytes;
			if (contents) media.set(name, contents);
			else absentMedia.push(name);
		}
	}
	return { collectionFile, collection, media, absentMedia };
}
