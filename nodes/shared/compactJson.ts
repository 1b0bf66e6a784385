import { lastValuePerKey, type JsonNode } from './losslessJson';

/**
 * The compact JSON printer both re-encoders (`jsJson.ts`, `phpJson.ts`) are made of; a dialect says what differs:
 * which code units are escaped, what an unpaired surrogate becomes, and how an object prints (PHP lists).
 * Strings are printed in one pass over their code units, copying the runs that need no escape as slices.
 */
export interface CompactJsonDialect {
	/** `true` at index `c` when code unit `c` is escaped (units past the end never are; surrogates aside). */
	escaped: Uint8Array;
	/** The escape of an unpaired UTF-16 surrogate, or a throw when the dialect cannot have produced one. */
	loneSurrogate(unit: string): string;
	/** The text of an object with these members (one per key) when the dialect prints it otherwise, else undefined. */
	object?(members: ReadonlyArray<{ key: string; value: JsonNode }>, encode: (node: JsonNode) => string): string | undefined;
}

const SHORT_ESCAPES: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'/': '\\/',
	'\b': '\\b',
	'\f': '\\f',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
};

/** `\uXXXX` (lowercase hex), or the short escape a code unit has. */
export function escapeUnit(unit: string): string {
	return SHORT_ESCAPES[unit] ?? `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The escape table of a dialect: control characters, `"` and `\`, plus `extra` code units. */
export function escapeTable(extra: number[]): Uint8Array {
	const table = new Uint8Array(Math.max(0x60, ...extra) + 1);
	for (let c = 0; c < 0x20; c++) table[c] = 1;
	for (const c of [0x22, 0x5c, ...extra]) table[c] = 1;
	return table;
}

/** A string literal in the dialect. */
export function encodeCompactString(value: string, dialect: CompactJsonDialect): string {
	const { escaped } = dialect;
	let out = '"';
	let runStart = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		let escape: string;
		if (c >= 0xd800 && c <= 0xdfff) {
			const next = value.charCodeAt(i + 1);
			if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
				i++; // a valid pair stays raw
				continue;
			}
			escape = dialect.loneSurrogate(value[i]);
		} else if (c < escaped.length && escaped[c] === 1) {
			escape = escapeUnit(value[i]);
		} else {
			continue;
		}
		out += value.slice(runStart, i) + escape;
		runStart = i + 1;
	}
	return `${out}${value.slice(runStart)}"`;
}

/** Prints a lossless tree compactly in the dialect: one member per key (first position, last value), literals as sent. */
export function encodeCompactJson(node: JsonNode, dialect: CompactJsonDialect): string {
	const encode = (child: JsonNode): string => encodeCompactJson(child, dialect);
	switch (node.type) {
		case 'object': {
			const members = lastValuePerKey(node.members);
			const special = dialect.object?.(members, encode);
			if (special !== undefined) return special;
			let out = '';
			for (let i = 0; i < members.length; i++) {
				out += `${i === 0 ? '' : ','}${encodeCompactString(members[i].key, dialect)}:${encode(members[i].value)}`;
			}
			return `{${out}}`;
		}
		case 'array': {
			let out = '';
			for (let i = 0; i < node.items.length; i++) out += (i === 0 ? '' : ',') + encode(node.items[i]);
			return `[${out}]`;
		}
		case 'string':
			return encodeCompactString(node.value, dialect);
		case 'number':
			return node.raw;
		case 'boolean':
			return node.value ? 'true' : 'false';
		case 'null':
			return 'null';
	}
}
