/**
 * The tables of `npm run bench:n8n`: per n8n configuration (scripts/e2e.mjs runs one n8n per configuration, one
 * after the other, each writing its rows with `saveRows`), the ratios across configurations, and the issue's targets.
 * Pure functions over the rows n8n.bench.ts measured; markdown, so the README can take them as printed.
 *
 * Lanes are told apart by name (bench.setup.mjs): `webhook` (n8n's Webhook node → No Operation, the reference of the
 * accepted path), `webhookAuth` (the same with Header Auth: the reference of the rejection path), `hand<Trigger>`
 * (the verifier a user builds without this package, paired with that trigger), `cryptomusV1`, and the triggers.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Phase = 'accepted' | 'forged' | 'unsigned';

export interface Row {
	round: number;
	phase: Phase;
	concurrency: number;
	lane: string;
	/** 'first' / 'last' for the reference runs around the others. */
	position?: 'first' | 'last';
	/** Answers per second over the load's wall time (the acceptance or refusal rate). */
	answersPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	statuses: Record<number, number>;
	errors: number;
	/** CPU time n8n's main process spent per answered request, its executions included (ms). */
	cpuMs: number;
	/** Executions the measured requests started (any status). */
	executions: number;
	/**
	 * Accepted lanes: 2xx answers whose executions finished, per second, from the first request to the end of the
	 * last execution. NaN for refused lanes.
	 */
	executedPerSecond: number;
	/** 1-minute load average of the machine when the lane started and when it ended. */
	load: [number, number];
}

/** One configuration's run. */
export interface RowSet {
	variant: string;
	label: string;
	version: string;
	bodyBytes: number;
	seconds: number;
	rounds: number;
	rows: Row[];
}

export const HAND_PREFIX = 'hand';
const isHand = (lane: string) => lane.startsWith(HAND_PREFIX) && lane.length > HAND_PREFIX.length;
/** The hand-built lane paired with a trigger (`cryptomus` → `handCryptomus`). */
export const handLaneOf = (trigger: string) => `${HAND_PREFIX}${trigger[0].toUpperCase()}${trigger.slice(1)}`;
const REFERENCES = new Set(['webhook', 'webhookAuth']);
const isTrigger = (lane: string) => !REFERENCES.has(lane) && !isHand(lane) && lane !== 'cryptomusV1';

export const median = (values: number[]): number => {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

type Metric = 'rate' | 'executed' | 'cpu';
const value = (r: Row, metric: Metric): number => (metric === 'rate' ? r.answersPerSecond : metric === 'executed' ? r.executedPerSecond : 1 / r.cpuMs);

/** The phase the reference lane runs in (unsigned requests are compared with the Header Auth refusals too). */
const referencePhase = (phase: Phase): Phase => (phase === 'unsigned' ? 'forged' : phase);

/** Per round: `lane`'s metric over the mean of `reference`'s runs (first and last) in the same round; the median. */
function ratio(rows: Row[], phase: Phase, concurrency: number, lane: string, reference: string, metric: Metric, referenceIn = referencePhase(phase)): number {
	const rounds = [...new Set(rows.map((r) => r.round))];
	const list: number[] = [];
	for (const round of rounds) {
		const of = (name: string, p: Phase) => rows.filter((r) => r.round === round && r.phase === p && r.concurrency === concurrency && r.lane === name);
		const refs = of(reference, referenceIn).map((r) => value(r, metric));
		const mine = of(lane, phase)[0];
		if (mine && refs.length > 0) list.push(value(mine, metric) / (refs.reduce((a, b) => a + b, 0) / refs.length));
	}
	return median(list);
}

const fixed = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '—');
const lanesOf = (rows: Row[], phase: Phase, concurrency: number) => [...new Set(rows.filter((r) => r.phase === phase && r.concurrency === concurrency).map((r) => r.lane))];
/** Reference first, then the triggers, cryptomusV1, the hand-built lanes. */
const ordered = (lanes: string[]) => [
	...lanes.filter((l) => REFERENCES.has(l)),
	...lanes.filter(isTrigger),
	...lanes.filter((l) => l === 'cryptomusV1'),
	...lanes.filter(isHand),
];

