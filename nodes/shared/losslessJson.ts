/**
 * A lossless JSON reader over the raw request bytes.
 *
 * `JSON.parse` loses three things the signature schemes in this package depend on: the received key order (a JS
 * object moves integer-like keys to the front), the literal text of numbers (`1000.50`, `1e2`, big integers) and
 * the position of each member in the text. This reader keeps all three. It is strict RFC 8259 JSON, rejects invalid
 * UTF-8 and a byte-order mark, and limits nesting to 512 levels (PHP's `json_decode` default).
 */

export type JsonNode =
	| { type: 'object'; members: JsonMember[] }
	| { type: 'array'; items: JsonNode[] }
	| { type: 'string'; value: string }
	| { type: 'number'; raw: string }
	| { type: 'boolean'; value: boolean }
	| { type: 'null' };

export type JsonObjectNode = Extract<JsonNode, { type: 'object' }>;

export interface JsonMember {
	key: string;
	value: JsonNode;
	/** Offset (in UTF-16 code units of the decoded text) of the member's key quote. */
	start: number;
	/** Offset just after the member's value. */
	end: number;
}

export interface ParsedJson {
	text: string;
	root: JsonNode;
}

export const MAX_JSON_DEPTH = 512;

/** A body that is not in the expected format (bad JSON, or JSON the provider could not have produced). */
export class JsonFormatError extends Error {
	constructor(message: string) {
		super(`n8n-nodes-crypto-webhooks: ${message}`);
		this.name = 'JsonFormatError';
	}
}

export class JsonSyntaxError extends JsonFormatError {
	constructor(
		message: string,
		readonly offset: number,
	) {
		super(`${message} at offset ${offset}`);
		this.name = 'JsonSyntaxError';
	}
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const SIMPLE_ESCAPES: Record<string, string> = {
	'"': '"',
	'\\': '\\',
	'/': '/',
	b: '\b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t',
};

/** Decodes bytes as strict UTF-8; throws `JsonSyntaxError` on invalid sequences. */
export function decodeUtf8(bytes: Uint8Array): string {
	const text = tryDecodeUtf8(bytes);
	if (text === undefined) throw new JsonSyntaxError('invalid UTF-8', 0);
	return text;
}

/** Strict UTF-8 decoding; `undefined` on invalid sequences. */
export function tryDecodeUtf8(bytes: Uint8Array): string | undefined {
	try {
		return utf8.decode(bytes);
	} catch {
		return undefined;
	}
}

/** Parses raw bytes (or already decoded text) into a lossless tree. Throws `JsonSyntaxError`. */
export function parseJsonLossless(input: Uint8Array | string): ParsedJson {
	const text = typeof input === 'string' ? input : decodeUtf8(input);
	const reader = new Reader(text);
	reader.skipWhitespace();
	const root = reader.value(0);
	reader.skipWhitespace();
	if (reader.pos !== text.length) throw new JsonSyntaxError('unexpected data after JSON value', reader.pos);
	return { text, root };
}

/** Like `parseJsonLossless`, but returns `undefined` instead of throwing. */
export function tryParseJsonLossless(input: Uint8Array | string): ParsedJson | undefined {
	const result = attempt(() => parseJsonLossless(input));
	return result instanceof JsonFormatError ? undefined : result;
}

/**
 * Runs `fn` and returns its result, or the `JsonFormatError` it threw (any other error is a bug and propagates).
 * Lets pure callers turn expected format failures into reason codes.
 */
export function attempt<T>(fn: () => T): T | JsonFormatError {
	let unexpected: unknown;
	try {
		return fn();
	} catch (error) {
		if (error instanceof JsonFormatError) return error;
		unexpected = error;
	}
	throw unexpected;
}

class Reader {
	pos = 0;

	constructor(private readonly text: string) {}

	skipWhitespace(): void {
		const { text } = this;
		while (this.pos < text.length) {
			const c = text.charCodeAt(this.pos);
			if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
			this.pos++;
		}
	}

	value(depth: number): JsonNode {
		const c = this.text[this.pos];
		switch (c) {
			case '{':
				return this.object(depth + 1);
			case '[':
				return this.array(depth + 1);
			case '"':
				return { type: 'string', value: this.string() };
			case 't':
				return this.literal('true', { type: 'boolean', value: true });
			case 'f':
				return this.literal('false', { type: 'boolean', value: false });
			case 'n':
				return this.literal('null', { type: 'null' });
			default:
				return this.number();
		}
	}

	private checkDepth(depth: number): void {
		if (depth > MAX_JSON_DEPTH) throw new JsonSyntaxError('nesting too deep', this.pos);
	}

	private object(depth: number): JsonNode {
		this.checkDepth(depth);
		this.pos++;
		const members: JsonMember[] = [];
		this.skipWhitespace();
		if (this.text[this.pos] === '}') {
			this.pos++;
			return { type: 'object', members };
		}
		for (;;) {
			this.skipWhitespace();
			if (this.text[this.pos] !== '"') throw new JsonSyntaxError('expected a string key', this.pos);
			const start = this.pos;
			const key = this.string();
			this.skipWhitespace();
			if (this.text[this.pos] !== ':') throw new JsonSyntaxError("expected ':'", this.pos);
			this.pos++;
			this.skipWhitespace();
			const value = this.value(depth);
			members.push({ key, value, start, end: this.pos });
			this.skipWhitespace();
			const next = this.text[this.pos++];
			if (next === '}') return { type: 'object', members };
			if (next !== ',') throw new JsonSyntaxError("expected ',' or '}'", this.pos - 1);
		}
	}

