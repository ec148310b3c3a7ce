package schemasync.model;

/**
 * What a step (or a change the tool declines to make) costs the live database. Which kinds
 * {@code --apply} accepts without being told is {@code HazardPolicy.ALLOWED_BY_DEFAULT}; the others
 * need {@code --allow-hazard KIND} or {@code db.allowHazard(KIND, "why")} in the block. See
 * docs/SAFETY.md.
 */
public enum HazardKind {
    /** Takes an ACCESS EXCLUSIVE lock briefly (metadata only): even SELECTs wait while it is held or queued, at most lock_timeout. */
    ACCESS_EXCLUSIVE_LOCK,
    /** Takes a SHARE ROW EXCLUSIVE or SHARE lock briefly (CREATE TRIGGER, ADD FOREIGN KEY): writes wait while it is held or queued. */
    WRITE_LOCK,
    /** Rewrites every row of a table that is not small, under an ACCESS EXCLUSIVE lock. */
    TABLE_REWRITE,
    /** Reads the whole of a table that is not small while holding a lock that blocks writes or reads. */
    FULL_SCAN_UNDER_LOCK,
    /** Reads the whole table to validate a constraint, under SHARE UPDATE EXCLUSIVE: reads and writes go on. */
    VALIDATION_SCAN,
    /** A plain CREATE INDEX (or UNIQUE constraint) on a table that is not small: writes wait for the whole build. */
    INDEX_BUILD,
    /** Removes data (DROP TABLE, DROP COLUMN). */
    DELETES_DATA,
    /** Runs after the commit, outside the apply's transaction (CONCURRENTLY, VALIDATE in its own transaction): not rolled back with it, re-runnable. */
    NOT_TRANSACTIONAL,
    /** SQL the tool cannot analyze (a custom step): its locks and duration are the author's to judge. */
    CUSTOM_SQL,
    /** Changes who may read, write or run something (GRANT, REVOKE, ALTER DEFAULT PRIVILEGES, row-level security, policies): no lock worth naming, but a security decision. */
    CHANGES_AUTHORIZATION
}
