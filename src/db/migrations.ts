/**
 * The relational schema, as versioned migrations (applied in order, each
 * once, recorded in `schema_migrations`). Keys are the Documents' stable
 * ids; children go with their parent (ON DELETE CASCADE), which is how a
 * changed release is replaced whole in those tables, its earlier version
 * kept in `document_versions` (migration 3). Indexes are on what people filter by:
 * class, verb, entity canonical name and type, date range, document date.
 *
 * Over 250 lines: the migrations are a history that only grows (a
 * migration once released is never edited), kept in one file so its order
 * is read at a glance.
 */
export interface Migration {
  version: number
  name: string
  sqlite: string
  postgres: string
}

/** Columns shared by both dialects; `T` is text, `I` integer, `R` a real number, `J` JSON. */
function tables(types: { T: string; I: string; R: string; J: string; DATE: string; NOW: string }): string {
  const { T, I, R, J, DATE, NOW } = types
  const position = `start_line ${I} NOT NULL, start_column ${I} NOT NULL, start_offset ${I} NOT NULL, end_line ${I} NOT NULL, end_column ${I} NOT NULL, end_offset ${I} NOT NULL`
  return `
CREATE TABLE documents (
  id ${T} PRIMARY KEY,
  schema_version ${T} NOT NULL,
  title ${T},
  date ${DATE},
  published_at ${T},
  modified_at ${T},
  kind ${T},
  source_path ${T},
  source_url ${T},
  source_format ${T} NOT NULL,
  source_sha256 ${T} NOT NULL,
  record_line ${I},
  record_field ${T},
  tags ${J} NOT NULL,
  abbreviations ${J} NOT NULL,
  warnings ${J} NOT NULL,
  commitment_count ${I} NOT NULL,
  document_hash ${T} NOT NULL,
  loaded_at ${T} NOT NULL DEFAULT ${NOW}
);
CREATE INDEX documents_date ON documents (date);
CREATE INDEX documents_kind ON documents (kind);

CREATE TABLE sections (
  document_id ${T} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx ${I} NOT NULL,
  heading ${T} NOT NULL,
  level ${I} NOT NULL,
  ${position},
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE commitments (
  id ${T} PRIMARY KEY,
  document_id ${T} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx ${I} NOT NULL,
  section_index ${I} NOT NULL,
  section ${T},
  parent_id ${T},
  context ${T},
  label ${T},
  text ${T} NOT NULL,
  verb ${T},
  phrase ${T},
  class ${T} NOT NULL,
  modality ${T} NOT NULL,
  topics ${J} NOT NULL,
  ${position}
);
CREATE INDEX commitments_document ON commitments (document_id, idx);
CREATE INDEX commitments_class ON commitments (class);
CREATE INDEX commitments_verb ON commitments (verb);
CREATE INDEX commitments_parent ON commitments (parent_id);

CREATE TABLE entities (
  commitment_id ${T} NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  ordinal ${I} NOT NULL,
  text ${T} NOT NULL,
  type ${T} NOT NULL,
  start_offset ${I} NOT NULL,
  end_offset ${I} NOT NULL,
  canonical ${T},
  PRIMARY KEY (commitment_id, ordinal)
);
CREATE INDEX entities_canonical ON entities (canonical);
CREATE INDEX entities_type_text ON entities (type, text);

CREATE TABLE dates (
  commitment_id ${T} NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  ordinal ${I} NOT NULL,
  text ${T} NOT NULL,
  value ${T} NOT NULL,
  start_offset ${I} NOT NULL,
  end_offset ${I} NOT NULL,
  date_from ${DATE},
  date_to ${DATE},
  mod ${T},
  PRIMARY KEY (commitment_id, ordinal)
);
CREATE INDEX dates_range ON dates (date_from, date_to);
CREATE INDEX dates_value ON dates (value);

CREATE TABLE amounts (
  commitment_id ${T} NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  ordinal ${I} NOT NULL,
  text ${T} NOT NULL,
  value ${R} NOT NULL,
  unit ${T} NOT NULL,
  max ${R},
  mod ${T},
  start_offset ${I} NOT NULL,
  end_offset ${I} NOT NULL,
  PRIMARY KEY (commitment_id, ordinal)
);
CREATE INDEX amounts_unit_value ON amounts (unit, value);

CREATE TABLE links (
  commitment_id ${T} NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  ordinal ${I} NOT NULL,
  text ${T} NOT NULL,
  url ${T} NOT NULL,
  PRIMARY KEY (commitment_id, ordinal)
);
`
}

