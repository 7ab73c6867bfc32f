/**
 * Just enough protobuf to read the few small messages of an Anki package: the `meta` entry, the media
 * list, and the note type and template configs of a schema 18 collection. Each is a handful of varint
 * and length-delimited fields, so a reader of the wire format does where a library would not pay its size.
 */

/** One field of a message: a varint's value, or a length-delimited field's bytes. */
export interface ProtoField {
	number: number;
	varint?: number;
	bytes?: Uint8Array;
}

function readVarint(data: Uint8Array, start: number): { value: number; next: number } {
	let value = 0;
	let scale = 1;
	let offset = start;
	for (;;) {
		if (offset >= data.length) throw new Error('a protobuf varint runs past the end of its message');
		const byte = data[offset++] as number;
		// Multiplication rather than shifts: values past 2^31 (ids, sizes) stay exact up to 2^53.
		value += (byte & 0x7f) * scale;
		if (byte < 0x80) return { value, next: offset };
		scale *= 128;
	}
}

/** The fields of a message, in order; fixed 32- and 64-bit fields are skipped (none of ours are read). */
export function protoFields(data: Uint8Array): ProtoField[] {
	const fields: ProtoField[] = [];
	let offset = 0;
	while (offset < data.length) {
		const key = readVarint(data, offset);
		const number = Math.floor(key.value / 8);
		const wireType = key.value % 8;
		offset = key.next;
		if (wireType === 0) {
			const { value, next } = readVarint(data, offset);
			fields.push({ number, varint: value });
			offset = next;
		} else if (wireType === 2) {
			const { value: length, next } = readVarint(data, offset);
			if (next + length > data.length) throw new Error('a protobuf field runs past the end of its message');
			fields.push({ number, bytes: data.subarray(next, next + length) });
			offset = next + length;
		} else if (wireType === 1) offset += 8;
		else if (wireType === 5) offset += 4;
		else throw new Error(`protobuf wire type ${wireType} is not one Anki writes`);
	}
	return fields;
}

const utf8 = new TextDecoder();

/** The text of the message's last field `number` (protobuf's rule for a repeated scalar), or ''. */
export function protoString(fields: ProtoField[], number: number): string {
	const bytes = fields.findLast((field) => field.number === number)?.bytes;
	return bytes ? utf8.decode(bytes) : '';
}

/** The value of the message's last varint field `number`, or undefined. */
export function protoVarint(fields: ProtoField[], number: number): number | undefined {
	return fields.findLast((field) => field.number === number && field.varint !== undefined)?.varint;
}
