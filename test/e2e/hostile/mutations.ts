/**
 * The seeded generator of bad requests: each recipe takes a valid callback of one trigger (./targets.ts) and breaks
 * exactly one thing — the signature, the body, a header, the timestamp, the query or the method — optionally sent
 * with an odd content type. Requests are built when sent (`make()`), so signed timestamps are fresh and only the
 * intended thing is wrong. Same seed → same recipes (labels and bytes, apart from the current time).
 *
 * Expected answer for every recipe: a 4xx and no execution. `preNode` marks requests n8n itself answers before any
 * node runs (over its payload limit, a multipart body it cannot parse, a body sent as XML that is not XML): for
 * those the scenario expects what n8n's own Webhook node gets for the same request.
 */
import type { RawRequest } from '../harness/rawHttp';
import { bodyText, headerOf, signatureOf, withBodyText, withHeader, withSignature } from '../harness/target';
import type { Target } from './targets';

export interface Recipe {
	target: string;
	/** What is broken, e.g. `signature flipped at 17 (a) · content-type text/plain`. Unique per target. */
	label: string;
	category: string;
	/** Which of the target's category generators made it (`categoriesFor(t)[family]`): coverage is counted by these. */
	family: number;
	/** n8n answers before the node (see above); the expected status is then the Webhook node's. */
	preNode?: 'overLimit' | 'multipart' | 'xml';
	make(url: string): RawRequest;
}

/** n8n's default N8N_PAYLOAD_SIZE_MAX (16 MiB). */
export const PAYLOAD_LIMIT = 16 * 1024 * 1024;

/** mulberry32: a small seeded PRNG (same seed → same sequence). */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)];
const hashText = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

// ---------------------------------------------------------------------------------------------- request edits

type Edit = (req: RawRequest) => RawRequest;
const text = bodyText;
const withText = withBodyText;

/** A form-encoded body (CoinPayments IPN): the JSON-shaped edits below have a form counterpart. */
const isForm = (req: RawRequest) => /^application\/x-www-form-urlencoded/i.test(headerOf(req, 'content-type') ?? '');

/** Fields i and i+j (mod count) of a form swapped, raw bytes of each field kept; reversed when that changes nothing. */
function swapFormFields(body: string, i: number, j: number): string {
	const fields = body.split('&');
	const a = i % fields.length;
	const b = (i + j) % fields.length;
	const swapped = [...fields];
	[swapped[a], swapped[b]] = [swapped[b], swapped[a]];
	return swapped.join('&') === body ? [...fields].reverse().join('&') : swapped.join('&');
}

/** A form with each value decoded, mapped and encoded again (names and order kept). */
const mapFormValues = (body: string, map: (value: string) => string): string =>
	new URLSearchParams([...new URLSearchParams(body)].map(([name, value]): [string, string] => [name, map(value)])).toString();

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const isHex = (s: string) => /^[0-9a-f]+$/i.test(s);

// ---------------------------------------------------------------------------------------------- categories

interface Draft {
	category: string;
	label: string;
	/** Build options for the valid callback this starts from (beyond the nonce). */
	build?: Partial<Parameters<Target['build']>[1]>;
	edit?: Edit;
	preNode?: Recipe['preNode'];
	/** Content types to try this with (default: any). `false` = keep the callback's own. */
	contentTypes?: false;
	/** Sign at now + this (ms): stale or future timestamps, correctly signed. */
	shiftMs?: number;
}

type Category = (t: Target, r: Rand) => Draft | undefined;

