import { log } from '../log/logger';
import { serveBadConfigPage } from './badConfigPage';
import { loadSettings, SettingsError } from './load';
import type { EffectiveSettings } from './load';
import { setCurrentSettings } from './view';

/**
 * The browser host's start: the effective config, or, when it is wrong, a page naming each bad field and
 * its file, served until the process is stopped (never a silent exit). `show` gets the page's URL.
 */
export async function settingsOrBadConfigPage(env: NodeJS.ProcessEnv, show: (url: string) => void): Promise<EffectiveSettings | null> {
  try {
    const options = { env: { ...env } };
    const effective = loadSettings(options);
    setCurrentSettings(effective, options);
    return effective;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) log().error('bad config', { field: problem.field, problem: problem.message, file: problem.file ?? problem.source });
    const page = await serveBadConfigPage(error.problems);
    const stop = () => void page.close().then(() => process.exit(1));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    show(page.url);
    return null;
  }
}
