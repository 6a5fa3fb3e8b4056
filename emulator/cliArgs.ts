import type { EmulatorOptions } from './emulator';

export const USAGE = `usage: npm run emulator -- [--port P] [--seed S] [--speed X] [--start ISO] [--tick-ms MS]
                            [--state FILE] [--fault outage|http503|stall|malformed]...
                            [--mqtt mqtt://HOST:PORT | --no-mqtt] [--load-rate R] [--load-units N]
  --mqtt URL   use this external MQTT broker instead of starting the embedded one
  --no-mqtt    start no MQTT broker (subscriptions may still name their own)
  --load-rate  synthetic unit moves per second, for load and soak tests (default 0: none)
  --load-units how many synthetic units those moves go round (default 2000, at most 5000)`;

const FAULTS = ['outage', 'http503', 'stall', 'malformed'] as const;
type FaultName = (typeof FAULTS)[number];
const isFault = (v: string): v is FaultName => FAULTS.some((f) => f === v);

export type CliParse = { ok: true; options: EmulatorOptions } | { ok: false; error: string };

function number(flag: string, raw: string | undefined, min: number, max: number): number | string {
  const n = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(n) || n < min || n > max) return `${flag} needs a number from ${min} to ${max}`;
  return n;
}

/** Pure argument parsing, so the CLI's contract is testable without spawning it. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const opts: { -readonly [K in keyof EmulatorOptions]: EmulatorOptions[K] } = {};
  const faults: Partial<Record<FaultName, boolean>> = {};
  const load = { units: 2_000, perSecond: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    if (flag === '--no-mqtt') {
      opts.embeddedBroker = false;
      continue;
    }
    const value = argv[i + 1];
    const numeric = (min: number, max: number): number | string => number(flag, value, min, max);
    let parsed: number | string | undefined;
    switch (flag) {
      case '--port':
        parsed = numeric(0, 65535);
        if (typeof parsed === 'number') opts.port = parsed;
        break;
      case '--seed':
        parsed = numeric(0, 2 ** 32 - 1);
        if (typeof parsed === 'number') opts.seed = parsed;
        break;
      case '--speed':
        parsed = numeric(1, 60);
        if (typeof parsed === 'number') opts.speed = parsed;
        break;
      case '--tick-ms':
        parsed = numeric(50, 5000);
        if (typeof parsed === 'number') opts.tickMs = parsed;
        break;
      case '--start':
        parsed = value !== undefined && !Number.isNaN(Date.parse(value)) ? 0 : '--start needs an ISO date-time';
        if (value !== undefined) opts.startTime = value;
        break;
      case '--state':
        parsed = value !== undefined && value !== '' ? 0 : '--state needs a file path';
        if (value !== undefined) opts.statePath = value;
        break;
      case '--fault':
        parsed = value !== undefined && isFault(value) ? 0 : `--fault needs one of ${FAULTS.join(', ')}`;
        if (value !== undefined && isFault(value)) faults[value] = true;
        break;
      case '--load-rate':
        parsed = numeric(0, 50_000);
        if (typeof parsed === 'number') load.perSecond = parsed;
        break;
      case '--load-units':
        parsed = numeric(1, 5_000);
        if (typeof parsed === 'number') load.units = Math.floor(parsed);
        break;
      case '--mqtt':
        parsed = value !== undefined && /^mqtts?:\/\/[^/\s]+\/?$/i.test(value) ? 0 : '--mqtt needs a broker URL like mqtt://127.0.0.1:1883';
        if (value !== undefined) opts.mqttUrl = value.replace(/\/$/, '');
        break;
      default:
        return { ok: false, error: `unknown argument ${flag}` };
    }
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    i++;
  }
  if (Object.keys(faults).length > 0) opts.faults = faults;
  if (load.perSecond > 0) opts.load = load;
  if (opts.mqttUrl !== undefined && opts.embeddedBroker === false) return { ok: false, error: '--mqtt and --no-mqtt exclude each other' };
  return { ok: true, options: opts };
}
