# CMake functions for building and shipping wfn plugins. Used by this
# project and, once installed, by third parties through find_package(wfnSDK).
#
#   wfn_add_plugin(<target> SOURCES ... [LINK ...])
#   wfn_stage_plugin_bundle(TARGET <target> MANIFEST_DIR <dir> DESTINATION <dir>)
#   wfn_install_plugin_bundle(TARGET <target> MANIFEST_DIR <dir> [NAME <name>] [COMPONENT <component>])
#
# A plugin bundle is one folder: manifest.json, the files it names (nodes/,
# credentials/) and the library. The host discovers bundles manifest-first.
include_guard(GLOBAL)
include(GNUInstallDirs)

set(_WFN_PLUGIN_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

# wfn_add_plugin(<target> SOURCES ... [LINK ...])
#
# Builds a wfn plugin: a MODULE library whose only exported symbol is
# wfn_get_plugin_entry (enforced by a linker version script, so static
# dependencies such as Boost or OpenSSL never leak into the host).
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

# Every file under a manifest folder, so edits to a node file restage the
# bundle without a reconfigure.
function(_wfn_manifest_files out_var manifest_dir)
  if(NOT EXISTS "${manifest_dir}/manifest.json")
    message(FATAL_ERROR "wfn: ${manifest_dir} has no manifest.json; a plugin bundle needs one.")
  endif()
  file(GLOB_RECURSE files LIST_DIRECTORIES false CONFIGURE_DEPENDS "${manifest_dir}/*")
  set(${out_var} "${files}" PARENT_SCOPE)
endfunction()

# wfn_stage_plugin_bundle(TARGET <target> MANIFEST_DIR <dir> DESTINATION <dir>)
#
# Lays a drop-in bundle out in the build tree: after <target> builds (and
# whenever a file under MANIFEST_DIR changes), copies MANIFEST_DIR's contents
# and the library into DESTINATION, which becomes the bundle folder itself
# (for example ${WFN_BUNDLE_DIR}/okta). Creates the target <target>_bundle,
# built by default; make tests that load the bundle depend on it.
function(wfn_stage_plugin_bundle)
  cmake_parse_arguments(ARG "" "TARGET;MANIFEST_DIR;DESTINATION" "" ${ARGN})
  foreach(required TARGET MANIFEST_DIR DESTINATION)
    if(NOT ARG_${required})
      message(FATAL_ERROR "wfn_stage_plugin_bundle: ${required} is required.")
    endif()
  endforeach()
  get_filename_component(manifest_dir "${ARG_MANIFEST_DIR}" ABSOLUTE)
  _wfn_manifest_files(manifest_files "${manifest_dir}")

  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}_bundle.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${ARG_DESTINATION}"
    COMMAND "${CMAKE_COMMAND}" -E copy_directory "${manifest_dir}" "${ARG_DESTINATION}"
    COMMAND "${CMAKE_COMMAND}" -E copy "$<TARGET_FILE:${ARG_TARGET}>" "${ARG_DESTINATION}/"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS ${ARG_TARGET} ${manifest_files}
    COMMENT "Staging plugin bundle ${ARG_TARGET} in ${ARG_DESTINATION}"
    VERBATIM)
  add_custom_target(${ARG_TARGET}_bundle ALL DEPENDS "${stamp}")
endfunction()

# wfn_install_plugin_bundle(TARGET <target> MANIFEST_DIR <dir> [NAME <name>] [COMPONENT <component>])
#
# Installs the bundle to ${CMAKE_INSTALL_LIBDIR}/wfn/plugins/<name>/, where the
# installed wfn-host looks by default. NAME defaults to the plugin id of
# MANIFEST_DIR/manifest.json ("org.example.hello"), so that two plugins never
# share a folder; COMPONENT defaults to "plugins". An install that would put
# the bundle over another plugin's bundle (a manifest.json with another id)
# fails before it copies anything.
function(wfn_install_plugin_bundle)
  cmake_parse_arguments(ARG "" "TARGET;MANIFEST_DIR;NAME;COMPONENT" "" ${ARGN})
  foreach(required TARGET MANIFEST_DIR)
    if(NOT ARG_${required})
      message(FATAL_ERROR "wfn_install_plugin_bundle: ${required} is required.")
    endif()
  endforeach()
  get_filename_component(manifest_dir "${ARG_MANIFEST_DIR}" ABSOLUTE)
  _wfn_manifest_files(manifest_files "${manifest_dir}")
  file(READ "${manifest_dir}/manifest.json" manifest_text)
  string(JSON plugin_id ERROR_VARIABLE id_error GET "${manifest_text}" id)
  if(id_error)
    message(FATAL_ERROR "wfn_install_plugin_bundle: ${manifest_dir}/manifest.json has no readable \"id\": ${id_error}")
  endif()
  if(NOT ARG_NAME)
    set(ARG_NAME "${plugin_id}")
  endif()
  if(NOT ARG_COMPONENT)
    set(ARG_COMPONENT plugins)
  endif()

  set(bundle_dir "${CMAKE_INSTALL_LIBDIR}/wfn/plugins/${ARG_NAME}")
  install(CODE "
    set(_wfn_bundle \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${bundle_dir}\")
    if(EXISTS \"\${_wfn_bundle}/manifest.json\")
      file(READ \"\${_wfn_bundle}/manifest.json\" _wfn_installed)
      string(JSON _wfn_installed_id ERROR_VARIABLE _wfn_error GET \"\${_wfn_installed}\" id)
      if(NOT _wfn_installed_id STREQUAL \"${plugin_id}\")
        message(FATAL_ERROR \"wfn: not installing plugin ${plugin_id} into \${_wfn_bundle}: \"
                            \"that folder holds plugin '\${_wfn_installed_id}'. Give wfn_install_plugin_bundle() \"
                            \"another NAME, or leave NAME out to use the plugin id.\")
      endif()
    endif()" COMPONENT ${ARG_COMPONENT})
  install(TARGETS ${ARG_TARGET} LIBRARY DESTINATION "${bundle_dir}" COMPONENT ${ARG_COMPONENT})
  install(DIRECTORY "${manifest_dir}/" DESTINATION "${bundle_dir}" COMPONENT ${ARG_COMPONENT})
endfunction()
