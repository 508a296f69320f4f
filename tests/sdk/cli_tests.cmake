# wfn-host end to end: each test runs one command and checks the exit code
# and what appears on stdout and stderr (run_cli.cmake).
#
# sdk_cli_test(<name> EXIT <code> ARGS ... [STDOUT regex...] [STDERR regex...]
#              [STDERR_NOT regex...] [STDIN file] [STDOUT_FILE file])
function(sdk_cli_test name)
  cmake_parse_arguments(ARG "" "EXIT;STDIN;STDOUT_FILE" "ARGS;STDOUT;STDERR;STDERR_NOT" ${ARGN})
  foreach(list ARGS STDOUT STDERR STDERR_NOT)
    string(REPLACE ";" "^^" ${list} "${ARG_${list}}")
  endforeach()
  add_test(NAME sdk.cli.${name}
    COMMAND "${CMAKE_COMMAND}" "-DPROGRAM=$<TARGET_FILE:wfn-host>" "-DARGS=${ARGS}" "-DEXPECT_EXIT=${ARG_EXIT}"
            "-DSTDOUT=${STDOUT}" "-DSTDERR=${STDERR}" "-DSTDERR_NOT=${STDERR_NOT}" "-DSTDIN=${ARG_STDIN}"
            "-DSTDOUT_FILE=${ARG_STDOUT_FILE}"
            -P "${CMAKE_CURRENT_SOURCE_DIR}/run_cli.cmake")
  # The CLI must never fall back to some other folder behind the test's back.
  set_tests_properties(sdk.cli.${name} PROPERTIES ENVIRONMENT "WFN_PLUGINS_DIR=;WFN_PLUGINS_PATH=")
endfunction()

set(good "${WFN_TEST_GOOD_PLUGINS_DIR}")
set(mixed "${WFN_TEST_PLUGINS_DIR}")
set(workflows "${CMAKE_CURRENT_SOURCE_DIR}/workflows")

# ---- list / describe ---------------------------------------------------------------
sdk_cli_test(list_shows_the_test_plugins_nodes EXIT 0 ARGS list --plugins "${good}"
  STDOUT "test\\.echo +v1 +Echo +com\\.wfn\\.test 1\\.0\\.0" "test\\.slow +v1 +Slow" "test\\.rendezvous")
sdk_cli_test(list_prints_each_load_error_as_a_warning EXIT 0 ARGS list --plugins "${mixed}"
  STDOUT "test\\.echo" "raw\\.twice"
  STDERR "warning: [^\n]*no-entry-symbol/libnot_a_plugin\\.so: does not export wfn_get_plugin_entry"
         "warning: [^\n]*abi-major/manifest\\.json: declares wfn ABI 2\\.0, but this host speaks ABI 1\\.1"
         "warning: [^\n]*abi-minor/manifest\\.json: declares wfn ABI 1\\.2, a newer minor version"
         "warning: [^\n]*lying-ids/manifest\\.json: does not match the library"
         "warning: [^\n]*not-a-library/libwfn_text\\.so: cannot be loaded as a shared library: [^\n]*invalid ELF header"
         "warning: [^\n]*missing-library/libwfn_absent\\.so: does not exist"
         "warning: [^\n]*invalid-json/manifest\\.json: is not valid JSON"
         "warning: [^\n]*libc/manifest\\.json: names \"libc\\.so\\.6\", which leaves the plugin folder"
         "warning: [^\n]*twin/manifest\\.json: provides node test\\.echo, which plugin com\\.wfn\\.test")
sdk_cli_test(list_json_is_machine_readable EXIT 0 ARGS list --json --plugins "${good}"
  STDOUT "\"id\": \"test\\.echo\"" "\"plugin\": \"com\\.wfn\\.test\"")