const signature: Category[] = [
	(t, r) => {
		const pos = int(r, 200);
		const k = int(r, 64);
		return {
			category: 'signature flipped',
			label: `signature flipped at ${pos}/${k}`,
			edit: (req) => {
				const full = signatureOf(t, req);
				// A `label=` before the digest (BTCPay's `sha256=`) stays; the flip lands in the digest, within its own
				// alphabet (a hex letter turned into its other case would be the same digest).
				const label = /^[A-Za-z0-9_-]{1,16}=(?=.)/.exec(full)?.[0] ?? '';
				const sig = full.slice(label.length);
				if (sig === '') return req;
				const i = pos % sig.length;
				const alphabet = isHex(sig) ? HEX : B64;
				const c = alphabet[(alphabet.indexOf(isHex(sig) ? sig[i].toLowerCase() : sig[i]) + 1 + (k % (alphabet.length - 1))) % alphabet.length];
				return withSignature(t, req, label + sig.slice(0, i) + c + sig.slice(i + 1));
			},
		};
	},
	(t, r) => {
		const keep = int(r, 120);
		return {
			category: 'signature truncated',
			label: `signature truncated to ${keep}`,
			edit: (req) => {
				const sig = signatureOf(t, req);
				return withSignature(t, req, sig.slice(0, Math.min(keep, sig.length - 1)));
			},
		};
	},
	(t) => ({ category: 'signature empty', label: 'signature empty', edit: (req) => withSignature(t, req, '') }),
	(t, r) => {
		// hex is case-insensitive by definition (the same digest): only base64 signatures and tokens change bytes
		if (t.encoding === 'hex') return undefined;
		const how = pick(r, ['upper', 'lower', 'swap'] as const);
		return {
			category: 'signature other case',
			label: `signature ${how} case`,
			edit: (req) => {
				const sig = signatureOf(t, req);
				const swapped = [...sig].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
				const out = how === 'upper' ? sig.toUpperCase() : how === 'lower' ? sig.toLowerCase() : swapped;
				return withSignature(t, req, out === sig ? swapped : out);
			},
		};
	},
	(t, r) => {
		// base64url of a base64 signature is the same bytes (accepted by design), so only from hex
		const hows = ['as base64', 'as hex', 'with sha256= prefix', 'quoted', 'twice', ...(t.encoding === 'hex' ? ['as base64url'] : [])];
		const how = pick(r, hows) as 'as base64' | 'as hex' | 'as base64url' | 'with sha256= prefix' | 'quoted' | 'twice';
		return {
			category: 'signature other encoding',
			label: `signature ${how}`,
			edit: (req) => {
				const sig = signatureOf(t, req);
				const bytes = isHex(sig) ? Buffer.from(sig, 'hex') : Buffer.from(sig.replace(/^[a-z0-9]+=/, ''), 'base64');
				const out = {
					'as base64': bytes.toString('base64'),
					'as hex': bytes.toString('hex'),
					'as base64url': bytes.toString('base64url'),
					'with sha256= prefix': `sha256=${sig}`,
					quoted: `"${sig}"`,
					twice: `${sig}${sig}`,
				}[how];
				// re-encoding into the encoding the provider already uses would be the same signature
				return withSignature(t, req, out === sig ? `${sig}${sig}` : out);
			},
		};
	},
	() => ({ category: 'signature from another key', label: 'signature from another key', build: { otherKey: true } }),
	(t, r) => t.kind === 'token' ? undefined : ({
		category: 'signature for another body',
		label: `signature for another body ${int(r, 1000)}`,
		build: { signNonce: `other${int(r, 1e9)}` },
	}),
	(t, r) => {
		if (!t.signsUrl) return undefined;
		const other = pick(r, ['http://127.0.0.1:5678/webhook/other/webhook', 'https://pay.example.com/webhooks/crypto2b', 'http://127.0.0.1/webhook-test/x/webhook']);
		// (post: false — CryptAPI signs the URL of its GET callbacks only)
		return { category: 'signature for another URL', label: `signature for ${other}`, build: { signUrl: other, post: false } };
	},
];

/** Body edits that change the bytes but keep the value (valid for value-signed and token targets: not used there). */
const reencodings: Category[] = [
	(_t, r) => {
		const n = int(r, 40);
		return {
			category: 'body re-encoded (whitespace)',
			label: `whitespace after separator ${n}`,
			edit: (req) => {
				let i = -1;
				let seen = 0;
				const s = text(req);
				for (let j = 0; j < s.length && i < 0; j++) if ((s[j] === ',' || s[j] === ':') && seen++ === n) i = j;
				return withText(req, i < 0 ? `${s}\n` : `${s.slice(0, i + 1)} \n\t${s.slice(i + 1)}`);
			},
		};
	},
	(_t, r) => {
		const n = int(r, 60);
		return {
			category: 'body re-encoded (unicode escape)',
			label: `unicode escape of letter ${n}`,
			edit: (req) => {
				const s = text(req);
				const letters = [...s.matchAll(/[A-Za-zé]/g)].map((m) => m.index ?? 0);
				const i = letters[n % letters.length];
				return withText(req, `${s.slice(0, i)}\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}${s.slice(i + 1)}`);
			},
		};
	},
	() => ({
		category: 'body re-encoded (\\/)',
		label: 'slashes escaped as \\/',
		// a form body's slashes arrive as %2F: the same value with them raw is its re-encoding
		edit: (req) => withText(req, isForm(req) ? text(req).replace(/%2F/gi, '/') : text(req).replace(/\//g, '\\/')),
	}),
	() => ({ category: 'body BOM', label: 'UTF-8 BOM before the body', edit: (req) => ({ ...req, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), req.body ?? Buffer.alloc(0)]) }) }),
];

