package schemasync.plan;

/** What a step (or a change the tool declines to make) costs the live database. */
public enum HazardKind {
    /** Takes an ACCESS EXCLUSIVE lock: even SELECTs on the table wait while it is held or queued. */
    ACCESS_EXCLUSIVE_LOCK,
    /** Takes a SHARE ROW EXCLUSIVE lock (CREATE TRIGGER, ADD FOREIGN KEY): writes wait while it is held or queued. */
    WRITE_LOCK,
    /** Rewrites every row of the table under an ACCESS EXCLUSIVE lock. */
    TABLE_REWRITE,
    /** Reads the whole table while holding a lock that blocks writes or reads (SET NOT NULL, ADD PRIMARY KEY). */
    FULL_SCAN_UNDER_LOCK,
    /** Reads the whole table to validate a constraint, under a lock that lets reads and writes go on. */
    VALIDATION_SCAN,
    /** Builds an index: a plain CREATE INDEX holds a SHARE lock that blocks writes until it finishes. */
    INDEX_BUILD,
    /** Would remove data (DROP ...). */
    DELETES_DATA,
    /** Cannot run inside the apply transaction. */
    NOT_TRANSACTIONAL,
    /** SQL the tool cannot analyze (a custom step): its locks and duration are the author's to judge. */
    CUSTOM_SQL,
    /** Changes who may read, write or run something (GRANT, REVOKE, ALTER DEFAULT PRIVILEGES): no lock, but a security decision. */
    CHANGES_AUTHORIZATION
}
