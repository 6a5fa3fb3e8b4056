import type { EffectiveSettings } from './load';

/**
 * The environment the existing readers (operator profile, log level) see: the effective config's values
 * written as the PHUKET_* variables they already read. The environment already won the layering, so
 * this only fills in what came from the files.
 */
export function environmentWithSettings(effective: EffectiveSettings, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { operator, workstation, logLevel } = effective.settings;
  return {
    ...env,
    ...(operator ? { PHUKET_OPERATOR_NAME: operator.name, PHUKET_OPERATOR_ROLE: operator.role } : {}),
    ...(workstation ? { PHUKET_WORKSTATION: workstation } : {}),
    PHUKET_LOG_LEVEL: logLevel,
  };
}