/** Versions, revisions and timelines (SPEC §11, §12); the Documents already stored become version 1. */
function history(types: { T: string; I: string; DATE: string }): string {
  const { T, I, DATE } = types
  return `
CREATE TABLE document_versions (
  document_id ${T} NOT NULL,
  version ${I} NOT NULL,
  sha256 ${T} NOT NULL,
  modified_at ${T},
  seen_at ${T} NOT NULL,
  document ${T},
  PRIMARY KEY (document_id, version)
);
INSERT INTO document_versions (document_id, version, sha256, modified_at, seen_at) SELECT id, 1, source_sha256, modified_at, loaded_at FROM documents;

CREATE TABLE revisions (
  document_id ${T} NOT NULL,
  from_version ${I} NOT NULL,
  to_version ${I} NOT NULL,
  ordinal ${I} NOT NULL,
  change ${T} NOT NULL,
  commitment_id ${T},
  old_commitment_id ${T},
  field ${T},
  old_value ${T},
  new_value ${T},
  PRIMARY KEY (document_id, to_version, ordinal)
);
CREATE INDEX revisions_commitment ON revisions (commitment_id);

CREATE TABLE timelines (
  key ${T} NOT NULL,
  ordinal ${I} NOT NULL,
  name ${T} NOT NULL,
  type ${T} NOT NULL,
  date ${DATE},
  document_id ${T} NOT NULL,
  commitment_id ${T},
  class ${T},
  modality ${T},
  text ${T} NOT NULL,
  PRIMARY KEY (key, ordinal)
);
CREATE INDEX timelines_document ON timelines (document_id);
`
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'documents, sections, commitments and their mentions',
    sqlite: tables({ T: 'TEXT', I: 'INTEGER', R: 'REAL', J: 'TEXT', DATE: 'TEXT', NOW: "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))" }),
    postgres: tables({ T: 'text', I: 'integer', R: 'double precision', J: 'jsonb', DATE: 'date', NOW: "(to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))" })
  },
  {
    version: 2,
    name: 'full-text search over commitment text, label and section',
    // SQLite: an FTS5 index kept in step with the commitments table by triggers.
    sqlite: `
CREATE VIRTUAL TABLE commitments_fts USING fts5 (text, label, section, content = 'commitments', content_rowid = 'rowid', tokenize = 'porter unicode61');
CREATE TRIGGER commitments_fts_insert AFTER INSERT ON commitments BEGIN
  INSERT INTO commitments_fts (rowid, text, label, section) VALUES (new.rowid, new.text, new.label, new.section);
END;
CREATE TRIGGER commitments_fts_delete AFTER DELETE ON commitments BEGIN
  INSERT INTO commitments_fts (commitments_fts, rowid, text, label, section) VALUES ('delete', old.rowid, old.text, old.label, old.section);
END;
`,
    // PostgreSQL: a GIN index over the English text search vector.
    postgres: `
CREATE INDEX commitments_fts ON commitments USING gin (to_tsvector('english', coalesce(label, '') || ' ' || text));
`
  },
  {
    version: 3,
    name: 'document versions, revisions between them, initiative timelines',
    sqlite: history({ T: 'TEXT', I: 'INTEGER', DATE: 'TEXT' }),
    postgres: history({ T: 'text', I: 'integer', DATE: 'date' })
  },
  {
    version: 4,
    name: 'the rule that found each entity (SPEC §9)',
    sqlite: `ALTER TABLE entities ADD COLUMN rule TEXT;`,
    postgres: `ALTER TABLE entities ADD COLUMN rule text;`
  },
  {
    version: 5,
    name: 'commitment unit and actor (schema version 2)',
    // Rows written before keep their meaning: every commitment then was an item or a labelled paragraph, with no actor read.
    sqlite: unitAndActor('TEXT', 'INTEGER'),
    postgres: unitAndActor('text', 'integer')
  },
  {
    version: 6,
    name: 'the rule behind each action, date and amount, and the lexicon entry behind an action or entity (schema version 3)',
    // Rows written before name no rule: NULL says "not recorded", which no rule id is.
    sqlite: rulesAndEntries('TEXT'),
    postgres: rulesAndEntries('text')
  }
]

/** SPEC §9 `rule` on actions, dates and amounts, and the lexicon entry (`entry`, `entry_source`) of actions and entities. */
function rulesAndEntries(T: string): string {
  return `
ALTER TABLE commitments ADD COLUMN action_rule ${T};
ALTER TABLE commitments ADD COLUMN action_entry ${T};
ALTER TABLE commitments ADD COLUMN action_entry_source ${T};
ALTER TABLE entities ADD COLUMN entry ${T};
ALTER TABLE entities ADD COLUMN entry_source ${T};
ALTER TABLE dates ADD COLUMN rule ${T};
ALTER TABLE amounts ADD COLUMN rule ${T};`
}

/** SPEC §4 `unit` and §5 `actor` as columns, added to an existing table (no rebuild). */
function unitAndActor(T: string, I: string): string {
  return `
ALTER TABLE commitments ADD COLUMN unit ${T} NOT NULL DEFAULT 'item';
ALTER TABLE commitments ADD COLUMN actor ${T};
ALTER TABLE commitments ADD COLUMN actor_start ${I};
ALTER TABLE commitments ADD COLUMN actor_end ${I};
ALTER TABLE commitments ADD COLUMN actor_canonical ${T};
CREATE INDEX commitments_unit ON commitments (unit);
CREATE INDEX commitments_actor_canonical ON commitments (actor_canonical);
`
}