/**
 * Swaps members i and i+j (mod count) of the first object, depth-first, with at least two members other than a
 * value-signed body's signature (`sign`/`signature` is not part of what is signed, so moving it changes nothing);
 * `reverse` reverses them instead.
 */
function swapMembers(value: unknown, i: number, j: number, reverse = false): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
	const all = Object.entries(value as Record<string, unknown>);
	const signature = all.filter(([k]) => k === 'sign' || k === 'signature');
	const entries = all.filter(([k]) => k !== 'sign' && k !== 'signature');
	if (entries.length < 2) return Object.fromEntries(all.map(([k, v]) => [k, swapMembers(v, i, j, reverse)]));
	const a = i % entries.length;
	const b = (i + j) % entries.length;
	if (reverse || a === b) entries.reverse();
	else [entries[a], entries[b]] = [entries[b], entries[a]];
	return Object.fromEntries([...entries, ...signature]);
}

/** Body edits that change the value (invalid for raw- and value-signed targets). */
const valueChanges: Category[] = [
	(t, r) => {
		if (t.sortsKeys) return undefined;
		const [i, j] = [int(r, 6), 1 + int(r, 6)];
		return {
			category: 'body re-encoded (key order)',
			label: `members ${i} and ${i + j} swapped`,
			edit: (req) => {
				const s = text(req);
				if (isForm(req)) return withText(req, swapFormFields(s, i, j));
				const swapped = JSON.stringify(swapMembers(JSON.parse(s), i, j));
				return withText(req, swapped === s ? JSON.stringify(swapMembers(JSON.parse(s), 0, 1, true)) : swapped);
			},
		};
	},
	() => ({
		category: 'body re-encoded (NFD)',
		label: 'text NFC → NFD',
		// a form body's text is percent-encoded: its values are normalized, then encoded again
		edit: (req) => withText(req, isForm(req) ? mapFormValues(text(req), (v) => v.normalize('NFD')) : text(req).normalize('NFD')),
	}),
	(t, r) => {
		const value = pick(r, ['"x"', '0', 'null', 'true', '[]', '{}', '"paid"', '1e309']);
		// a value-signed body is judged by its value, and JSON's last duplicate wins: only a last duplicate changes it
		const where = t.kind === 'raw' ? pick(r, ['first', 'last'] as const) : 'last';
		return {
			category: 'body duplicate keys',
			label: `duplicate of the ${where} member = ${value}`,
			edit: (req) => {
				const s = text(req);
				const keys = [...s.matchAll(/"([A-Za-z_]+)":/g)].map((m) => m[1]).filter((k) => k !== 'sign' && k !== 'signature');
				const key = where === 'first' ? keys[0] : keys[keys.length - 1];
				return where === 'first' ? withText(req, `{"${key}":${value},${s.slice(1)}`) : withText(req, `${s.slice(0, -1)},"${key}":${value}}`);
			},
		};
	},
	(_t, r) => {
		const member = pick(r, [
			'"__proto__":{"isAdmin":true}',
			'"__proto__":{"status":"paid","is_final":true}',
			'"constructor":{"prototype":{"polluted":1}}',
			'"__proto__":null',
			'"constructor":"x"',
			'"prototype":{"x":1}',
		]);
		const first = r() < 0.5;
		return {
			category: 'body __proto__/constructor',
			label: `${member} ${first ? 'first' : 'last'}`,
			edit: (req) => {
				const s = text(req);
				return withText(req, first ? `{${member},${s.slice(1)}` : `${s.slice(0, -1)},${member}}`);
			},
		};
	},
];

