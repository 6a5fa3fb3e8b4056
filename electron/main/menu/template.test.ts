import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../../shared/contract/about';
import { menuTemplate } from './template';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function harness() {
  const calls: string[] = [];
  const actions = { command: (c: AppCommand) => calls.push(c), exportAudit: () => calls.push('audit'), exportDiagnostics: () => calls.push('diagnostics'), openLogFolder: () => calls.push('logs') };
  return { calls, actions };
}

const click = (item: MenuItemConstructorOptions | undefined) => {
  if (!item?.click) throw new Error(`no click on ${item?.id}`);
  // The template's handlers ignore Electron's arguments, which a test cannot make without Electron.
  Reflect.apply(item.click, undefined, []);
};

describe('the application menu', () => {
  it('has File, View and Help with the issue’s commands', () => {
    const { actions } = harness();
    const template = menuTemplate('en', actions);
    expect(template.map((m) => m.label)).toEqual(['&File', '&View', '&Help']);
    const ids = items(template).map((i) => i.id).filter(Boolean);
    expect(ids).toEqual(
      expect.arrayContaining(['export-audit', 'export-profile', 'import-profile', 'export-diagnostics', 'quit', 'windows', 'language-en', 'language-th', 'full-screen', 'zoom-in', 'zoom-out', 'zoom-reset', 'keys', 'about', 'log-folder']),
    );
    const byId = (id: string) => items(template).find((i) => i.id === id);
    expect(byId('quit')?.role).toBe('quit');
    expect(byId('full-screen')?.role).toBe('togglefullscreen');
  });

  it('sends each window command to the injected actions, and nothing else', () => {
    const { calls, actions } = harness();
    const all = items(menuTemplate('en', actions));
    for (const id of ['export-audit', 'import-profile', 'language-th', 'keys', 'about', 'export-diagnostics', 'log-folder']) click(all.find((i) => i.id === id));
    expect(calls).toEqual(['audit', 'import-profile', 'language-th', 'keys', 'about', 'diagnostics', 'logs']);
  });

  it('is labelled in Thai, with the same structure, and checks the language in use', () => {
    const { actions } = harness();
    const en = items(menuTemplate('en', actions));
    const th = items(menuTemplate('th', actions));
    expect(th.map((i) => i.id)).toEqual(en.map((i) => i.id));
    const label = (list: MenuItemConstructorOptions[], id: string) => list.find((i) => i.id === id)?.label;
    expect(label(th, 'about')).toMatch(/[\u0E00-\u0E7F]/);
    expect(label(th, 'export-audit')).toMatch(/[\u0E00-\u0E7F]/);
    expect(th.filter((i) => i.label && i.type !== 'separator' && i.id !== 'language-en' && i.id !== 'language-th').every((i) => /[\u0E00-\u0E7F]/.test(i.label ?? ''))).toBe(true);
    expect(th.find((i) => i.id === 'language-th')?.checked).toBe(true);
    expect(en.find((i) => i.id === 'language-en')?.checked).toBe(true);
  });

  it('is pure: the same input gives the same template', () => {
    const { actions } = harness();
    const strip = (t: MenuItemConstructorOptions[]) => JSON.stringify(t);
    expect(strip(menuTemplate('th', actions))).toBe(strip(menuTemplate('th', actions)));
  });
});
