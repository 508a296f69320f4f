# wfn_layer_probe(<test name> <probe target> <layer target> <header>):
# a test that an include going the wrong way does not compile. The probe is
# one source file in the build tree (so no relative include can reach the
# header) that includes <header>, built against <layer target>'s include
# roots only; the test passes only when the compiler cannot find the header.
function(wfn_layer_probe test_name target layer header)
  set(source "${CMAKE_CURRENT_BINARY_DIR}/${target}.cpp")
  file(WRITE "${source}" "#include \"${header}\"\n")
  add_library(${target} OBJECT EXCLUDE_FROM_ALL "${source}")
  target_link_libraries(${target} PRIVATE ${layer})
  add_test(NAME ${test_name}
    COMMAND "${CMAKE_COMMAND}" --build "${PROJECT_BINARY_DIR}" --target ${target})
  string(REPLACE "." "\\." header_pattern "${header}")
  set_tests_properties(${test_name} PROPERTIES
    PASS_REGULAR_EXPRESSION "${header_pattern}: No such file"
    RUN_SERIAL TRUE)
endfunction()