	private array(depth: number): JsonNode {
		this.checkDepth(depth);
		this.pos++;
		const items: JsonNode[] = [];
		this.skipWhitespace();
		if (this.text[this.pos] === ']') {
			this.pos++;
			return { type: 'array', items };
		}
		for (;;) {
			this.skipWhitespace();
			items.push(this.value(depth));
			this.skipWhitespace();
			const next = this.text[this.pos++];
			if (next === ']') return { type: 'array', items };
			if (next !== ',') throw new JsonSyntaxError("expected ',' or ']'", this.pos - 1);
		}
	}

	private string(): string {
		const { text } = this;
		this.pos++; // opening quote
		let out = '';
		let chunkStart = this.pos;
		while (this.pos < text.length) {
			const c = text.charCodeAt(this.pos);
			if (c === 0x22) {
				out += text.slice(chunkStart, this.pos);
				this.pos++;
				return out;
			}
			if (c < 0x20) throw new JsonSyntaxError('control character in string', this.pos);
			if (c !== 0x5c) {
				this.pos++;
				continue;
			}
			out += text.slice(chunkStart, this.pos);
			const e = text[this.pos + 1];
			if (e === 'u') {
				const hex = text.slice(this.pos + 2, this.pos + 6);
				if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad \\u escape', this.pos);
				out += String.fromCharCode(parseInt(hex, 16));
				this.pos += 6;
			} else if (e !== undefined && e in SIMPLE_ESCAPES) {
				out += SIMPLE_ESCAPES[e];
				this.pos += 2;
			} else {
				throw new JsonSyntaxError('bad escape', this.pos);
			}
			chunkStart = this.pos;
		}
		throw new JsonSyntaxError('unterminated string', this.pos);
	}

	private literal(word: string, node: JsonNode): JsonNode {
		if (!this.text.startsWith(word, this.pos)) throw new JsonSyntaxError('unexpected token', this.pos);
		this.pos += word.length;
		return node;
	}

	private number(): JsonNode {
		NUMBER.lastIndex = this.pos;
		const match = NUMBER.exec(this.text);
		if (!match) throw new JsonSyntaxError('unexpected token', this.pos);
		this.pos += match[0].length;
		return { type: 'number', raw: match[0] };
	}
}

/**
 * An object's members as `JSON.parse` (and PHP's `json_decode`) keep them: one per key, at the key's first position,
 * with its last value.
 */
export function lastValuePerKey(members: JsonMember[]): Array<{ key: string; value: JsonNode }> {
	if (!hasRepeatedKey(members)) return members;
	const byKey = new Map<string, { key: string; value: JsonNode }>();
	for (const { key, value } of members) {
		const existing = byKey.get(key);
		if (existing) existing.value = value;
		else byKey.set(key, { key, value });
	}
	return [...byKey.values()];
}

/** Whether a key occurs twice (rare: a quick check spares the common case the Map above). */
function hasRepeatedKey(members: JsonMember[]): boolean {
	if (members.length < 2) return false;
	if (members.length <= 8) {
		for (let i = 1; i < members.length; i++) for (let j = 0; j < i; j++) if (members[i].key === members[j].key) return true;
		return false;
	}
	const seen = new Set<string>();
	for (const { key } of members) {
		if (seen.has(key)) return true;
		seen.add(key);
	}
	return false;
}

/** The value of `key` in an object node (the last one, as `JSON.parse` and PHP do), or `undefined`. */
export function getMember(node: JsonNode | undefined, key: string): JsonNode | undefined {
	if (node?.type !== 'object') return undefined;
	let found: JsonNode | undefined;
	for (const member of node.members) if (member.key === key) found = member.value;
	return found;
}

/** The text of a scalar member: strings as decoded, numbers as their literal text, booleans as `true`/`false`. */
export function scalarText(node: JsonNode | undefined): string | undefined {
	switch (node?.type) {
		case 'string':
			return node.value;
		case 'number':
			return node.raw;
		case 'boolean':
			return String(node.value);
		default:
			return undefined;
	}
}

/** Follows a path of object keys and returns the scalar text there (see `scalarText`). */
export function textAt(root: JsonNode | undefined, ...path: string[]): string | undefined {
	let node = root;
	for (const key of path) node = getMember(node, key);
	return scalarText(node);
}

export type PlainJson = string | number | boolean | null | PlainJson[] | { [key: string]: PlainJson };

/**
 * Converts a lossless tree to plain JS values. A number becomes a JS number only when that number prints back to
 * exactly the text that was sent (`0.05`, `42`); otherwise (`1000.50`, `1e2`, integers beyond 2^53) it is kept as
 * its literal text, so no digit the provider sent is lost.
 */
export function toPlain(node: JsonNode): PlainJson {
	switch (node.type) {
		case 'object': {
			const out: { [key: string]: PlainJson } = {};
			for (const { key, value } of node.members) {
				// `__proto__` would set the prototype: defined as an own property instead (the others are plain data keys)
				if (key === '__proto__') {
					Object.defineProperty(out, key, { value: toPlain(value), enumerable: true, writable: true, configurable: true });
				} else {
					out[key] = toPlain(value);
				}
			}
			return out;
		}
		case 'array':
			return node.items.map(toPlain);
		case 'string':
			return node.value;
		case 'number': {
			const n = Number(node.raw);
			return String(n) === node.raw ? n : node.raw;
		}
		case 'boolean':
			return node.value;
		case 'null':
			return null;
	}
}