sdk_cli_test(describe_prints_the_manifest_and_credential_type EXIT 0 ARGS describe test.echo --plugins "${good}"
  STDOUT "\"flags\": \\[[ \n]*\"idempotent\"" "\"credentialType\": {" "\"displayName\": \"Test token\""
         "\"x-ui\": {" "\"credentialTypes\": \\[[ \n]*{[ \n]*\"id\": \"test\\.token\"")
sdk_cli_test(describe_of_an_unknown_node_is_a_usage_error EXIT 2 ARGS describe test.nope --plugins "${good}"
  STDERR "^wfn-host: error: no loaded plugin provides node test\\.nope \\(plugins folder: "
  STDERR_NOT "did you mean")
# describe keeps every canvas hint in its JSON; --text lays them out to read.
sdk_cli_test(describe_json_keeps_every_canvas_hint EXIT 0 ARGS describe test.items --plugins "${good}"
  STDOUT "\"showIf\": {[ \n]*\"Paged\": \\[[ \n]*true"
         "\"choiceGroup\": {[ \n]*\"name\": \"failure\""
         "\"options\": {[ \n]*\"node\": \"test\\.items\",[ \n]*\"params\": {[ \n]*\"Count\": 5[ \n]*},[ \n]*\"items\": \"Items\"")
sdk_cli_test(describe_text_summarises_inputs_hints_and_outputs EXIT 0 ARGS describe test.items --text --plugins "${good}"
  STDOUT "^Items \\(test\\.items, version 1\\)\nPlugin: SDK test plugin \\(com\\.wfn\\.test 1\\.0\\.0\\)\nFlags: idempotent\n\nLists Count items in pages\\.\n"
         "\nInputs:\n  Count \"Item Count\": integer, 0 to 1000, default 3\n      How many items to list\\.\n  Paged: boolean, default true\n"
         "\n  PageSize \"Page Size\": integer, at least 1, default 2\n      shown when Paged is true\n"
         "\n  FailAfter \"Fail After\": integer, at least 0, advanced\n      in choice group \"failure\" as \"After a count\"\n"
         "\n  FailAtIndex \"Fail At\": integer, advanced\n      in choice group \"failure\" as \"At an item\"\n      choices from test\\.items \\(Items: Index → Index\\), listed with {\"Count\":5}\n"
         "\nChoice groups \\(give exactly one input of each\\):\n  failure: FailAfter \"After a count\" or FailAtIndex \"At an item\"\n"
         "\nOutputs:\n  StatusCode \"Status Code\": integer, always present\n  ErrorMessage \"Error Message\": string, always present\n  Items: array of object\n  Listed \"Items Listed\": integer\n"
         "\nCredential types: none\n$")
sdk_cli_test(describe_text_shows_the_credential_type_and_its_members EXIT 0 ARGS describe test.echo --text --plugins "${good}"
  STDOUT "\nInputs:\n  Message: string, at most 100 characters\n"
         "\nCredential types:\n  test\\.token \"Test token\"\n    Token: string, required, secret\n$")

# Output that cannot be written must not look like success.
sdk_cli_test(list_fails_when_stdout_cannot_be_written EXIT 1 STDOUT_FILE /dev/full ARGS list --plugins "${good}"
  STDERR "^wfn-host: error: could not write the output to standard output")
sdk_cli_test(run_fails_when_stdout_cannot_be_written EXIT 1 STDOUT_FILE /dev/full
  ARGS run test.echo --params "{}" --plugins "${good}"
  STDERR "^wfn-host: error: could not write the output to standard output")

# ---- run -----------------------------------------------------------------------------
# --output ndjson: a list's items as they arrive, one per line, then the
# output without the list; a list that fails midway keeps what it listed.
sdk_cli_test(run_ndjson_prints_each_item_then_the_output_without_the_list EXIT 0
  ARGS run test.items --params "{\"Count\":3,\"PageSize\":2}" --output ndjson --plugins "${good}"
  STDOUT "^\\{\"Index\":0\\}\n\\{\"Index\":1\\}\n\\{\"Index\":2\\}\n\\{\"StatusCode\":200,\"ErrorMessage\":\"\",\"Complete\":true,\"Listed\":3\\}\n$")
