# Install rules and the wfnSDK CMake package, so a third party can write
#   find_package(wfnSDK 1.0 REQUIRED)
#   wfn_add_plugin(my_plugin SOURCES my_plugin.cpp LINK wfn::plugin_support)
# and host plugins with wfn::host.
include(CMakePackageConfigHelpers)

set(WFN_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/wfnSDK")

install(DIRECTORY include/wfn DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT sdk)
install(TARGETS wfn_abi wfn_plugin_support wfn_host
  EXPORT wfnSDKTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT sdk
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS wfn-host RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT host)
install(FILES ${WFN_SCHEMA_FILES} DESTINATION "${CMAKE_INSTALL_DATADIR}/wfn/schema" COMPONENT sdk)

install(EXPORT wfnSDKTargets
  NAMESPACE wfn::
  DESTINATION "${WFN_INSTALL_CMAKEDIR}"
  COMPONENT sdk)
configure_package_config_file(cmake/wfnSDKConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/wfnSDKConfig.cmake"
  INSTALL_DESTINATION "${WFN_INSTALL_CMAKEDIR}")
# The ABI major is the compatibility line: 1.x SDKs serve 1.y requests.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/wfnSDKConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/wfnSDKConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/wfnSDKConfigVersion.cmake"
  cmake/WfnPlugin.cmake
  cmake/WfnCheckExports.cmake
  cmake/wfn_plugin.map
  DESTINATION "${WFN_INSTALL_CMAKEDIR}"
  COMPONENT sdk)
