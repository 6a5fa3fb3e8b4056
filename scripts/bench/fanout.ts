/**
 * `npm run bench -- fanout [--smoke]` (`fanout_p99_ms_20`): notification fan-out to many consoles. N headless console cores (in this
 * process, each its own workstation, so its own MQTT session and its own NGSI-LD subscriptions) follow one
 * emulator, which publishes its notifications to one Debian mosquitto. K incidents are posted through
 * POST /ngsi-ld/v1/entities; for each, the time from the Notification's `notifiedAt` to the moment each core's
 * live state has it (p50, p99), whether every core saw every one (lost must be 0), and mosquitto's CPU
 * (utime + stime from /proc/<pid>/stat) over the run. N = 1, 5, 20 (--smoke: 1, 2, a few incidents).
 * A lost notification fails the benchmark.
 */
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { mqttClientId, PlatformConfig } from '../../electron/core/config';
import { startConsoleCore } from '../../electron/core/consoleCore';
import type { ConsoleCore } from '../../electron/core/consoleCore';
import { parseNotificationMessage } from '../../electron/core/feeds/ngsi/notification';
import { alertBody } from '../../electron/core/outbox/transport';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import { startEmulator } from '../../emulator/emulator';
import type { NewIncident } from '../../shared/domain';
import { startMosquitto } from '../../test/support/mosquitto';
import type { Bench, BenchContext, Metric } from './harness';
import { atMost, metric, percentile, until } from './harness';

const CALL: NewIncident = { type: 'drowning', severity: 'critical', position: [98.2963, 7.8961], description: 'bench fan-out', district: 'Kathu', place: 'Patong', callerName: '', callerPhone: '', callerLanguage: null, callerNationality: null, line: '1669' };
const TICKS = 100; // getconf CLK_TCK on Linux

