import { parseCliArgs, USAGE } from './cliArgs';
import { startEmulator } from './emulator';

/** The base URL is the first line on stdout so a parent process can read it; everything else goes to stderr. */
async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    console.error(USAGE);
    return;
  }
  const parsed = parseCliArgs(args);
  if (!parsed.ok) {
    console.error(`emulator: ${parsed.error}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator(parsed.options);
  process.stdout.write(`${emulator.url}\n`);
  const c = emulator.city;
  console.error(
    `emulator: Phuket City Data Platform at ${emulator.url}/ngsi-ld/v1 — ${c.graph.segments.length} segments, ${c.units.size} units, ${c.incidents.size} incidents; control at ${emulator.url}/emulator/`,
  );
  console.error(emulator.mqttUrl === null ? 'emulator: no MQTT broker (--no-mqtt)' : `emulator: MQTT broker for subscriptions at ${emulator.mqttUrl}`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('emulator: error while closing', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error('emulator: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
