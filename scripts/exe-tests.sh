# Sourced by scripts/test-windows.sh and scripts/build-portable.sh: runs modules of the
# `tests/exe` test binary (the CLI test bodies, tests/exe/main.rs) against another build of
# lianxi, which the caller names in LIANXI_TEST_EXE, and fails unless every module named has
# tests, exactly the tests of those modules ran, all of them passed and none was skipped.
#
#   exe_tests LOG MIN MODULE…    e.g. exe_tests "$log" 20 roster_cli cli_street
#
# MIN is the least number of tests expected in all. Sets exe_passed to the number that passed.
exe_tests() {
  local log=$1 min=$2
  shift 2
  local modules=("$@") filters=() m listed expected others ran passed failed skipped
  for m in "${modules[@]}"; do filters+=("$m::"); done

  # What those filters select, as the harness lists it (names are module::test).
  listed=$(cargo test -p lianxi --test exe -- --list "${filters[@]}" 2>/dev/null | sed -n 's/: test$//p')
  for m in "${modules[@]}"; do
    grep -q "^$m::" <<<"$listed" || {
      echo "FAILED: tests/exe has no tests in module $m" >&2
      return 1
    }
  done
  # A filter is a substring: make sure it caught nothing outside the modules named.
  others=$(awk -v re="^($(IFS='|'; echo "${modules[*]}"))::" '$0 !~ re' <<<"$listed")
  if [ -n "$others" ]; then
    echo "FAILED: the filters also select tests of other modules: $others" >&2
    return 1
  fi
  expected=$(grep -c . <<<"$listed")

  cargo test -p lianxi --test exe -- "${filters[@]}" 2>&1 | tee "$log"
  # The binary's summary line: "test result: ok. N passed; 0 failed; M ignored; ..."
  read -r ran passed failed skipped < <(awk '/^test result: / { n++ } /^test result: ok\./ { p += $4; f += $6; i += $8 } END { print n+0, p+0, f+0, i+0 }' "$log")
  if [ "$ran" -ne 1 ] || [ "$failed" -ne 0 ] || [ "$skipped" -ne 0 ] \
    || [ "$passed" -ne "$expected" ] || [ "$passed" -lt "$min" ]; then
    echo "FAILED: $passed of $expected tests in ${#modules[@]} modules passed ($ran summaries, $skipped skipped; at least $min expected)" >&2
    return 1
  fi
  exe_passed=$passed
}