/** A well-formed multipart form: n8n parses it before the node runs, so the node finds the stream consumed. */
const multipartForm: Category = (_t, r) => {
	const field = pick(r, ['payload', 'data', 'json', 'body']);
	return {
		category: 'body as a multipart form',
		label: `body as multipart field "${field}"`,
		contentTypes: false,
		edit: (req) => {
			const form = `------hostile\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${text(req)}\r\n------hostile--\r\n`;
			return withHeader(withText(req, form), 'content-type', 'multipart/form-data; boundary=----hostile');
		},
	};
};

/** Body edits that break the body itself (invalid for every kind, token targets included). */
const breakages: Category[] = [
	multipartForm,
	(_t, r) => {
		const cut = int(r, 400);
		return { category: 'body truncated', label: `body truncated to ${cut} bytes`, edit: (req) => ({ ...req, body: (req.body ?? Buffer.alloc(0)).subarray(0, Math.min(cut, (req.body?.length ?? 1) - 1)) }) };
	},
	() => ({ category: 'body empty', label: 'body empty', edit: (req) => ({ ...req, body: Buffer.alloc(0) }) }),
	(_t, r) => {
		const shape = pick(r, ['[]', '{}', 'null', '"text"', '0', 'true', '[{}]', '{"data":[]}', '{"data":null}', '{"email":null}', '{"email":123}', '{"email":""}', '"{\\"email\\":\\"a@b.c\\"}"', '[1,2,3]', '-0', '1e999']);
		return { category: 'body JSON of the wrong shape', label: `body ${shape}`, edit: (req) => withText(req, shape) };
	},
	(_t, r) => {
		const depth = pick(r, [64, 257, 1000, 5000, 20000, 100000]);
		const kind = pick(r, ['array', 'object'] as const);
		return {
			category: 'body very deep nesting',
			label: `body wrapped ${depth} deep (${kind})`,
			edit: (req) => {
				const open = kind === 'array' ? '['.repeat(depth) : '{"a":'.repeat(depth);
				return withText(req, `${open}${text(req)}${(kind === 'array' ? ']' : '}').repeat(depth)}`);
			},
		};
	},
];

const invalidUtf8: Category = (_t, r) => {
	const bytes = pick(r, [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]);
	const at = int(r, 200);
	return {
		category: 'body invalid UTF-8',
		label: `bytes ${bytes.map((b) => b.toString(16)).join(' ')} in a string near ${at}`,
		edit: (req) => {
			const body = req.body ?? Buffer.alloc(0);
			const quotes = [...body.entries()].filter(([, b]) => b === 0x22).map(([i]) => i);
			const i = quotes.length ? quotes[at % quotes.length] + 1 : 0;
			return { ...req, body: Buffer.concat([body.subarray(0, i), Buffer.from(bytes), body.subarray(i)]) };
		},
	};
};

const nearLimit: Category = () => ({
	category: 'body just under the payload limit',
	label: 'forged body just under 16 MiB',
	build: { otherKey: true },
	contentTypes: false,
	edit: (req) => {
		const s = text(req);
		const pad = PAYLOAD_LIMIT - Buffer.byteLength(s) - 64;
		return withText(req, `${s.slice(0, -1)},"padding":"${'x'.repeat(pad)}"}`);
	},
});

/** Headers whose repeats Node's HTTP parser drops, keeping the first (see `message.headers` in Node's docs). */
const FIRST_WINS = new Set(['authorization', 'content-type', 'content-length', 'user-agent', 'host']);

const headers: Category[] = [
	(t, r) => {
		const names = [t.signatureHeader, ...t.requiredHeaders].filter(Boolean);
		if (names.length === 0) return undefined;
		const name = pick(r, names);
		return { category: 'header missing', label: `${name} missing`, edit: (req) => withHeader(req, name, undefined) };
	},
	(t, r) => {
		// a header carrying a list of signatures (any valid one counts) is not attacked by repeating it
		const names = [t.signatureHeader, ...t.requiredHeaders].filter((n) => n && !(t.signatureList && n === t.signatureHeader));
		if (names.length === 0) return undefined;
		const name = pick(r, names);
		// Node keeps only the first of a repeated Authorization (and a few others): only a forged first one is forged
		const how = FIRST_WINS.has(name) ? 'forged value first' : pick(r, ['same value twice', 'forged value first', 'forged value last'] as const);
		return {
			category: 'header repeated',
			label: `${name} repeated (${how})`,
			edit: (req) => {
				const value = headerOf(req, name) ?? '';
				const forged = value.replace(/[0-9a-f]/, (c) => (c === '0' ? '1' : '0'));
				const extra: [string, string][] =
					how === 'same value twice' ? [[name, value]] : [[name, forged]];
				const rest = req.headers.filter(([n]) => n.toLowerCase() !== name);
				const own = req.headers.filter(([n]) => n.toLowerCase() === name);
				return { ...req, headers: how === 'forged value first' ? [...rest, ...extra, ...own] : [...rest, ...own, ...extra] };
			},
		};
	},
];

