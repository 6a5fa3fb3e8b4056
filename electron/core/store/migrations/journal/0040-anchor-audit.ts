import type { Migration } from '../migration';

/**
 * Anchors the audit chain: each record's HMAC under the installation's key (kept outside this file), in a
 * table of its own so records written before this step can be anchored without editing them. Append-only too.
 * The index serves "the last record of this event" (the operator profile last audited).
 */
export const anchorAudit: Migration = {
  version: 40,
  name: 'anchor-audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_mac (
        seq INTEGER PRIMARY KEY,
        mac TEXT NOT NULL
      );
      CREATE INDEX audit_by_event ON audit (event, seq);
      CREATE TRIGGER audit_mac_no_update BEFORE UPDATE ON audit_mac BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_mac_no_delete BEFORE DELETE ON audit_mac BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `);
  },
};