function cpuTicks(pid: number): number {
  // Fields after the command name (which sits in parentheses): utime and stime are the 14th and 15th overall.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

interface Row {
  readonly n: number;
  readonly incidents: number;
  readonly deliveries: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly lost: number;
  readonly brokerCpuMs: number;
  readonly runMs: number;
}

async function fanOutTo(n: number, incidents: number, gapMs: number): Promise<Row> {
  const broker = await startMosquitto();
  const emulator = await startEmulator({ seed: 31, speed: 1, autoTick: false, mqttUrl: broker.url });
  const cores: ConsoleCore[] = [];
  // What each console's own subscription was notified (its topic names its client id): the Notification's notifiedAt per incident.
  const notifiedAt = new Map<string, number>();
  const listener = await mqtt.connectAsync(broker.url, { clientId: `bench-fanout-listener-${process.pid}` });
  try {
    await listener.subscribeAsync('phuket/console/+/Alert');
    listener.on('message', (topic, payload) => {
      const clientId = topic.split('/')[2] ?? '';
      // Read exactly as a console reads it (the MQTT binding's {metadata, body} envelope, or a bare Notification).
      const parsed = parseNotificationMessage(payload.toString());
      if (!parsed.ok) return;
      const at = Date.parse(parsed.notification.notifiedAt ?? '');
      for (const entity of parsed.notification.data) {
        const id = typeof entity === 'object' && entity !== null && 'id' in entity && typeof entity.id === 'string' ? entity.id : null;
        if (id !== null && !notifiedAt.has(`${clientId} ${id}`)) notifiedAt.set(`${clientId} ${id}`, at);
      }
    });
    const platform = PlatformConfig.parse({ baseUrl: emulator.url, mqtt: { url: broker.url } });
    for (let i = 0; i < n; i++) {
      cores.push(
        await startConsoleCore({
          name: 'bench-fanout',
          version: '0.0.0',
          host: 'browser',
          platform,
          profile: { name: `Console ${i + 1}`, role: 'viewer', workstation: `FANOUT-${i + 1}` },
          store: null,
          newId: () => uuidv7(),
        }),
      );
    }
    await until(() => cores.every((c) => c.live.health().link.state === 'up'), 60_000, 'every console to be live');

    // When each core's live state first has each posted incident, polled every 2 ms across all cores.
    const ids: string[] = [];
    const seen = cores.map(() => new Map<string, number>());
    const poll = setInterval(() => {
      const at = Date.now();
      cores.forEach((core, c) => {
        const got = seen[c]!;
        for (const id of ids) if (!got.has(id) && core.live.platformIncident(id) !== undefined) got.set(id, at);
      });
    }, 2);
    const cpuBefore = cpuTicks(broker.pid);
    const started = Date.now();
    try {
      for (let k = 0; k < incidents; k++) {
        const incidentId = `urn:ngsi-ld:Alert:${uuidv7()}`;
        const body = alertBody({ kind: 'create', incidentId, incident: CALL }, { actionId: uuidv7(), seq: k + 1, action: { kind: 'create', incidentId, incident: CALL }, actor: { name: 'bench', role: 'operator', workstation: 'BENCH' }, createdAt: Date.now(), state: 'queued', attempts: 0, nextAttemptAt: null, lastError: null, settledAt: null });
        ids.push(incidentId);
        const reply = await fetch(new URL('/ngsi-ld/v1/entities', emulator.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        if (reply.status >= 300) throw new Error(`POST /ngsi-ld/v1/entities answered ${reply.status}: ${await reply.text()}`);
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      // Up to 10 s for the stragglers; whatever is missing then is lost.
      await until(() => seen.every((got) => got.size === ids.length), 10_000, 'every console to have every incident').catch(() => undefined);
    } finally {
      clearInterval(poll);
    }
    const runMs = Date.now() - started;
    const brokerCpuMs = ((cpuTicks(broker.pid) - cpuBefore) / TICKS) * 1000;
    const latencies: number[] = [];
    let lost = 0;
    for (const [c, got] of seen.entries()) {
      const clientId = mqttClientId(platform, `FANOUT-${c + 1}`);
      for (const id of ids) {
        const at = got.get(id);
        const sent = notifiedAt.get(`${clientId} ${id}`);
        if (at === undefined) lost++;
        else if (sent !== undefined && Number.isFinite(sent)) latencies.push(at - sent);
      }
    }
    const sorted = latencies.sort((x, y) => x - y);
    return { n, incidents, deliveries: n * incidents, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN, lost, brokerCpuMs, runMs };
  } finally {
    for (const core of cores) await core.stop().catch(() => undefined);
    await listener.endAsync().catch(() => undefined);
    await emulator.close();
    await broker.stop();
  }
}

async function run(ctx: BenchContext): Promise<Metric[]> {
  const plan = ctx.smoke ? { ns: [1, 2], incidents: 5, gapMs: 20 } : { ns: [1, 5, 20], incidents: 100, gapMs: 50 };
  const rows: Row[] = [];
  for (const n of plan.ns) {
    const row = await fanOutTo(n, plan.incidents, plan.gapMs);
    rows.push(row);
    ctx.log(`fan-out N=${n}: ${row.incidents} incidents, ${row.deliveries} deliveries, notifiedAt → live state p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, max ${row.max.toFixed(0)} ms, lost ${row.lost}, mosquitto CPU ${row.brokerCpuMs.toFixed(0)} ms over ${(row.runMs / 1000).toFixed(1)} s`);
  }
  const lost = rows.reduce((sum, r) => sum + r.lost, 0);
  if (lost > 0) throw new Error(`fan-out lost ${lost} notifications`);
  const widest = rows.at(-1);
  if (widest === undefined) return [];
  return [
    metric(ctx, `fanout_p99_ms_${widest.n}`, widest.p99, 'ms', widest.n === 20 ? atMost(250) : null, `${widest.incidents} incidents over mosquitto`),
    metric(ctx, `fanout_p50_ms_${widest.n}`, widest.p50, 'ms', null),
    metric(ctx, `fanout_broker_cpu_ms_${widest.n}`, widest.brokerCpuMs, 'ms', null, `over ${(widest.runMs / 1000).toFixed(1)} s`),
  ];
}

export const fanout: Bench = { name: 'fanout', browser: false, run };