const timestamps: Category[] = [
	(t, r) => {
		if (!t.timestamp) return undefined;
		const offset = t.timestamp.windowMs + 2_000 + int(r, 86_400) * 1000;
		const future = r() < 0.4;
		return {
			category: future ? 'timestamp in the future' : 'timestamp stale',
			label: `timestamp ${future ? '+' : '-'}${Math.round(offset / 1000)} s, correctly signed`,
			shiftMs: future ? offset : -offset,
		};
	},
	(t, r) => {
		if (!t.timestamp) return undefined;
		const value = pick(r, ['', 'abc', '-1', '0', '1e12', '17e11', '１７３５２９４８００', '0x67890abc', '99999999999999999999', '1735294800.5.5', '2025-13-45T00:00:00Z', 'NaN', '  ', '1735294800 1735294800', 'Infinity', '12345678901234567']);
		return { category: 'timestamp malformed', label: `timestamp "${value}", correctly signed`, build: { timestampText: value } };
	},
	(t, r) => {
		if (t.name !== 'Crypto2B') return undefined;
		const window = pick(r, ['86400000', '3600000', '600000', '61000', '999999999999']);
		const ageMs = Math.min(Number(window), 86_400_000) - 1000 - int(r, 1000);
		return {
			category: 'timestamp stale within a huge signed window',
			label: `signed ${ageMs} ms ago with X-Processing-RecvWindow ${window}`,
			build: { recvWindow: window },
			shiftMs: -ageMs,
		};
	},
	(t, r) => {
		if (t.name !== 'Crypto2B') return undefined;
		const window = pick(r, ['-1', 'abc', '1e3', '5000.5', '0x1388', '99999999999999999999', ' ', '5000,5000']);
		return { category: 'recvWindow malformed', label: `X-Processing-RecvWindow "${window}", correctly signed`, build: { recvWindow: window } };
	},
];

const queries: Category[] = [
	(t, r) => {
		if (t.name !== 'CryptAPI') return undefined;
		const how = pick(r, ['value changed', 'param dropped', 'param added', 'params reordered', 'param repeated', '%2F decoded', '+ as %20', 'percent-hex lower case', 'fragment-like %23 added', 'empty param added']);
		const n = int(r, 9);
		return {
			category: 'query tampered',
			label: `query ${how} (${n})`,
			contentTypes: false,
			build: {
				sendQuery: (q: string) => {
					const parts = q.split('&');
					const i = n % parts.length;
					switch (how) {
						case 'value changed':
							return parts.map((p, j) => (j === i ? `${p}9` : p)).join('&');
						case 'param dropped':
							return parts.filter((_p, j) => j !== i).join('&');
						case 'param added':
							return `${q}&x${n}=1`;
						case 'params reordered':
							return [...parts.slice(i), ...parts.slice(0, i)].join('&') === q ? parts.reverse().join('&') : [...parts.slice(i), ...parts.slice(0, i)].join('&');
						case 'param repeated':
							return `${q}&${parts[i]}`;
						case '%2F decoded':
							return q.replace('%2F', '/');
						case '+ as %20':
							return q.replace('+', '%20');
						case 'percent-hex lower case':
							return q.replace('%C3%A9', '%c3%a9');
						case 'fragment-like %23 added':
							return `${q}%23`;
						default:
							return `${q}&`;
					}
				},
			},
		};
	},
	(t, r) => {
		if (t.name !== 'Crypto2B') return undefined;
		const extra = pick(r, ['?x=1', '?', '?src=n8n', '?a=%2F']);
		return { category: 'query tampered', label: `query ${extra} added to a signed URL`, edit: (req) => ({ ...req, query: extra }) };
	},
];