sdk_cli_test(run_ndjson_keeps_the_items_listed_before_a_failure EXIT 1
  ARGS run test.items --params "{\"Count\":5,\"PageSize\":2,\"FailAfter\":2}" --output ndjson --plugins "${good}"
  STDOUT "^\\{\"Index\":0\\}\n\\{\"Index\":1\\}\n\\{\"StatusCode\":503,[^\n]*\"Complete\":false,\"Listed\":2\\}\n$")
sdk_cli_test(run_refuses_an_unknown_output_format EXIT 2
  ARGS run test.items --params "{}" --output xml --plugins "${good}"
  STDERR "^wfn-host: error: run: --output xml is not one of json, ndjson\n$")
# --log-format json: one object per line, fields kept as an object; progress
# reports are records when stderr is not a terminal.
sdk_cli_test(run_log_format_json_writes_one_record_per_line EXIT 0
  ARGS run test.items --params "{\"Count\":3,\"PageSize\":2}" --log-level info --log-format json --plugins "${good}"
  STDERR "^\\{\"time\":\"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\\.[0-9][0-9][0-9]Z\",\"level\":\"info\",\"source\":\"test\\.items\",\"message\":\"test\\.items: listed a page\",\"fields\":\\{\"node\":\"test\\.items\",\"done\":\"2\"\\}\\}\n"
         "\n\\{\"time\":\"[^\"]+\",\"level\":\"info\",\"source\":\"test\\.items\",\"message\":\"listing\",\"event\":\"progress\",\"done\":2,\"total\":3\\}\n")
sdk_cli_test(warnings_follow_the_log_format EXIT 0 ARGS list --log-format json --plugins "${mixed}"
  STDERR "\\{\"time\":\"[^\"]+\",\"level\":\"warn\",\"source\":\"wfn-host\",\"message\":\"[^\"\n]*no-entry-symbol/libnot_a_plugin\\.so: does not export wfn_get_plugin_entry[^\n]*\"\\}\n")
sdk_cli_test(an_unknown_log_format_is_a_usage_error EXIT 2 ARGS list --log-format yaml --plugins "${good}"
  STDERR "^wfn-host: error: --log-format yaml is not one of text, json\n$")
sdk_cli_test(run_reports_progress_as_lines_at_info_when_stderr_is_not_a_terminal EXIT 0
  ARGS run test.items --params "{\"Count\":3,\"PageSize\":2}" --log-level info --plugins "${good}"
  STDERR "wfn-host: \\[info\\] test\\.items: test\\.items: listed a page \\(node=test\\.items, done=2\\)\nwfn-host: \\[progress\\] test\\.items: 2 of 3 items, listing\n")
sdk_cli_test(run_keeps_progress_records_out_of_quiet_logs EXIT 0
  ARGS run test.items --params "{\"Count\":3,\"PageSize\":2}" --plugins "${good}"
  STDERR_NOT "progress")
# On a terminal (a pseudo-terminal made by script(1)) progress is one line
# redrawn in place and cleared when the call ends.
find_program(WFN_SCRIPT_PROGRAM script)
if(WFN_SCRIPT_PROGRAM)
  add_test(NAME sdk.cli.run_redraws_one_progress_line_on_a_terminal
    COMMAND "${CMAKE_COMMAND}" "-DPROGRAM=${WFN_SCRIPT_PROGRAM}"
            "-DARGS=-qec^^'$<TARGET_FILE:wfn-host>' run test.items --params '{\"Count\":3,\"PageSize\":2}' --plugins '${good}' >/dev/null^^/dev/null"
            "-DEXPECT_EXIT=0"
            "-DSTDOUT=\r.\\[Kwfn-host: test\\.items: 2 of 3 items, listing\r.\\[Kwfn-host: test\\.items: 3 of 3 items\r.\\[K$"
            -P "${CMAKE_CURRENT_SOURCE_DIR}/run_cli.cmake")
  set_tests_properties(sdk.cli.run_redraws_one_progress_line_on_a_terminal PROPERTIES ENVIRONMENT "WFN_PLUGINS_DIR=")
