# cmake -DPROGRAM=<wfn-host> -P check_help_options.cmake
#
# The top-level --help must not drift from the commands: it must list
# exactly the expected commands, and for each command every option its own
# --help shows: the command's options on its line, the options every command
# takes in the "Every command also takes" block. The command's usage line
# must name them all too, and no line may name an option the command lacks.
cmake_minimum_required(VERSION 3.25)

set(expected_commands "list" "describe" "run" "workflow" "credentials test" "version")

# lines(<out var> <text>): the text's lines as a list. Brackets and
# semicolons would confuse CMake's list splitting, so they become < > and ,.
function(lines out text)
  string(REPLACE "[" "<" text "${text}")
  string(REPLACE "]" ">" text "${text}")
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# option_names(<out var> <text>): every --name in the text, once each.
function(option_names out text)
  string(REGEX MATCHALL "--[a-z][a-z-]*" names "${text}")
  list(REMOVE_DUPLICATES names)
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

function(run_help out)
  execute_process(COMMAND "${PROGRAM}" ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE text ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "wfn-host ${ARGN} exited ${code}: ${err}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(failures "")
run_help(top --help)
lines(top_lines "${top}")

# The command lines: two spaces, then lower-case words up to the first
# argument (upper case, an option or a bracket). The common block starts
# at "Every command also takes".
set(listed_commands "")
set(in_common FALSE)
set(common_text "")
foreach(line IN LISTS top_lines)
  if(line MATCHES "^Every command also takes")
    set(in_common TRUE)
  elseif(in_common)
    string(APPEND common_text "${line}\n")
  elseif(line MATCHES "^  ([a-z]+( [a-z]+)*)( |$)")
    set(name "${CMAKE_MATCH_1}")
    list(APPEND listed_commands "${name}")
    string(MAKE_C_IDENTIFIER "${name}" key)
    set(top_line_${key} "${line}")
  endif()
endforeach()
if(NOT listed_commands STREQUAL expected_commands)
  string(APPEND failures "top-level --help lists the commands [${listed_commands}], expected [${expected_commands}]\n")
endif()
option_names(common_options "${common_text}")
if(common_options STREQUAL "")
  string(APPEND failures "top-level --help has no \"Every command also takes\" options\n")
endif()

foreach(command IN LISTS expected_commands)
  string(REPLACE " " ";" command_words "${command}")
  run_help(help ${command_words} --help)
  lines(help_lines "${help}")
  list(GET help_lines 0 usage)
  # The option table: lines indented by two spaces that start with an option.
  set(table "")
  foreach(line IN LISTS help_lines)
    if(line MATCHES "^  (-[a-z] <)?[ ]*--")
      string(APPEND table "${line}\n")
    endif()
  endforeach()
  option_names(options "${table}")
  string(MAKE_C_IDENTIFIER "${command}" key)
  set(top_line "${top_line_${key}}")
  option_names(top_line_options "${top_line}")
  if(options STREQUAL "")
    string(APPEND failures "wfn-host ${command} --help shows no options\n")
  endif()
  foreach(option IN LISTS options)
    if(NOT usage MATCHES "${option}( |>|$)")
      string(APPEND failures "wfn-host ${command} --help: its usage line lacks ${option}: ${usage}\n")
    endif()
    list(FIND common_options "${option}" common_at)
    if(common_at EQUAL -1 AND NOT top_line MATCHES "${option}( |>|$)")
      string(APPEND failures "top-level --help: the ${command} line lacks ${option}: ${top_line}\n")
    endif()
  endforeach()
  foreach(option IN LISTS top_line_options)
    list(FIND options "${option}" at)
    if(at EQUAL -1)
      string(APPEND failures "top-level --help: the ${command} line names ${option}, which ${command} does not take\n")
    endif()
  endforeach()
  foreach(option IN LISTS common_options)
    list(FIND options "${option}" at)
    if(at EQUAL -1)
      string(APPEND failures "wfn-host ${command} does not take ${option}, which --help says every command takes\n")
    endif()
  endforeach()
endforeach()

if(failures)
  message(FATAL_ERROR "${failures}--- wfn-host --help ---\n${top}")
endif()
