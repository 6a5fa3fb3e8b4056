import { describe, expect, it } from 'vitest';
import { PlatformConfig } from './config';
import { ConfigError } from './config';
import { builtInEmulatorFromEnvironment, decideProfile } from './profile';

const here = { builtInEmulator: false, hostname: 'pkt-ws-07' };
const emulator = { builtInEmulator: true, hostname: 'pkt-ws-07' };

describe('who is at the console', () => {
  it('is a read-only viewer when nothing is configured and the platform is not the built-in emulator', () => {
    expect(decideProfile({}, here)).toEqual({ profile: { name: 'Viewer', role: 'viewer', workstation: 'pkt-ws-07' }, mode: 'viewer' });
    expect(decideProfile({ PHUKET_OPERATOR_NAME: '  ', PHUKET_OPERATOR_ROLE: '' }, here).mode).toBe('viewer');
  });

  it('is the demo supervisor only on the built-in emulator', () => {
    expect(decideProfile({ PHUKET_WORKSTATION: 'desk-3' }, emulator)).toEqual({ profile: { name: 'Demo Supervisor', role: 'supervisor', workstation: 'desk-3' }, mode: 'demo' });
  });

  it('takes a configured profile as given, on any platform', () => {
    const env = { PHUKET_OPERATOR_NAME: 'Somchai', PHUKET_OPERATOR_ROLE: 'operator', PHUKET_WORKSTATION: 'desk-1' };
    for (const context of [here, emulator]) {
      expect(decideProfile(env, context)).toEqual({ profile: { name: 'Somchai', role: 'operator', workstation: 'desk-1' }, mode: 'configured' });
    }
    expect(decideProfile({ PHUKET_OPERATOR_NAME: 'Wall screen', PHUKET_OPERATOR_ROLE: 'viewer' }, emulator).profile.role).toBe('viewer');
  });

  it('never guesses a role: half a profile is an error naming the missing or bad setting', () => {
    expect(() => decideProfile({ PHUKET_OPERATOR_NAME: 'Somchai' }, emulator)).toThrow(ConfigError);
    expect(() => decideProfile({ PHUKET_OPERATOR_NAME: 'Somchai' }, emulator)).toThrow(/PHUKET_OPERATOR_ROLE: must be set/);
    expect(() => decideProfile({ PHUKET_OPERATOR_ROLE: 'supervisor' }, here)).toThrow(/PHUKET_OPERATOR_NAME: must be set/);
    expect(() => decideProfile({ PHUKET_OPERATOR_NAME: 'Somchai', PHUKET_OPERATOR_ROLE: 'admin' }, here)).toThrow(/PHUKET_OPERATOR_ROLE: /);
    expect(() => decideProfile({ PHUKET_OPERATOR_NAME: 'x'.repeat(101), PHUKET_OPERATOR_ROLE: 'operator' }, here)).toThrow(/PHUKET_OPERATOR_NAME: /);
  });

  it('falls back to a workstation name when the machine has none', () => {
    expect(decideProfile({}, { builtInEmulator: false, hostname: '' }).profile.workstation).toBe('workstation');
    expect(decideProfile({}, { builtInEmulator: false, hostname: 'h'.repeat(300) }).profile.workstation).toHaveLength(100);
  });
});

describe('the launcher’s built-in emulator flag (Electron)', () => {
  const local = PlatformConfig.parse({ baseUrl: 'http://127.0.0.1:41234' });
  const remote = PlatformConfig.parse({ baseUrl: 'https://broker.phuket.example' });
  it('is believed only with a loopback platform', () => {
    expect(builtInEmulatorFromEnvironment({ PHUKET_BUILTIN_EMULATOR: '1' }, local)).toBe(true);
    expect(builtInEmulatorFromEnvironment({ PHUKET_BUILTIN_EMULATOR: '1' }, remote)).toBe(false);
    expect(builtInEmulatorFromEnvironment({ PHUKET_BUILTIN_EMULATOR: '1' }, null)).toBe(false);
    expect(builtInEmulatorFromEnvironment({}, local)).toBe(false);
    expect(builtInEmulatorFromEnvironment({ PHUKET_BUILTIN_EMULATOR: 'true' }, local)).toBe(false);
  });
});