function phaseTable(rows: Row[], phase: Phase, concurrency: number): string[] {
	const accepted = phase === 'accepted';
	const reference = accepted ? 'webhook' : 'webhookAuth';
	const vs = accepted ? 'Webhook node' : 'Header Auth';
	const lanes = ordered(lanesOf(rows, phase, concurrency));
	if (lanes.length === 0) return [];
	const hands = new Set(lanes.filter(isHand));
	const lines = accepted
		? [
				`| accepted c=${concurrency} | answers/s | executed/s | p50 ms | p99 ms | n8n CPU ms/req | executed/s vs ${vs} | CPU vs ${vs} | executed/s vs hand-built |`,
				'|---|---:|---:|---:|---:|---:|---:|---:|---:|',
			]
		: [
				`| ${phase} c=${concurrency} | answers/s | p50 ms | p99 ms | n8n CPU ms/req | executions started | rate vs ${vs} | CPU vs ${vs} | rate vs hand-built |`,
				'|---|---:|---:|---:|---:|---:|---:|---:|---:|',
			];
	for (const lane of lanes) {
		const mine = rows.filter((r) => r.phase === phase && r.concurrency === concurrency && r.lane === lane);
		const m = (f: (r: Row) => number) => median(mine.map(f));
		const vsRef = (metric: Metric) => (lane === reference ? '1.00× (first, last)' : times(ratio(rows, phase, concurrency, lane, reference, metric)));
		const hand = handLaneOf(lane);
		const vsHand = isTrigger(lane) && hands.has(hand) ? times(ratio(rows, phase, concurrency, lane, hand, accepted ? 'executed' : 'rate', phase)) : '—';
		const executions = mine.reduce((a, r) => a + r.executions, 0);
		lines.push(
			accepted
				? `| ${lane} | ${fixed(m((r) => r.answersPerSecond))} | ${fixed(m((r) => r.executedPerSecond))} | ${fixed(m((r) => r.p50Ms))} | ${fixed(m((r) => r.p99Ms))} | ${fixed(m((r) => r.cpuMs), 2)} | ${vsRef('executed')} | ${vsRef('cpu')} | ${vsHand} |`
				: `| ${lane} | ${fixed(m((r) => r.answersPerSecond))} | ${fixed(m((r) => r.p50Ms))} | ${fixed(m((r) => r.p99Ms))} | ${fixed(m((r) => r.cpuMs), 2)} | ${executions} | ${vsRef('rate')} | ${vsRef('cpu')} | ${vsHand} |`,
		);
	}
	return lines;
}

const phasesOf = (rows: Row[]): Array<[Phase, number]> => {
	const seen = new Map<string, [Phase, number]>();
	for (const r of rows) seen.set(`${r.phase}/${r.concurrency}`, [r.phase, r.concurrency]);
	const rank: Record<Phase, number> = { accepted: 0, forged: 1, unsigned: 2 };
	return [...seen.values()].sort((a, b) => rank[a[0]] - rank[b[0]] || a[1] - b[1]);
};

const loadRange = (rows: Row[]) => {
	const loads = rows.flatMap((r) => r.load);
	return loads.length ? `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}` : '?';
};

/** The tables of one configuration. */
export function configurationTables(set: RowSet): string[] {
	const lines = [
		`**${set.label}** — n8n ${set.version}, ${set.bodyBytes} B bodies, ${set.seconds} s per lane, ${set.rounds} round(s), medians; ` +
			`1-min load average during the lanes ${loadRange(set.rows)}`,
		'',
	];
	for (const [phase, c] of phasesOf(set.rows)) lines.push(...phaseTable(set.rows, phase, c), '');
	return lines;
}

