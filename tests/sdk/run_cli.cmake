# cmake -DPROGRAM=<exe> -DARGS=<a^^b^^…> -DEXPECT_EXIT=<n>
#       [-DSTDOUT=<regex^^regex…>] [-DSTDERR=<regex^^…>] [-DSTDERR_NOT=<regex^^…>]
#       [-DSTDIN=<file>] [-DSTDOUT_FILE=<file>] -P run_cli.cmake
#
# STDOUT_FILE sends stdout to a file (such as /dev/full) instead of
# capturing it; STDOUT patterns then have nothing to match.
#
# Runs one wfn-host command and checks its exit code and output. Lists use
# "^^" because ";" does not survive add_test.
cmake_minimum_required(VERSION 3.25)

# check_patterns(<text var> <patterns var> <MATCH|NO_MATCH> <label>): each
# "^^"-separated regex must (or must not) match. Not split as a CMake list:
# a regex such as "\\[" would unbalance list splitting.
function(check_patterns text_var patterns_var mode label)
  set(rest "${${patterns_var}}")
  set(found "${failures}")
  while(NOT rest STREQUAL "")
    string(FIND "${rest}" "^^" at)
    if(at EQUAL -1)
      set(pattern "${rest}")
      set(rest "")
    else()
      string(SUBSTRING "${rest}" 0 ${at} pattern)
      math(EXPR next "${at} + 2")
      string(SUBSTRING "${rest}" ${next} -1 rest)
    endif()
    if("${${text_var}}" MATCHES "${pattern}")
      set(matched TRUE)
    else()
      set(matched FALSE)
    endif()
    if(mode STREQUAL "MATCH" AND NOT matched)
      string(APPEND found "${label} does not match: ${pattern}\n")
    elseif(mode STREQUAL "NO_MATCH" AND matched)
      string(APPEND found "${label} matches what it must not: ${pattern}\n")
    endif()
  endwhile()
  set(failures "${found}" PARENT_SCOPE)
endfunction()

string(REPLACE "^^" ";" args "${ARGS}")
set(input_option "")
if(STDIN)
  set(input_option INPUT_FILE "${STDIN}")
endif()
set(output_option OUTPUT_VARIABLE out)
if(STDOUT_FILE)
  set(output_option OUTPUT_FILE "${STDOUT_FILE}")
  set(out "")
endif()
execute_process(COMMAND "${PROGRAM}" ${args}
  ${input_option} ${output_option}
  RESULT_VARIABLE exit_code ERROR_VARIABLE err)
set(failures "")
if(NOT exit_code STREQUAL EXPECT_EXIT)
  string(APPEND failures "exit code ${exit_code}, expected ${EXPECT_EXIT}\n")
endif()
check_patterns(out STDOUT MATCH STDOUT)
check_patterns(err STDERR MATCH STDERR)
check_patterns(err STDERR_NOT NO_MATCH STDERR)
if(failures)
  message(FATAL_ERROR "wfn-host ${args}\n${failures}--- stdout ---\n${out}--- stderr ---\n${err}")
endif()
