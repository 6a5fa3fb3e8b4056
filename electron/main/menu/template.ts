import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../../shared/contract/about';

export type MenuLanguage = 'en' | 'th';

/** What the menu does, injected so the template stays pure: window commands go to the focused window. */
export interface MenuActions {
  /** A command the focused window carries out (it has the state: the profile, the language, the dialogs). */
  readonly command: (command: AppCommand) => void;
  readonly exportAudit: () => void;
  readonly exportDiagnostics: () => void;
  readonly openLogFolder: () => void;
}

const LABELS = {
  en: {
    file: '&File',
    exportAudit: 'Export audit log…',
    exportProfile: 'Export profile…',
    importProfile: 'Import profile…',
    exportDiagnostics: 'Export diagnostics',
    quit: 'Quit',
    view: '&View',
    windows: 'Windows and roles…',
    language: 'Language',
    fullScreen: 'Full screen',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size',
    settings: 'Settings in effect…',
    help: '&Help',
    keys: 'Keyboard shortcuts',
    logFolder: 'Open the log folder',
    about: 'About Phuket Command Console',
  },
  th: {
    file: 'ไฟล์',
    exportAudit: 'ส่งออกบันทึกการตรวจสอบ…',
    exportProfile: 'ส่งออกโปรไฟล์…',
    importProfile: 'นำเข้าโปรไฟล์…',
    exportDiagnostics: 'ส่งออกข้อมูลวินิจฉัย',
    quit: 'ออกจากโปรแกรม',
    view: 'มุมมอง',
    windows: 'หน้าต่างและบทบาท…',
    language: 'ภาษา',
    fullScreen: 'เต็มจอ',
    zoomIn: 'ขยาย',
    zoomOut: 'ย่อ',
    zoomReset: 'ขนาดจริง',
    settings: 'การตั้งค่าที่ใช้อยู่…',
    help: 'วิธีใช้',
    keys: 'แป้นพิมพ์ลัด',
    logFolder: 'เปิดโฟลเดอร์บันทึก',
    about: 'เกี่ยวกับคอนโซลสั่งการภูเก็ต',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

/**
 * The application menu: File, View, Help, labelled in the console's language. Pure: the same input gives
 * the same template, and every action is one of `actions` or an Electron role.
 */
export function menuTemplate(language: MenuLanguage, actions: MenuActions): MenuItemConstructorOptions[] {
  const l = LABELS[language];
  const run = (command: AppCommand) => () => actions.command(command);
  return [
    {
      label: l.file,
      submenu: [
        { id: 'export-audit', label: l.exportAudit, click: () => actions.exportAudit() },
        { id: 'export-profile', label: l.exportProfile, click: run('export-profile') },
        { id: 'import-profile', label: l.importProfile, click: run('import-profile') },
        { id: 'export-diagnostics', label: l.exportDiagnostics, click: () => actions.exportDiagnostics() },
        { type: 'separator' },
        { id: 'quit', label: l.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { id: 'windows', label: l.windows, click: run('windows') },
        {
          id: 'language',
          label: l.language,
          submenu: [
            { id: 'language-en', label: 'English', type: 'radio', checked: language === 'en', click: run('language-en') },
            { id: 'language-th', label: 'ไทย', type: 'radio', checked: language === 'th', click: run('language-th') },
          ],
        },
        { id: 'settings', label: l.settings, click: run('settings') },
        { type: 'separator' },
        { id: 'full-screen', label: l.fullScreen, role: 'togglefullscreen' },
        { id: 'zoom-in', label: l.zoomIn, role: 'zoomIn' },
        { id: 'zoom-out', label: l.zoomOut, role: 'zoomOut' },
        { id: 'zoom-reset', label: l.zoomReset, role: 'resetZoom' },
      ],
    },
    {
      label: l.help,
      role: 'help',
      submenu: [
        // The console's own keys are single letters handled in the window; `?` shows them there too.
        { id: 'keys', label: l.keys, click: run('keys') },
        { id: 'log-folder', label: l.logFolder, click: () => actions.openLogFolder() },
        { type: 'separator' },
        { id: 'about', label: l.about, click: run('about') },
      ],
    },
  ];
}