const methods: Category = (t, r) => {
	const method = pick(r, ['PUT', 'PATCH', 'DELETE', 'GET', 'HEAD', 'POST'].filter((m) => !t.methods.includes(m)));
	return { category: 'wrong method', label: `method ${method}`, contentTypes: false, edit: (req) => ({ ...req, method, query: req.query }) };
};

const CONTENT_TYPES = [
	undefined, // missing
	'text/plain',
	'application/x-www-form-urlencoded',
	'application/xml',
	'application/json; charset=utf-16',
	'application/octet-stream',
	'multipart/form-data; boundary=----hostile',
	'text/html',
	'application/jsonx',
];

/** Which categories apply to a target (see the header of this file for why the kinds differ). */
function categoriesFor(t: Target): Category[] {
	const body = t.kind === 'token' ? breakages : t.kind === 'value' ? [...valueChanges, ...breakages, invalidUtf8] : [...reencodings, ...valueChanges, ...breakages, invalidUtf8];
	const withBody = (category: Category): Category => (target, r) => {
		const draft = category(target, r);
		return draft && { ...draft, build: { ...target.withBody, ...draft.build } };
	};
	// targets with a body-less callback (CryptAPI GET) get signature and header attacks on both kinds of callback
	const either = (category: Category): Category =>
		t.withBody
			? (target, r) => {
					if (r() < 0.5) return category(target, r);
					const draft = withBody(category)(target, r);
					return draft && { ...draft, label: `${draft.label} (callback with a body)` };
				}
			: category;
	return [...signature.map(either), ...body.map(withBody), ...headers.map(either), ...timestamps, ...queries, methods];
}

const withBodyDraft = (t: Target, d: Draft): Draft => ({ ...d, build: { ...t.withBody, ...d.build } });

/** How many category generators apply to `t` (those that make a draft for it): each must appear among its recipes. */
export function familiesFor(t: Target, seed: number): number {
	const r = rng(seed ^ hashText(t.name));
	return categoriesFor(t).filter((category) => [0, 1, 2, 3, 4, 5, 6, 7].some(() => category(t, r) !== undefined)).length;
}

/**
 * At least `count` recipes with distinct labels for target `t`, from `seed`; plus one forged body just under the
 * payload limit. Categories are taken in turn (so each appears), their parameters and a content type drawn from the
 * seeded PRNG.
 */
export function recipesFor(t: Target, seed: number, count: number): Recipe[] {
	const r = rng(seed ^ hashText(t.name));
	const categories = categoriesFor(t);
	const out = new Map<string, Recipe>();
	let nonce = 0;
	const add = (draft: Draft, contentType: string | null | undefined, family: number) => {
		const label = contentType === null ? draft.label : `${draft.label} · content-type ${contentType ?? 'missing'}`;
		if (out.has(label)) return;
		const n = `h${seed.toString(36)}x${(nonce++).toString(36)}`;
		const multipart = contentType?.startsWith('multipart/') ?? false;
		const xml = /[/+]xml$/.test(contentType ?? ''); // n8n parses */xml and *+xml bodies before any node runs
		out.set(label, {
			target: t.name,
			label,
			category: draft.category,
			family,
			preNode: draft.preNode ?? (multipart ? 'multipart' : xml ? 'xml' : undefined),
			make: (url) => {
				const atMs = draft.shiftMs !== undefined ? Date.now() + draft.shiftMs : undefined;
				let req = t.build(url, { nonce: n, atMs, ...draft.build });
				if (draft.edit) req = draft.edit(req);
				if (contentType !== null && req.method !== 'GET') req = withHeader(req, 'content-type', contentType);
				if (contentType !== null && contentType !== undefined && !headerOf(req, 'content-type') && req.method !== 'GET') {
					req = { ...req, headers: [...req.headers, ['content-type', contentType]] };
				}
				return req;
			},
		});
	};
	add(withBodyDraft(t, nearLimit(t, r) as Draft), null, -1);
	for (let round = 0; out.size < count && round < count * 20; round++) {
		const draft = categories[round % categories.length](t, r) as Draft | undefined;
		if (!draft) continue;
		const odd = draft.contentTypes !== false && t.build('http://127.0.0.1/', { nonce: 'probe', ...draft.build }).method !== 'GET' && r() < 0.35;
		add(draft, odd ? pick(r, CONTENT_TYPES) : null, round % categories.length);
	}
	return [...out.values()];
}
