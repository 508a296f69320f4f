# wfn_add_plugin(<target> SOURCES ... [LINK ...])
#
# Builds a wfn plugin: a MODULE library whose only exported symbol is
# wfn_get_plugin_entry (enforced by a linker version script, so static
# dependencies such as Boost or OpenSSL never leak into the host).
set(_WFN_PLUGIN_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

function(wfn_add_plugin target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_LINK})
  set_target_properties(${target} PROPERTIES
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    PREFIX "lib")
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(${target} PRIVATE
      "LINKER:--version-script=${_WFN_PLUGIN_CMAKE_DIR}/wfn_plugin.map"
      "LINKER:--no-undefined" "LINKER:-z,defs")
  endif()
endfunction()
