# Project-wide compile settings live on one INTERFACE target that every
# Claimtrack target links, so no directory grows its own flags.
add_library(claimtrack_settings INTERFACE)
target_compile_features(claimtrack_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(claimtrack_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  $<$<BOOL:${CLAIMTRACK_WERROR}>:-Werror>)
target_compile_definitions(claimtrack_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_KEYWORDS)

set(CLAIMTRACK_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(CLAIMTRACK_SANITIZE)
  target_compile_options(claimtrack_settings INTERFACE
    -fsanitize=${CLAIMTRACK_SANITIZE} -fno-omit-frame-pointer)
  target_link_options(claimtrack_settings INTERFACE -fsanitize=${CLAIMTRACK_SANITIZE})
endif()
