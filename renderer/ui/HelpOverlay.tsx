import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleStore } from '../store/context';

const KEYS: [string, string][] = [
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
  useEffect(() => box.current?.focus(), []);
  return (
    <div className="modal-backdrop" onClick={() => store.getState().setDialog(null)}>
      <div ref={box} tabIndex={-1} className="panel modal help" role="dialog" aria-modal="true" aria-label={t('help.dialog')}>
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
      </div>
    </div>
  );
}
