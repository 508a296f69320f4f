# cmake -DLIBRARY=<plugin.so> [-DNM=<nm>] -P WfnCheckExports.cmake
#
# Fails unless the library's dynamic symbol table defines exactly one symbol,
# wfn_get_plugin_entry (ABI rule 1). Usable as a ctest COMMAND for any plugin.
if(NOT LIBRARY)
  message(FATAL_ERROR "WfnCheckExports: pass -DLIBRARY=<plugin library>")
endif()
if(NOT NM)
  find_program(NM nm REQUIRED)
endif()
execute_process(COMMAND "${NM}" -D --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE symbols ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIBRARY}: ${errors}")
endif()
string(REGEX REPLACE "\n$" "" symbols "${symbols}")
string(REPLACE "\n" ";" lines "${symbols}")
set(exported "")
foreach(line IN LISTS lines)
  # "<address> <type> <name>"; versioned names carry "@VERSION" (none here).
  if(line MATCHES "^[0-9a-fA-F]* *[A-Za-z] (.+)$")
    list(APPEND exported "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(NOT exported STREQUAL "wfn_get_plugin_entry")
  list(LENGTH exported count)
  message(FATAL_ERROR "${LIBRARY} must export exactly wfn_get_plugin_entry, but exports ${count} symbol(s): ${exported}")
endif()
message(STATUS "${LIBRARY} exports exactly wfn_get_plugin_entry")
