import { describe, expect, it } from 'vitest';
import { sopWords } from './sops';
import type { Sop } from './sops';

const drowning: Sop = {
  id: 'drowning',
  version: 1,
  title: { en: 'Drowning / water rescue', th: 'คนจมน้ำ / กู้ภัยทางน้ำ' },
  applies: { types: ['drowning'] },
  items: [{ id: 'location', text: { en: 'Confirm the exact beach', th: 'ยืนยันชายหาดที่เกิดเหตุ' } }],
};

describe('an SOP item in words', () => {
  it('names the procedure and the item in the window language', () => {
    expect(sopWords([drowning], 'drowning', 'location', 'th')).toEqual({ sop: 'คนจมน้ำ / กู้ภัยทางน้ำ', item: 'ยืนยันชายหาดที่เกิดเหตุ' });
    expect(sopWords([drowning], 'drowning', 'location', 'en')).toEqual({ sop: 'Drowning / water rescue', item: 'Confirm the exact beach' });
  });

  it('falls back to the ids for a procedure or item this console does not ship', () => {
    expect(sopWords([drowning], 'fire', 'exits', 'th')).toEqual({ sop: 'fire', item: 'exits' });
    expect(sopWords([drowning], 'drowning', 'gone', 'en')).toEqual({ sop: 'Drowning / water rescue', item: 'gone' });
  });
});
