/**
 * Queue-mode helpers for `*.queue.e2e.ts` (`npm run test:e2e -- --queue`): the run's n8n processes, a lane's URL
 * on one webhook processor, which worker ran an execution (its log names it), the executions stored in the run's
 * database (main's public API: in queue mode its only database is PostgreSQL), and stopping one process the way an
 * operator would (SIGTERM to its process group).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { listExecutions, type E2eRun, type Lane, type QueueProcess } from './index';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The run's processes with `role` ('start' = main, 'webhook', 'worker'), in start order. */
export function processes(run: E2eRun, role: string): QueueProcess[] {
	if (!run.queue) throw new Error('queue mode only: run `npm run test:e2e -- --queue`');
	return run.queue.processes.filter((p) => p.role === role);
}

/** The lane as served by one webhook processor directly (same path; the lane's own URL goes to the balancer). */
export function onProcessor(lane: Lane, processor: QueueProcess): Lane {
	const { pathname, search } = new URL(lane.url);
	return { ...lane, url: new URL(pathname.slice(1) + search, processor.url).href };
}

/** True when main keeps no SQLite file: its executions, workflows and credentials live in PostgreSQL. */
export function mainUsesPostgresOnly(run: E2eRun): boolean {
	const main = processes(run, 'start')[0];
	const userFolder = main.logFile.replace(/\/[^/]+$/, '');
	return run.queue?.postgres.port !== undefined && !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
}

/** IDs of the lane's finished executions (n8n's public API, read from PostgreSQL by main). */
export async function executionIds(run: E2eRun, lane: Lane): Promise<string[]> {
	return (await listExecutions(run, lane)).map((e) => String(e.id));
}

/** Names of the processes whose log says they ran execution `id` (a worker logs "Worker started execution <id>"). */
export function ranBy(run: E2eRun, id: string): string[] {
	const line = new RegExp(`started execution ${id} \\(`);
	return (run.queue?.processes ?? []).filter((p) => line.test(readFileSync(p.logFile, 'utf8'))).map((p) => p.name);
}

/** How many executions each worker started so far (from its log). */
export function executionsPerWorker(run: E2eRun): Record<string, number> {
	return Object.fromEntries(
		processes(run, 'worker').map((p) => [p.name, (readFileSync(p.logFile, 'utf8').match(/Worker started execution \d+/g) ?? []).length]),
	);
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** SIGTERM to the process group (n8n's graceful stop), then waits until it is gone; false if still there after `timeoutMs`. */
export async function stopGracefully(p: QueueProcess, timeoutMs = 45_000): Promise<boolean> {
	try {
		process.kill(-p.pid, 'SIGTERM');
	} catch {
		return !isAlive(p.pid);
	}
	const deadline = Date.now() + timeoutMs;
	while (isAlive(p.pid) && Date.now() < deadline) await sleep(200);
	return !isAlive(p.pid);
}
