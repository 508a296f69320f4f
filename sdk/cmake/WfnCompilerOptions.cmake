# Project-wide warning and sanitizer settings, applied through one interface
# target so third-party code (Boost, OpenSSL) stays untouched.
add_library(wfn_build_options INTERFACE)
add_library(wfn::build_options ALIAS wfn_build_options)

target_compile_options(wfn_build_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough>
  # GCC 12's -Wnull-dereference reports false positives in code it inlines out
  # of Asio and Program_options at -O2; Clang's is precise, so only Clang has it.
  $<$<CXX_COMPILER_ID:Clang>:-Wnull-dereference>)
if(WFN_WARNINGS_AS_ERRORS)
  target_compile_options(wfn_build_options INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror>)
endif()

# Beast and Asio are header-only and heavy; a few defines keep builds smaller.
target_compile_definitions(wfn_build_options INTERFACE
  BOOST_ASIO_NO_DEPRECATED BOOST_DLL_USE_STD_FS)

if(WFN_SANITIZE)
  list(JOIN WFN_SANITIZE "," _wfn_sanitizers)
  set(_wfn_san_flags -fsanitize=${_wfn_sanitizers} -fno-omit-frame-pointer)
  # GCC warns that TSan does not model atomic_thread_fence, which Asio uses;
  # that is a note about TSan's coverage, not a defect in our code.
  if("thread" IN_LIST WFN_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-Wno-tsan>)
  endif()
  if("address" IN_LIST WFN_SANITIZE OR "undefined" IN_LIST WFN_SANITIZE)
    list(APPEND _wfn_san_flags -fno-sanitize-recover=all)
  endif()
  # Applied globally so every object, test plugins included, is instrumented.
  add_compile_options(${_wfn_san_flags})
  add_link_options(${_wfn_san_flags})
endif()