/** Every configuration side by side: each one's rate and CPU, and its rate over the first configuration's. */
export function crossConfigurationTables(sets: RowSet[]): string[] {
	if (sets.length < 2) return [];
	const [base, ...others] = sets;
	const lines = [`Across configurations (ratios over **${base.variant}**; ${sets.map((s) => `${s.variant} = ${s.label}`).join('; ')}):`, ''];
	for (const [phase, c] of phasesOf(sets.flatMap((s) => s.rows))) {
		const accepted = phase === 'accepted';
		const what = accepted ? 'executed/s' : 'answers/s';
		const lanes = ordered([...new Set(sets.flatMap((s) => lanesOf(s.rows, phase, c)))]);
		lines.push(
			`| ${phase} c=${c}, ${what} | ${sets.map((s) => s.variant).join(' | ')} | ${others.map((s) => `${s.variant} ÷ ${base.variant}`).join(' | ')} | ${sets.map((s) => `CPU ms/req ${s.variant}`).join(' | ')} |`,
			`|---|${sets.map(() => '---:').join('|')}|${others.map(() => '---:').join('|')}|${sets.map(() => '---:').join('|')}|`,
		);
		for (const lane of lanes) {
			const of = (s: RowSet, f: (r: Row) => number) => median(s.rows.filter((r) => r.phase === phase && r.concurrency === c && r.lane === lane).map(f));
			const rate = (s: RowSet) => of(s, (r) => (accepted ? r.executedPerSecond : r.answersPerSecond));
			lines.push(
				`| ${lane} | ${sets.map((s) => fixed(rate(s))).join(' | ')} | ${others.map((s) => times(rate(s) / rate(base))).join(' | ')} | ${sets.map((s) => fixed(of(s, (r) => r.cpuMs), 2)).join(' | ')} |`,
			);
		}
		lines.push('');
	}
	return lines;
}

/** The issue's targets for one configuration, met (✓) or not (✗), with the figures. */
export function targetLines(set: RowSet): string[] {
	const { rows } = set;
	const concurrencies = [...new Set(rows.filter((r) => r.phase === 'accepted').map((r) => r.concurrency))].sort((a, b) => a - b);
	const triggers = ordered(lanesOf(rows, 'accepted', concurrencies[0] ?? 0)).filter(isTrigger);
	const paired = triggers.filter((t) => rows.some((r) => r.lane === handLaneOf(t)));
	const mark = (ok: boolean) => (ok ? '✓' : '✗');
	const check = (names: string[], figure: (name: string) => number[], atLeast: number) =>
		names
			.map((name) => {
				const figures = figure(name);
				return `${name} ${figures.map(times).join(' / ')} ${mark(figures.every((f) => f >= atLeast))}`;
			})
			.join(', ');
	const forgedExecutions = (names: string[]) => rows.filter((r) => r.phase !== 'accepted' && names.includes(r.lane)).reduce((a, r) => a + r.executions, 0);
	const triggerForged = forgedExecutions(triggers);
	const hands = paired.map(handLaneOf);
	const cs = concurrencies.map((c) => `c=${c}`).join(' / ');
	return [
		`Targets, ${set.variant} (${set.label}):`,
		`- accepted and executed ≥ 2× the hand-built verifier (${cs}): ${check(paired, (t) => concurrencies.map((c) => ratio(rows, 'accepted', c, t, handLaneOf(t), 'executed', 'accepted')), 2)}`,
		`- forged refused ≥ 5× the hand-built verifier's rate: ${check(paired, (t) => [ratio(rows, 'forged', 10, t, handLaneOf(t), 'rate', 'forged')], 5)}`,
		`- forged and unsigned requests that started an execution: triggers ${triggerForged} ${mark(triggerForged === 0)} (hand-built verifiers: ${forgedExecutions(hands)}, one per forged request)`,
		`- accepted and executed ≥ 0.95× n8n's Webhook node (${cs}): ${check(triggers, (t) => concurrencies.map((c) => ratio(rows, 'accepted', c, t, 'webhook', 'executed')), 0.95)}`,
		`- forged refused ≥ 1.0× n8n's Header Auth refusal: ${check(triggers, (t) => [ratio(rows, 'forged', 10, t, 'webhookAuth', 'rate')], 1)}`,
		'',
	];
}

/** Where a configuration's rows go (one JSON file per configuration in the run's bench folder). */
const rowsFile = (dir: string, variant: string) => join(dir, `${variant}.json`);

export function saveRows(dir: string, set: RowSet): void {
	writeFileSync(rowsFile(dir, set.variant), `${JSON.stringify(set, null, 1)}\n`);
}

/** The rows of the configurations measured before this one in the same run (those that left a file). */
export function loadRows(dir: string, variants: string[]): RowSet[] {
	return variants.filter((v) => existsSync(rowsFile(dir, v))).map((v) => JSON.parse(readFileSync(rowsFile(dir, v), 'utf8')) as RowSet);
}

/** Appends to the run's `tables.md` (the markdown the README takes). */
export function appendMarkdown(dir: string, lines: string[]): void {
	appendFileSync(join(dir, 'tables.md'), `${lines.join('\n')}\n`);
}
