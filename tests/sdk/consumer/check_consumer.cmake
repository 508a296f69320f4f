# sdk.install_consumer: install the SDK from BUILD_DIR into a fresh prefix,
# build the out-of-tree consumer (a plugin and a host) against it with
# find_package(wfnSDK), then load and run the plugin with the consumer's host
# and with the installed wfn-host.
cmake_minimum_required(VERSION 3.25)

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")

foreach(component sdk host)
  run_step("installing component ${component}"
    "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --component ${component})
endforeach()

set(sanitizer_flags "")
if(SANITIZE)
  string(REPLACE ";" "," sanitizers "${SANITIZE}")
  set(sanitizer_flags "-fsanitize=${sanitizers}")
endif()
run_step("configuring the consumer"
  "${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE}" -B "${consumer_build}" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_C_COMPILER=${C_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${sanitizer_flags}" "-DCMAKE_MODULE_LINKER_FLAGS=${sanitizer_flags}"
  "-DCMAKE_EXE_LINKER_FLAGS=${sanitizer_flags}")
run_step("building the consumer" "${CMAKE_COMMAND}" --build "${consumer_build}" -j 2)

run_step("the consumer's host running hello.greet"
  "${consumer_build}/hello_host" "${consumer_build}/plugins" hello.greet "{\"Name\":\"Ada\"}")
if(NOT last_output MATCHES "\"Greeting\":\"Hello, Ada!\"")
  message(FATAL_ERROR "unexpected output from hello_host: ${last_output}")
endif()

run_step("the installed wfn-host listing the consumer's plugin"
  "${prefix}/bin/wfn-host" list --plugins "${consumer_build}/plugins")
if(NOT last_output MATCHES "hello\\.greet +v1 +Greet +org\\.example\\.hello 0\\.1\\.0")
  message(FATAL_ERROR "unexpected wfn-host list output: ${last_output}")
endif()

run_step("the consumer's own install rule" "${CMAKE_COMMAND}" --install "${consumer_build}" --prefix "${prefix}")
if(NOT EXISTS "${prefix}/lib/wfn/plugins/org.example.hello/manifest.json" OR NOT EXISTS "${prefix}/lib/wfn/plugins/org.example.hello/libwfn_hello.so")
  file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
  message(FATAL_ERROR "wfn_install_plugin_bundle did not lay out lib/wfn/plugins/org.example.hello/: ${installed}")
endif()
# Installed layout: wfn-host finds <prefix>/lib/wfn/plugins without --plugins.
run_step("the installed wfn-host finding its default plugins folder"
  "${CMAKE_COMMAND}" -E env --unset=WFN_PLUGINS_DIR --unset=WFN_PLUGINS_PATH "${prefix}/bin/wfn-host" run hello.greet --params "{\"Name\":\"Bo\"}")
if(NOT last_output MATCHES "Hello, Bo!")
  message(FATAL_ERROR "unexpected wfn-host run output: ${last_output}")
endif()
message(STATUS "the installed wfnSDK package builds and hosts a third-party plugin")
