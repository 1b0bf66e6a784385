// Queue mode ("scaling out") for `npm run test:e2e -- --queue`: the same n8n, split the way users scale it.
//
//   PostgreSQL + Redis (Debian's packages, plain processes on loopback ports, throw-away data under the run folder)
//   n8n main      `n8n start`   editor, REST/public API, activation; production webhooks off on it
//   2 × webhook   `n8n webhook` production `/webhook/…` calls: run the trigger's webhook(), enqueue, answer
//   2 × worker    `n8n worker`  run the executions taken from the Redis queue, store them in Postgres
//   a small load balancer in this process: `/webhook/*` round-robin to the webhook processors, the rest to main.
// Every process gets its own user folder with the package installed (as on separate machines), one
// N8N_ENCRYPTION_KEY, WEBHOOK_URL = the load balancer. Everything is started with startTracked(), so it is stopped
// by PID (process group) at the end, on failure, on Ctrl+C.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { installPackageInto, n8nEnv, startN8n, startTracked, stopProcess, waitForN8n } from './n8n.mjs';
import { log, runStep } from './provision.mjs';

/** Ports queue mode needs beyond the single-process ones. */
export const QUEUE_PORTS = 11; // balancer, postgres, redis, 2 webhook, 2 worker health, 4 task-runner brokers

const READY = { webhook: 'Webhook listener waiting for requests', worker: 'n8n worker is now ready' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => path.join(root, v, 'bin')).find((d) => fs.existsSync(path.join(d, 'initdb')));
  return dir;
}

const hasRedis = () => spawnSync('redis-server', ['--version']).status === 0;

