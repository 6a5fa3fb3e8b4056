import type { ProfileMode } from '../../shared/contract';
import { OperatorProfile } from '../../shared/domain';
import type { PlatformConfig } from './config';
import { ConfigError } from './config';

/** Who is at this console, and why: the profile every action and audit record names, and its mode. */
export interface ProfileDecision {
  readonly profile: OperatorProfile;
  readonly mode: ProfileMode;
}

export interface ProfileContext {
  /** True only when the platform is the emulator this launch started itself (`npm start` with nothing configured). */
  readonly builtInEmulator: boolean;
  /** This machine's name: the workstation when PHUKET_WORKSTATION is not set. */
  readonly hostname: string;
}

const FIELDS: Readonly<Record<string, string>> = { name: 'PHUKET_OPERATOR_NAME', role: 'PHUKET_OPERATOR_ROLE', workstation: 'PHUKET_WORKSTATION' };

/**
 * Fails closed. A profile is configured when PHUKET_OPERATOR_NAME or PHUKET_OPERATOR_ROLE is set, and
 * then both must be (the role grants the power, so it is never guessed). With neither, the built-in
 * emulator gets a demo supervisor so `npm start` works as is; any other platform gets a read-only
 * viewer, because an action with nobody accountable for it must not reach a real platform.
 */
export function decideProfile(env: NodeJS.ProcessEnv, context: ProfileContext): ProfileDecision {
  const name = env['PHUKET_OPERATOR_NAME']?.trim() ?? '';
  const role = env['PHUKET_OPERATOR_ROLE']?.trim() ?? '';
  const workstation = env['PHUKET_WORKSTATION']?.trim() || context.hostname.slice(0, 100) || 'workstation';
  if (name === '' && role === '') {
    const profile = context.builtInEmulator ? { name: 'Demo Supervisor', role: 'supervisor', workstation } : { name: 'Viewer', role: 'viewer', workstation };
    return { profile: parseProfile(profile), mode: context.builtInEmulator ? 'demo' : 'viewer' };
  }
  return { profile: parseProfile({ name, role, workstation }), mode: 'configured' };
}

function parseProfile(raw: Readonly<Record<string, string>>): OperatorProfile {
  const parsed = OperatorProfile.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return `${FIELDS[key] ?? key}: ${raw[key] === '' ? 'must be set' : issue.message}`;
  });
  throw new ConfigError(`operator profile is invalid: ${problems.join('; ')}`);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * In Electron, the launcher says by PHUKET_BUILTIN_EMULATOR=1 that the platform it passes is the emulator
 * it started. Believed only for a loopback platform, so the flag cannot turn a real broker into a demo.
 */
export function builtInEmulatorFromEnvironment(env: NodeJS.ProcessEnv, platform: PlatformConfig | null): boolean {
  return env['PHUKET_BUILTIN_EMULATOR'] === '1' && platform !== null && LOOPBACK.has(new URL(platform.baseUrl).hostname);
}
