import { hostname } from 'node:os';
import { OperatorProfile } from '../../shared/domain';
import { ConfigError } from './config';

/**
 * Who is at this console, from PHUKET_OPERATOR_NAME, PHUKET_OPERATOR_ROLE (operator | supervisor) and
 * PHUKET_WORKSTATION. With none set, a demo supervisor on this machine, so `npm start` works as is.
 */
export function profileFromEnvironment(env: NodeJS.ProcessEnv): OperatorProfile {
  const parsed = OperatorProfile.safeParse({
    name: env['PHUKET_OPERATOR_NAME'] || 'Demo Supervisor',
    role: env['PHUKET_OPERATOR_ROLE'] || 'supervisor',
    workstation: env['PHUKET_WORKSTATION'] || hostname().slice(0, 100) || 'workstation',
  });
  if (!parsed.success) throw new ConfigError(`operator profile is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