endif()

sdk_cli_test(run_prints_the_output_and_exits_0_on_2xx EXIT 0
  ARGS run test.echo --params "{\"Message\":\"hi\"}" --credentials "{\"Token\":\"t\"}" --plugins "${good}"
  STDOUT "\"StatusCode\": 200" "\"Message\": \"hi\"" "\"HasCredentials\": true")
sdk_cli_test(run_reads_params_from_a_file EXIT 0
  ARGS run test.echo --params "@${CMAKE_CURRENT_SOURCE_DIR}/workflows/echo-params.json" --plugins "${good}"
  STDOUT "\"Message\": \"from a file\"")
sdk_cli_test(run_reads_params_from_stdin EXIT 0 STDIN "${CMAKE_CURRENT_SOURCE_DIR}/workflows/echo-params.json"
  ARGS run test.echo --params @- --plugins "${good}"
  STDOUT "\"Message\": \"from a file\"")
sdk_cli_test(run_refuses_two_readers_of_stdin EXIT 2 STDIN "${CMAKE_CURRENT_SOURCE_DIR}/workflows/echo-params.json"
  ARGS run test.echo --params @- --credentials @- --plugins "${good}"
  STDERR "only one of --params and --credentials can read standard input")
sdk_cli_test(run_exits_1_when_the_node_fails EXIT 1 ARGS run test.throw_std --params "{}" --plugins "${good}"
  STDOUT "\"StatusCode\": 500" "boom from test\\.throw_std")
# Every JSON argument's mistake is a usage error naming its line and column,
# as the workflow file's are, before any plugin loads.
sdk_cli_test(run_names_the_line_and_column_of_invalid_params EXIT 2
  ARGS run test.echo --params "{not json" --plugins "${good}"
  STDERR "^wfn-host: error: --params is not valid JSON \\(line 1, column 2: syntax error\\)\n$")
sdk_cli_test(run_names_the_line_and_column_in_a_params_file EXIT 2
  ARGS run test.echo --params "@${workflows}/broken-params.json" --plugins "${good}"
  STDERR "^wfn-host: error: --params is not valid JSON \\(line 3, column 11: syntax error\\)\n$")
sdk_cli_test(run_names_the_line_and_column_of_invalid_credentials EXIT 2
  ARGS run test.echo --params "{}" --credentials "{\"Token\": }" --plugins "${good}"
  STDERR "^wfn-host: error: --credentials is not valid JSON \\(line 1, column 11: syntax error\\)\n$")
sdk_cli_test(run_refuses_params_that_are_not_an_object EXIT 2
  ARGS run test.echo --params "[1]" --plugins "${good}"
  STDERR "^wfn-host: error: --params must be a JSON object\n$")
sdk_cli_test(workflow_names_the_line_and_column_of_invalid_input EXIT 2
  ARGS workflow "${workflows}/chain.workflow.json" --input "@${workflows}/broken-input.json" --plugins "${good}"
  STDERR "^wfn-host: error: --input is not valid JSON \\(line 4, column 3: syntax error\\)\n$")
sdk_cli_test(workflow_names_the_line_and_column_of_invalid_credentials EXIT 2
  ARGS workflow "${workflows}/chain.workflow.json" --credentials "{\"Token\":\"t\",}" --plugins "${good}"
  STDERR "^wfn-host: error: --credentials is not valid JSON \\(line 1, column 14: syntax error\\)\n$")
sdk_cli_test(credentials_test_names_the_line_and_column_of_invalid_credentials EXIT 2
  ARGS credentials test --type test.token --credentials "{\"Token\": \"t\"" --plugins "${good}"
  STDERR "^wfn-host: error: --credentials is not valid JSON \\(line 1, column 14: incomplete JSON")