/** Installs Debian's `redis-server` / `postgresql` when missing (root only: otherwise says what to install). */
export async function ensureQueueServices({ logFile, print }) {
  const missing = [...(hasRedis() ? [] : ['redis-server']), ...(postgresBinDir() ? [] : ['postgresql'])];
  if (missing.length) {
    if (process.getuid?.() !== 0) throw new Error(`queue mode needs Debian's ${missing.join(' and ')}: apt-get install ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runStep('apt-get update', 'apt-get', ['update', '-qq'], { env, logFile, print });
    await runStep(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...missing], { env, logFile, print });
  }
  return { pgBin: postgresBinDir() };
}

/** Runs `file args` as the `postgres` user when we are root (PostgreSQL refuses root), else as ourselves. */
function asPostgres(file, args) {
  return process.getuid?.() === 0 ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', file, ...args]] : [file, args];
}

async function startPostgres(pgBin, dir, port, logFile) {
  fs.mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dir]);
  const [initFile, initArgs] = asPostgres(path.join(pgBin, 'initdb'), ['-D', dir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const init = spawnSync(initFile, initArgs, { cwd: dir, encoding: 'utf8' });
  fs.appendFileSync(logFile, `${init.stdout}${init.stderr}`);
  if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}); log: ${logFile}`);
  const settings = ['listen_addresses=127.0.0.1', `port=${port}`, 'unix_socket_directories=', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  const [file, args] = asPostgres(path.join(pgBin, 'postgres'), ['-D', dir, ...settings.flatMap((s) => ['-c', s])]);
  const child = startTracked(file, args, { cwd: dir, env: process.env, logFile });
  child.stopSignal = 'SIGINT'; // "fast" shutdown: SIGTERM would wait for clients to disconnect
  for (let i = 0; i < 120; i++) {
    if (spawnSync(path.join(pgBin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres']).status === 0) return child;
    if (child.exitCode !== null) break;
    await sleep(250);
  }
  throw new Error(`PostgreSQL did not start on port ${port}; log: ${logFile}`);
}

async function startRedis(dir, port, logFile) {
  fs.mkdirSync(dir, { recursive: true });
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  const child = startTracked('redis-server', args, { cwd: dir, env: process.env, logFile });
  for (let i = 0; i < 80; i++) {
    if (fs.existsSync(logFile) && fs.readFileSync(logFile, 'utf8').includes('Ready to accept connections')) return child;
    if (child.exitCode !== null) break;
    await sleep(250);
  }
  throw new Error(`redis-server did not start on port ${port}; log: ${logFile}`);
}

/** The load balancer: `/webhook/…` round-robin to the webhook processors, everything else to main. */
function startBalancer(port, mainPort, webhookPorts) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = req.url.startsWith('/webhook/') ? webhookPorts[next++ % webhookPorts.length] : mainPort;
    const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end('Bad Gateway')));
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Starts Postgres, Redis and the balancer for one run folder. Returns `{ publicUrl, env, startN8nProcesses, stop }`:
 * `env` (queue + database variables) goes into the main's n8nEnv() before the CLI import, then
 * `startN8nProcesses(inst, mainEnv, tgz)` starts main + webhook processors + workers and waits for all of them.
 */
export async function startQueueServices({ pgBin, runDir, ports, print = log, recordPid = () => {} }) {
  const [balancerPort, pgPort, redisPort, ...rest] = ports;
  const processes = [];
  let balancer;
  const stop = async () => {
    await Promise.all(processes.filter((p) => p.role !== 'db').map((p) => stopProcess(p.child)));
    await Promise.all(processes.filter((p) => p.role === 'db').map((p) => stopProcess(p.child, 10000, p.child.stopSignal)));
    balancer?.closeAllConnections();
    balancer?.close();
  };
  const publicUrl = `http://127.0.0.1:${balancerPort}/`;
  const env = {
    EXECUTIONS_MODE: 'queue',
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: '127.0.0.1',
    DB_POSTGRESDB_PORT: String(pgPort),
    DB_POSTGRESDB_DATABASE: 'postgres',
    DB_POSTGRESDB_USER: 'postgres',
    DB_POSTGRESDB_PASSWORD: '',
    // headroom for 10 concurrent callbacks per webhook processor (n8n's default pool is 2 connections)
    DB_POSTGRESDB_POOL_SIZE: '10',
    QUEUE_BULL_REDIS_HOST: '127.0.0.1',
    QUEUE_BULL_REDIS_PORT: String(redisPort),
    // The editor's main process answers no production webhook: only the webhook processors do.
    N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
  };
  try {
    const t = Date.now();
    const [pg, redis] = await Promise.all([
      startPostgres(pgBin, path.join(runDir, 'postgres'), pgPort, path.join(runDir, 'postgres.log')),
      startRedis(path.join(runDir, 'redis'), redisPort, path.join(runDir, 'redis.log')),
    ]);
    processes.push({ role: 'db', name: 'postgres', child: pg }, { role: 'db', name: 'redis', child: redis });
    [pg, redis].forEach(recordPid);
    print(`  ✓ PostgreSQL on 127.0.0.1:${pgPort} and Redis on 127.0.0.1:${redisPort} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (err) {
    await stop();
    throw err;
  }

  async function startN8nProcesses(inst, mainEnv, tgz) {
    const [web1, web2, health1, health2, ...brokers] = rest;
    const roles = [
      { name: 'main', command: 'start', port: Number(mainEnv.N8N_PORT), broker: mainEnv.N8N_RUNNERS_BROKER_PORT },
      { name: 'webhook-1', command: 'webhook', port: web1, broker: brokers[0] },
      { name: 'webhook-2', command: 'webhook', port: web2, broker: brokers[1] },
      { name: 'worker-1', command: 'worker', port: health1, broker: brokers[2] },
      { name: 'worker-2', command: 'worker', port: health2, broker: brokers[3] },
    ];
    const started = roles.map((r) => {
      const userFolder = r.name === 'main' ? runDir : path.join(runDir, r.name);
      if (r.name !== 'main') installPackageInto(userFolder, tgz);
      const procEnv =
        r.name === 'main'
          ? mainEnv
          : {
              ...mainEnv,
              ...n8nEnv(inst, { userFolder, port: r.port, brokerPort: r.broker, webhookUrl: publicUrl }),
              // a worker's health server (its port is r.port); N8N_PORT is unused there
              QUEUE_HEALTH_CHECK_ACTIVE: 'true',
              QUEUE_HEALTH_CHECK_PORT: String(r.port),
              N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
            };
      const logFile = r.name === 'main' ? path.join(runDir, 'n8n.log') : path.join(runDir, `${r.name}.log`);
      const child = startN8n(inst, procEnv, { logFile, command: r.command });
      recordPid(child);
      const entry = { role: r.command, name: r.name, child, port: r.port, logFile, url: `http://127.0.0.1:${r.port}/` };
      processes.push(entry);
      return entry;
    });
    await Promise.all(
      started.map((p) => waitForN8n(p.child, { baseUrl: p.url, logFile: p.logFile, readyLine: READY[p.role], timeoutMs: 180000 })),
    );
    balancer = await startBalancer(balancerPort, started[0].port, [web1, web2]);
    return started;
  }

  const postgres = { host: '127.0.0.1', port: pgPort, user: 'postgres', database: 'postgres' };
  return { publicUrl, env, postgres, processes, startN8nProcesses, stop };
}
