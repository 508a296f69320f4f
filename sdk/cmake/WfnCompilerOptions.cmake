# Project-wide warning and sanitizer settings, applied through one interface
# target so third-party code (Boost, OpenSSL) stays untouched.
add_library(wfn_build_options INTERFACE)
add_library(wfn::build_options ALIAS wfn_build_options)

target_compile_options(wfn_build_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wformat=2
    -Wimplicit-fallthrough>)
if(WFN_WARNINGS_AS_ERRORS)
  target_compile_options(wfn_build_options INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror>)
endif()

# Beast and Asio are header-only and heavy; a few defines keep builds smaller.
target_compile_definitions(wfn_build_options INTERFACE
  BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW BOOST_DLL_USE_STD_FS)

if(WFN_SANITIZE)
  list(JOIN WFN_SANITIZE "," _wfn_sanitizers)
  set(_wfn_san_flags -fsanitize=${_wfn_sanitizers} -fno-omit-frame-pointer)
  if("address" IN_LIST WFN_SANITIZE OR "undefined" IN_LIST WFN_SANITIZE)
    list(APPEND _wfn_san_flags -fno-sanitize-recover=all)
  endif()
  # Applied globally so every object, test plugins included, is instrumented.
  add_compile_options(${_wfn_san_flags})
  add_link_options(${_wfn_san_flags})
endif()