sdk_cli_test(run_refuses_a_timeout_beyond_24_hours EXIT 2
  ARGS run test.echo --params "{}" --timeout-ms 10000000000000 --plugins "${good}"
  STDERR "run: --timeout-ms must be 0 \\(no deadline\\) to 86400000 \\(24 hours\\), not 10000000000000")
sdk_cli_test(run_honours_the_timeout EXIT 1
  ARGS run test.slow --params "{\"Ms\":10000}" --timeout-ms 100 --plugins "${good}"
  STDOUT "\"StatusCode\": 504" "deadline of 100 ms")
sdk_cli_test(run_logs_from_the_requested_level EXIT 0 ARGS run test.log --params "{}" --log-level info --plugins "${good}"
  STDERR "wfn-host: \\[info\\] test\\.log: info line" "wfn-host: \\[error\\] test\\.log: error line"
  STDERR_NOT "debug line")
sdk_cli_test(run_of_a_node_of_a_broken_plugin_is_a_usage_error EXIT 2
  ARGS run lying.ghost --params "{}" --plugins "${mixed}"
  STDERR "warning: [^\n]*lying-ids" "error: no loaded plugin provides node lying\\.ghost")
sdk_cli_test(run_without_params_is_a_usage_error EXIT 2 ARGS run test.echo --plugins "${good}"
  STDERR "^wfn-host: error: run: the option '--params' is required")
sdk_cli_test(run_with_an_unreadable_params_file_is_a_usage_error EXIT 2
  ARGS run test.echo --params "@/no/such/params.json" --plugins "${good}"
  STDERR "^wfn-host: error: --params: the file /no/such/params\\.json cannot be read")
sdk_cli_test(an_unknown_log_level_is_a_usage_error EXIT 2
  ARGS run test.echo --params "{}" --log-level loud --plugins "${good}"
  STDERR "--log-level loud is not one of trace, debug, info, warn, error")
sdk_cli_test(a_mistyped_log_level_suggests_the_closest EXIT 2
  ARGS list --log-level debg --plugins "${good}"
  STDERR "^wfn-host: error: --log-level debg is not one of trace, debug, info, warn, error; did you mean `debug`\\?\n$")
sdk_cli_test(a_mistyped_output_format_suggests_the_closest EXIT 2
  ARGS run test.items --params "{}" --output ndjsn --plugins "${good}"
  STDERR "^wfn-host: error: run: --output ndjsn is not one of json, ndjson; did you mean `ndjson`\\?\n$")
sdk_cli_test(a_missing_plugins_folder_is_a_usage_error EXIT 2 ARGS list --plugins "${good}/nowhere"
  STDERR "^wfn-host: error: The plugins folder [^\n]*nowhere does not exist")
sdk_cli_test(an_unknown_command_is_a_usage_error EXIT 2 ARGS frobnicate
  STDERR "^wfn-host: error: unknown command \"frobnicate\"" STDERR_NOT "did you mean")

# ---- did you mean ----------------------------------------------------------------------
sdk_cli_test(run_of_a_mistyped_node_suggests_the_closest_node EXIT 2
  ARGS run test.ehco --params "{}" --plugins "${good}"
  STDERR "^wfn-host: error: no loaded plugin provides node test\\.ehco; did you mean `test\\.echo`\\? \\(plugins folder: [^\n]*good-plugins\\)\n$")
sdk_cli_test(a_mistyped_option_suggests_the_closest_option EXIT 2
  ARGS run test.echo --parms "{}" --plugins "${good}"
  STDERR "^wfn-host: error: run: unrecognised option '--parms'; did you mean `--params`\\? \\(see wfn-host run --help\\)\n$")
sdk_cli_test(an_option_far_from_every_option_suggests_none EXIT 2 ARGS list --frobnicate --plugins "${good}"
  STDERR "^wfn-host: error: list: unrecognised option '--frobnicate' \\(see wfn-host list --help\\)\n$")
