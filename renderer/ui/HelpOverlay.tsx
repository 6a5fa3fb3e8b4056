import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusTrap } from '../calltaker/focusTrap';
import { useConsole, useConsoleStore } from '../store/context';

const KEYS: [string, string][] = [
  ['i', 'i'],
  ['j / k', 'jk'],
  ['Enter', 'enter'],
  ['a', 'a'],
  ['d', 'd'],
  ['n', 'n'],
  ['s', 's'],
  ['r', 'r'],
  ['c', 'c'],
  ['o', 'o'],
  ['/', 'slash'],
  ['l', 'l'],
  ['?', 'question'],
  ['Esc', 'esc'],
];

/** Every key, in the operator's language. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const store = useConsoleStore();
  const box = useRef<HTMLDivElement>(null);
  const singleKeys = useConsole((s) => s.singleKeys);
  useFocusTrap(box);
  return (
    <div className="modal-backdrop" onClick={() => store.getState().setDialog(null)}>
      <div ref={box} tabIndex={-1} className="panel modal help" role="dialog" aria-modal="true" aria-label={t('help.dialog')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('help.dialog')}</h2>
        <dl className="help-keys">
          {KEYS.map(([key, id]) => (
            <div key={id}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(`help.keys.${id}`)}</dd>
            </div>
          ))}
        </dl>
        <label className="single-keys">
          <input type="checkbox" checked={singleKeys} onChange={(e) => store.getState().setSingleKeys(e.target.checked)} /> {t('help.singleKeys')}
        </label>
      </div>
    </div>
  );
}