sdk_cli_test(a_mistyped_command_suggests_the_closest_command EXIT 2 ARGS descibe test.echo
  STDERR "^wfn-host: error: unknown command \"descibe\"; did you mean `describe`\\? \\(expected list, describe, run, workflow, credentials or version\\)\n$")
sdk_cli_test(a_mistyped_top_level_option_suggests_the_closest EXIT 2 ARGS --verison
  STDERR "^wfn-host: error: unknown option \"--verison\"; did you mean `--version`\\?")
sdk_cli_test(a_mistyped_credentials_action_suggests_test EXIT 2 ARGS credentials tst
  STDERR "^wfn-host: error: credentials: unknown action \"tst\"; did you mean `test`\\? \\(expected test\\)\n$")

# ---- --version and --help --------------------------------------------------------------
string(REPLACE "." "\\." version_regex "${PROJECT_VERSION}")
sdk_cli_test(version_prints_the_sdk_the_abi_and_each_plugin EXIT 0 ARGS --version --plugins "${good}"
  STDOUT "^wfn-host ${version_regex} \\(wfn plugin SDK ${version_regex}\\)\nplugin ABI 1\\.1: loads plugins built for ABI 1\\.0 to 1\\.1\nplugins \\(plugins folder: [^\n]*good-plugins\\):\n  com\\.wfn\\.test 1\\.0\\.0 \\(SDK test plugin, ABI 1\\.0\\) [^\n]*good-plugins/good\n$")
sdk_cli_test(version_reports_load_errors_as_warnings_and_succeeds EXIT 0 ARGS version --plugins "${mixed}"
  STDOUT "\n  com\\.wfn\\.test 1\\.0\\.0 \\(SDK test plugin, ABI 1\\.0\\) " "\n  com\\.wfn\\.raw 1\\.0\\.0 \\([^\n]*, ABI 1\\.0\\) "
  STDERR "warning: [^\n]*abi-major/manifest\\.json: declares wfn ABI 2\\.0")
sdk_cli_test(version_says_when_no_plugin_is_found EXIT 0 ARGS version --plugins "${workflows}"
  STDOUT "\nplugins \\(plugins folder: [^\n]*workflows\\):\n  none found\n$")
sdk_cli_test(top_level_help_puts_timeout_on_the_workflow_line EXIT 0 ARGS --help
  STDOUT "\n  workflow FILE [^\n]*\\[--timeout-ms N\\][^\n]*\n")
# Every option of every command appears in the top-level help, so the two
# cannot drift apart.
add_test(NAME sdk.cli.top_level_help_lists_every_option
  COMMAND "${CMAKE_COMMAND}" "-DPROGRAM=$<TARGET_FILE:wfn-host>" -P "${CMAKE_CURRENT_SOURCE_DIR}/check_help_options.cmake")

# ---- workflow --------------------------------------------------------------------------
sdk_cli_test(workflow_chains_steps_through_templates EXIT 0
  ARGS workflow "${workflows}/chain.workflow.json" --input "{\"login\":\"ada@example.com\",\"count\":3}"
       --plugins "${good}"
  STDOUT "\"workflow\": \"chain\"" "\"succeeded\": true"
         "\"Message\": \"Hello ada@example.com\"" "\"Copied\": \"Hello ada@example.com\"" "\"Count\": 3")
sdk_cli_test(workflow_for_each_keeps_item_order_with_concurrency EXIT 0
  ARGS workflow "${workflows}/batch.workflow.json" --input "@${workflows}/batch-input.json" --plugins "${good}"
  STDOUT "\"outputs\": \\[.*\"Message\": \"user 0: a@example\\.com\".*\"Message\": \"user 1: b@example\\.com\".*\"Message\": \"user 2: c@example\\.com\""
         "\"Last\": \"user 2: c@example\\.com\"")
# A forEach over the previous step's list takes the items as they are
# listed; --output ndjson prints each output as it finishes, then the
# document, which only counts them.
sdk_cli_test(workflow_ndjson_prints_each_streamed_items_output_then_the_document EXIT 0
  ARGS workflow "${workflows}/stream-items.workflow.json" --output ndjson --plugins "${good}"
  STDOUT "^\\{\"step\":\"each\",\"index\":0,\"output\":\\{[^\n]*\"Message\":\"item 0\"[^\n]*\n\\{\"step\":\"each\",\"index\":1,[^\n]*\"Message\":\"item 1\"[^\n]*\n\\{\"step\":\"each\",\"index\":2,[^\n]*\n\\{\"step\":\"each\",\"index\":3,[^\n]*\n\\{\"step\":\"each\",\"index\":4,[^\n]*\n\\{\"workflow\":\"stream\",[^\n]*\"Complete\":true,\"Listed\":5,\"streamedTo\":\"each\",\"streamedItems\":5\\}[^\n]*\"outputCount\":5[^\n]*\n$")
sdk_cli_test(workflow_refuses_an_unknown_output_format EXIT 2
  ARGS workflow "${workflows}/stream-items.workflow.json" --output xml --plugins "${good}"
  STDERR "^wfn-host: error: workflow: --output xml is not one of json, ndjson\n$")
sdk_cli_test(workflow_continue_on_fail_still_succeeds EXIT 0
  ARGS workflow "${workflows}/continue-on-fail.workflow.json" --plugins "${good}"
  STDOUT "\"name\": \"explode\"[^}]*\"succeeded\": false" "\"name\": \"after\"" "\"skipped\": \\[\\]")
sdk_cli_test(workflow_stops_at_a_failed_step EXIT 1
  ARGS workflow "${workflows}/stops.workflow.json" --plugins "${good}"
  STDOUT "\"succeeded\": false" "\"skipped\": \\[[ \n]*\"never\"")
sdk_cli_test(workflow_unknown_reference_fails_the_step_naming_it EXIT 1
  ARGS workflow "${workflows}/unknown-reference.workflow.json" --plugins "${good}"
  STDOUT "\"StatusCode\": -1" "Template \\{\\{ steps\\.crate\\.Params\\.Message \\}\\}: steps has no field")
sdk_cli_test(workflow_file_errors_name_the_path EXIT 2
  ARGS workflow "${workflows}/invalid.workflow.json" --plugins "${good}"
  STDERR "^wfn-host: error: workflow file [^\n]*invalid\\.workflow\\.json does not match workflow\\.schema\\.json: /steps/0/node: required property is missing")
sdk_cli_test(workflow_with_an_unknown_node_is_a_usage_error EXIT 2
  ARGS workflow "${workflows}/unknown-node.workflow.json" --plugins "${good}"
  STDERR "error: no loaded plugin provides node test\\.missing" STDERR_NOT "did you mean")
sdk_cli_test(workflow_with_a_mistyped_node_suggests_the_closest EXIT 2
  ARGS workflow "${workflows}/mistyped-node.workflow.json" --plugins "${good}"
  STDERR "^wfn-host: error: no loaded plugin provides node test\\.ecoh; did you mean `test\\.echo`\\? ")

# The CLI needs the bundles laid out before any of these run.
add_custom_target(wfn_sdk_cli_test_deps DEPENDS wfn-host wfn_test_bundles)

# ---- credentials test ----------------------------------------------------------------
sdk_cli_test(credentials_test_names_an_unknown_type EXIT 1
  ARGS credentials test --type test.noSuchType --credentials "{}" --plugins "${good}"
  STDOUT "\"Valid\": false" "\"Problem\": \"unknown_credential_type\"" "Unknown credential type test\\.noSuchType")
sdk_cli_test(credentials_test_needs_an_action EXIT 2 ARGS credentials frobnicate
  STDERR "credentials: unknown action \"frobnicate\" \\(expected test\\)")
sdk_cli_test(credentials_test_needs_a_type EXIT 2 ARGS credentials test --credentials "{}" --plugins "${good}"
  STDERR "type")
